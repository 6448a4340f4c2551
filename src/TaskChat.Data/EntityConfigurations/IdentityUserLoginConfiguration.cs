using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdentityUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> login)
    {
        login.ToTable("user_logins");
        login.HasOne<TaskChatUser>().WithMany().HasForeignKey(l => l.UserId)
            .HasConstraintName("fk_user_logins_user_id"); // Pinned: see TaskChatDbContext.
    }
}
