using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> task)
    {
        task.HasKey(t => t.Id).HasName("PK_tasks"); // Pinned: see TaskChatDbContext.
        task.Property(t => t.UserId).HasMaxLength(FieldLimits.UserId);
        task.Property(t => t.Title).HasMaxLength(FieldLimits.TaskTitle);
        task.Property(t => t.Description).HasMaxLength(FieldLimits.TaskDescription);
        task.HasIndex(t => new { t.UserId, t.Completed });
    }
}
