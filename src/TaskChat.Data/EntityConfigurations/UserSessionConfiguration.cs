using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasMaxLength(FieldLimits.SessionId);
        session.Property(s => s.UserId).HasMaxLength(FieldLimits.UserId);
        session.Property(s => s.UserAgent).HasMaxLength(FieldLimits.UserAgent);
        // A deleted account takes its sessions with it.
        session.HasOne<TaskChatUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
        // What the pruning asks for: sessions past their absolute end, or idle too long.
        session.HasIndex(s => s.ExpiresAt);
        session.HasIndex(s => s.LastSeenAt);
    }
}
