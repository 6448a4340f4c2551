using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdempotentToolCallConfiguration : IEntityTypeConfiguration<IdempotentToolCall>
{
    public void Configure(EntityTypeBuilder<IdempotentToolCall> call)
    {
        // The unique key that makes a concurrent duplicate wait for the first and then lose.
        call.HasKey(c => new { c.UserId, c.Key });
        call.Property(c => c.UserId).HasMaxLength(FieldLimits.UserId);
        call.Property(c => c.Key).HasMaxLength(IdempotencyKeys.MaxToolCallKeyLength);
        call.Property(c => c.Tool).HasMaxLength(FieldLimits.ToolName);
        call.Property(c => c.RequestHash).HasMaxLength(FieldLimits.RequestHash);
        call.HasIndex(c => c.CreatedAt); // Pruning.
    }
}
