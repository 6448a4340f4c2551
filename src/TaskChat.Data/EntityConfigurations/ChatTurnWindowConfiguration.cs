using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class ChatTurnWindowConfiguration : IEntityTypeConfiguration<ChatTurnWindow>
{
    public void Configure(EntityTypeBuilder<ChatTurnWindow> window)
    {
        // ChatTurnCounter writes this table with raw SQL: renaming a column means changing it there too.
        window.HasKey(w => w.UserId);
        window.Property(w => w.UserId).HasMaxLength(FieldLimits.UserId);
    }
}
