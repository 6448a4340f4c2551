using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdentityUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> token)
    {
        token.ToTable("user_tokens");
        token.HasOne<TaskChatUser>().WithMany().HasForeignKey(t => t.UserId)
            .HasConstraintName("fk_user_tokens_user_id"); // Pinned: see TaskChatDbContext.
    }
}
