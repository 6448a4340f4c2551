using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> role)
    {
        role.ToTable("roles");
        // Identity names this index RoleNameIndex; ours is pinned (see TaskChatDbContext).
        role.HasIndex(r => r.NormalizedName).HasDatabaseName("ux_roles_normalized_name");
    }
}
