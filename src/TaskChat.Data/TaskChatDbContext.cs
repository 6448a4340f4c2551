using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;

namespace TaskChat.Data;

/// <summary>
/// The one model of the database. Abstract because each provider has its own migrations:
/// <see cref="SqliteTaskChatDbContext"/> and <see cref="PostgresTaskChatDbContext"/> subclass it, and
/// services ask for this type. The web's users (ASP.NET Core Identity), its token signing keys and
/// its Data Protection keys and its OAuth clients and grants (OpenIddict) live here too, so that web replicas share them. A new table is a DbSet
/// here and a configuration in EntityConfigurations/, then a migration per provider (docs/development.md).
/// </summary>
/// <remarks>
/// Each entity has its own configuration class, applied from this assembly. Names follow one
/// convention, snake_case (EFCore.NamingConventions, switched on with the provider in
/// DataServiceCollectionExtensions): a table after its DbSet, a column after its property, keys,
/// foreign keys and indexes after those (pk_users, ix_tasks_user_id_completed). A configuration
/// names something only where the convention cannot: Identity's tables (Identity calls them
/// AspNetUsers...), the signing keys' kid column, and the names the database had before the
/// convention, marked "Pinned": renaming those would change the schema.
/// </remarks>
public abstract class TaskChatDbContext(DbContextOptions options) : IdentityDbContext<TaskChatUser>(options), IDataProtectionKeyContext
{
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<TaskTag> TaskTags => Set<TaskTag>();
    public DbSet<TaskReminder> TaskReminders => Set<TaskReminder>();
    public DbSet<UserTaskCounter> UserTaskCounters => Set<UserTaskCounter>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ChatTurnWindow> ChatTurnWindows => Set<ChatTurnWindow>();
    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<IdempotentChatTurn> IdempotentChatTurns => Set<IdempotentChatTurn>();
    public DbSet<IdempotentToolCall> IdempotentToolCalls => Set<IdempotentToolCall>();
    public DbSet<DeletedAccount> DeletedAccounts => Set<DeletedAccount>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The OAuth authorization server's applications, authorizations, scopes and tokens (OpenIddict),
        // renamed to this schema's names by the configurations applied next.
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(TaskChatDbContext).Assembly);
    }
}
