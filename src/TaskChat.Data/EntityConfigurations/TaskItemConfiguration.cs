using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    // The same SQL on PostgreSQL and SQLite (both have partial indexes).
    private const string LiveOnly = "deleted_at IS NULL";

    public void Configure(EntityTypeBuilder<TaskItem> task)
    {
        task.HasKey(t => t.Id).HasName("PK_tasks"); // Pinned: see TaskChatDbContext.
        task.Property(t => t.UserId).HasMaxLength(FieldLimits.UserId);
        task.Property(t => t.Title).HasMaxLength(FieldLimits.TaskTitle);
        task.Property(t => t.Description).HasMaxLength(FieldLimits.TaskDescription);
        task.Property(t => t.Recurrence).HasMaxLength(FieldLimits.TaskRecurrence);
        task.Property(t => t.Occurrence).HasDefaultValue(1);
        // The lists' indexes hold live tasks only (partial, on both providers): every list reads "deleted_at IS NULL",
        // and a deleted task waiting for its purge makes none of them bigger.
        task.HasIndex(t => new { t.UserId, t.Completed }).HasFilter(LiveOnly);
        // A task is named by (owner, number); the index also serves the default order and its cursor. Deleted tasks are
        // in it: their numbers stay theirs, for a restore.
        task.HasIndex(t => new { t.UserId, t.Number }).IsUnique();
        task.HasIndex(t => new { t.UserId, t.DueAt }).HasFilter(LiveOnly);
        // The order by last change (sort=updated: the chat's side panel on every change), read backwards with its tie-break.
        task.HasIndex(t => new { t.UserId, t.UpdatedAt, t.Number }).HasFilter(LiveOnly);
        // The purge's: deleted tasks only, by when.
        task.HasIndex(t => t.DeletedAt).HasFilter("deleted_at IS NOT NULL");
        // At most one next occurrence per completed occurrence, whatever retries or races happen.
        task.HasIndex(t => t.FollowsTaskId).IsUnique();
        task.HasMany(t => t.Tags).WithOne().HasForeignKey(g => g.TaskId).OnDelete(DeleteBehavior.Cascade);
        task.HasMany(t => t.Reminders).WithOne().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
