using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TaskChat.Data.Model;
using TaskChat.Data.Tasks;

namespace TaskChat.Data;

/// <summary>
/// The one model of the database. Abstract because each provider has its own migrations:
/// <see cref="SqliteTaskChatDbContext"/> and <see cref="PostgresTaskChatDbContext"/> subclass it, and
/// services ask for this type. A new table is added here, then a migration is generated once per
/// provider (docs/development.md). The web's users (ASP.NET Core Identity), its token signing keys
/// and its Data Protection keys live here too, so that web replicas share them.
/// </summary>
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
        OnIdentityModelCreating(builder);

        builder.Entity<TaskItem>(task =>
        {
            task.ToTable("tasks");
            task.HasKey(t => t.Id);
            task.Property(t => t.Id).HasColumnName("id");
            task.Property(t => t.UserId).HasColumnName("user_id").HasMaxLength(TaskRules.MaxUserIdLength);
            task.Property(t => t.Title).HasColumnName("title").HasMaxLength(TaskRules.MaxTitleLength);
            task.Property(t => t.Description).HasColumnName("description").HasMaxLength(TaskRules.MaxDescriptionLength);
            task.Property(t => t.Completed).HasColumnName("completed");
            task.Property(t => t.CreatedAt).HasColumnName("created_at");
            task.Property(t => t.UpdatedAt).HasColumnName("updated_at");
            task.HasIndex(t => new { t.UserId, t.Completed }).HasDatabaseName("ix_tasks_user_id_completed");
        });

        builder.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("conversations");
            conversation.HasKey(c => c.Id);
            conversation.Property(c => c.Id).HasColumnName("id");
            conversation.Property(c => c.UserId).HasColumnName("user_id").HasMaxLength(TaskRules.MaxUserIdLength);
            conversation.Property(c => c.Title).HasColumnName("title").HasMaxLength(TaskRules.MaxTitleLength);
            conversation.Property(c => c.CreatedAt).HasColumnName("created_at");
            conversation.Property(c => c.UpdatedAt).HasColumnName("updated_at");
            conversation.HasIndex(c => new { c.UserId, c.UpdatedAt }).HasDatabaseName("ix_conversations_user_id_updated_at");
            conversation.HasMany(c => c.Messages).WithOne(m => m.Conversation)
                .HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Message>(message =>
        {
            message.ToTable("messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id");
            message.Property(m => m.ConversationId).HasColumnName("conversation_id");
            message.Property(m => m.UserId).HasColumnName("user_id").HasMaxLength(TaskRules.MaxUserIdLength);
            message.Property(m => m.Role).HasColumnName("role").HasMaxLength(16);
            message.Property(m => m.Content).HasColumnName("content");
            message.Property(m => m.ToolCalls).HasColumnName("tool_calls");
            message.Property(m => m.CreatedAt).HasColumnName("created_at");
            message.HasIndex(m => new { m.ConversationId, m.Id }).HasDatabaseName("ix_messages_conversation_id_id");
        });

        builder.Entity<SigningKey>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasColumnName("kid").HasMaxLength(64);
            key.Property(k => k.Generation).HasColumnName("generation");
            key.Property(k => k.Algorithm).HasColumnName("algorithm").HasMaxLength(16);
            key.Property(k => k.ProtectedKey).HasColumnName("protected_key");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.Property(k => k.ActivatesAt).HasColumnName("activates_at");
            key.Property(k => k.RetiresAt).HasColumnName("retires_at");
            key.Property(k => k.ExpiresAt).HasColumnName("expires_at");
            key.HasIndex(k => k.Generation).IsUnique().HasDatabaseName("ux_signing_keys_generation");
            key.HasIndex(k => k.ExpiresAt).HasDatabaseName("ix_signing_keys_expires_at");
        });
    }

    /// <summary>Identity's and Data Protection's tables, named like ours: snake_case, no AspNet prefix.</summary>
    private static void OnIdentityModelCreating(ModelBuilder builder)
    {
        builder.Entity<TaskChatUser>(user =>
        {
            user.Property(u => u.Name).HasMaxLength(TaskChatUser.MaxNameLength);
        });
        var tables = new (Type Entity, string Table)[]
        {
            (typeof(TaskChatUser), "users"),
            (typeof(IdentityRole), "roles"),
            (typeof(IdentityUserRole<string>), "user_roles"),
            (typeof(IdentityUserClaim<string>), "user_claims"),
            (typeof(IdentityUserLogin<string>), "user_logins"),
            (typeof(IdentityUserToken<string>), "user_tokens"),
            (typeof(IdentityRoleClaim<string>), "role_claims"),
            (typeof(IdentityUserPasskey<string>), "user_passkeys"), // Only in Identity schema version 3.
            (typeof(DataProtectionKey), "data_protection_keys"),
        };
        foreach (var (type, table) in tables)
        {
            if (builder.Model.FindEntityType(type) is not { } entity)
            {
                continue;
            }
            entity.SetTableName(table);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
            entity.FindPrimaryKey()?.SetName("pk_" + table);
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName((index.IsUnique ? "ux_" : "ix_") + table + "_" + Columns(index.Properties));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName("fk_" + table + "_" + Columns(foreignKey.Properties));
            }
        }
    }

    private static string Columns(IEnumerable<IMutableProperty> properties) =>
        string.Join("_", properties.Select(p => SnakeCase(p.Name)));

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
