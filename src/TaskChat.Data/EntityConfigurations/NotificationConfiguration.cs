using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.Property(n => n.UserId).HasMaxLength(FieldLimits.UserId);
        notification.Property(n => n.Title).HasMaxLength(FieldLimits.TaskTitle);
        // The list (newest first) and the unread count of one user.
        notification.HasIndex(n => new { n.UserId, n.Id });
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
        // The email follow-up's poll, every REMINDER_POLL_SECONDS: notifications not yet looked at, oldest first.
        // Partial, as the reminders' due index is: an idle poll reads an empty range.
        notification.HasIndex(n => n.CreatedAt).HasFilter("followed_up_at IS NULL").HasDatabaseName("ix_notifications_follow_up");
    }
}
