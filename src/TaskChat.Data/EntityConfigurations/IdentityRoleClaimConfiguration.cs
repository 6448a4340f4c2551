using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdentityRoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> claim)
    {
        claim.ToTable("role_claims");
        claim.HasOne<IdentityRole>().WithMany().HasForeignKey(c => c.RoleId)
            .HasConstraintName("fk_role_claims_role_id"); // Pinned: see TaskChatDbContext.
    }
}
