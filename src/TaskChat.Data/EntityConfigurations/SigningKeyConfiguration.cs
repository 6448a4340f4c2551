using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.HasKey(k => k.Id).HasName("PK_signing_keys"); // Pinned: see TaskChatDbContext.
        key.Property(k => k.Id).HasColumnName("kid").HasMaxLength(FieldLimits.SigningKeyId);
        key.Property(k => k.Algorithm).HasMaxLength(FieldLimits.SigningKeyAlgorithm);
        key.HasIndex(k => k.Generation).IsUnique().HasDatabaseName("ux_signing_keys_generation"); // Pinned: see TaskChatDbContext.
        key.HasIndex(k => k.ExpiresAt);
    }
}
