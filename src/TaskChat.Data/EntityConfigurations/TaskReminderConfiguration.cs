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
        // The delivery worker's query, every second or so: unsent reminders due to fire, oldest first.
        // Partial, so it holds only what is still to go off (sent ones leave it): an idle poll reads
        // an empty range. The filter is plain SQL that both providers take.
        reminder.HasIndex(r => r.FireAt).HasFilter("sent_at IS NULL AND fire_at IS NOT NULL").HasDatabaseName("ix_task_reminders_due");
    }
}
