using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdentityUserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> userRole)
    {
        userRole.ToTable("user_roles");
        // Pinned: see TaskChatDbContext.
        userRole.HasOne<TaskChatUser>().WithMany().HasForeignKey(r => r.UserId).HasConstraintName("fk_user_roles_user_id");
        userRole.HasOne<IdentityRole>().WithMany().HasForeignKey(r => r.RoleId).HasConstraintName("fk_user_roles_role_id");
    }
}
