using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdentityUserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> claim)
    {
        claim.ToTable("user_claims");
        claim.HasOne<TaskChatUser>().WithMany().HasForeignKey(c => c.UserId)
            .HasConstraintName("fk_user_claims_user_id"); // Pinned: see TaskChatDbContext.
    }
}
