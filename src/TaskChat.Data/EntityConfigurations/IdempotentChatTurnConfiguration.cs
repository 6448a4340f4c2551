using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class IdempotentChatTurnConfiguration : IEntityTypeConfiguration<IdempotentChatTurn>
{
    public void Configure(EntityTypeBuilder<IdempotentChatTurn> turn)
    {
        // Keys are per user: the same key of two users names two turns.
        turn.HasKey(t => new { t.UserId, t.Key });
        turn.Property(t => t.UserId).HasMaxLength(FieldLimits.UserId);
        turn.Property(t => t.Key).HasMaxLength(IdempotencyKeys.MaxChatKeyLength);
        turn.Property(t => t.RequestHash).HasMaxLength(FieldLimits.RequestHash);
        turn.HasIndex(t => t.CreatedAt); // Pruning.
    }
}
