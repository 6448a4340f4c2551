using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class DeletedAccountConfiguration : IEntityTypeConfiguration<DeletedAccount>
{
    public void Configure(EntityTypeBuilder<DeletedAccount> deleted)
    {
        // Read by raw SQL inside the counters' upserts (DeletedAccounts.NotDeleted): renaming a column means changing it there too.
        deleted.HasKey(d => d.UserId);
        deleted.Property(d => d.UserId).HasMaxLength(FieldLimits.UserId);
    }
}
