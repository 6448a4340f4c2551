using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;

namespace TaskChat.Data;

/// <summary>
/// The one model of the database. Abstract because each provider has its own migrations:
/// <see cref="SqliteTaskChatDbContext"/> and <see cref="PostgresTaskChatDbContext"/> subclass it, and
/// services ask for this type. A new table is added here, then a migration is generated once per
/// provider (docs/development.md). The web's users (ASP.NET Core Identity), its token signing keys
/// and its Data Protection keys live here too, so that web replicas share them.
/// </summary>
/// <remarks>
/// Each entity is configured in its own class under EntityConfigurations/. Names follow one
/// convention, snake_case (EFCore.NamingConventions, switched on with the provider in
/// DataServiceCollectionExtensions): tables after their DbSet, columns after their property, keys,
/// foreign keys and indexes after those (pk_tasks, ix_tasks_user_id_completed). A configuration names
/// something only where the convention cannot: Identity's tables, which Identity names itself
/// (AspNetUsers...), and a few constraints and indexes created before the convention, whose existing
/// names are pinned ("Pinned") because renaming them would change the schema.
/// </remarks>
public abstract class TaskChatDbContext(DbContextOptions options) : IdentityDbContext<TaskChatUser>(options), IDataProtectionKeyContext
{
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TaskChatDbContext).Assembly);
    }
}
