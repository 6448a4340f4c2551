using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class TaskReminderConfiguration : IEntityTypeConfiguration<TaskReminder>
{
    public void Configure(EntityTypeBuilder<TaskReminder> reminder)
    {
        reminder.ToTable("task_reminders");
        reminder.Property(r => r.UserId).HasMaxLength(FieldLimits.UserId);
        // The delivery worker's query: unsent reminders due to fire, oldest first.
        reminder.HasIndex(r => new { r.SentAt, r.FireAt });
    }
}
