using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;
using TaskChat.Data.Tasks;

namespace TaskChat.Data;

/// <summary>
/// The one model of the database. Abstract because each provider has its own migrations:
/// <see cref="SqliteTaskChatDbContext"/> and <see cref="PostgresTaskChatDbContext"/> subclass it, and
/// services ask for this type. A new table (Identity, signing keys) is added here, then a migration
/// is generated once per provider (docs/development.md).
/// </summary>
public abstract class TaskChatDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TaskItem>(task =>
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

        modelBuilder.Entity<Conversation>(conversation =>
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

        modelBuilder.Entity<Message>(message =>
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
    }
}
