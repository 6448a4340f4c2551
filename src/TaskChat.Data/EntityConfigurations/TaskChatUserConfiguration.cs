using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class TaskChatUserConfiguration : IEntityTypeConfiguration<TaskChatUser>
{
    public void Configure(EntityTypeBuilder<TaskChatUser> user)
    {
        user.ToTable("users");
        user.Property(u => u.Name).HasMaxLength(FieldLimits.UserDisplayName);
        user.Property(u => u.TimeZone).HasMaxLength(FieldLimits.TimeZone).HasDefaultValue("UTC");
        // Identity's own width, stated here so that sign-up checks the same number; the email is also the user name.
        user.Property(u => u.Email).HasMaxLength(FieldLimits.Email);
        user.Property(u => u.NormalizedEmail).HasMaxLength(FieldLimits.Email);
        user.Property(u => u.UserName).HasMaxLength(FieldLimits.Email);
        user.Property(u => u.NormalizedUserName).HasMaxLength(FieldLimits.Email);
        // Identity names these indexes UserNameIndex and EmailIndex; ours are pinned (see TaskChatDbContext).
        user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ux_users_normalized_user_name");
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
    }
}
