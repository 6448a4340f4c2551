using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.HasKey(c => c.Id).HasName("PK_conversations"); // Pinned: see TaskChatDbContext.
        conversation.Property(c => c.UserId).HasMaxLength(FieldLimits.UserId);
        conversation.Property(c => c.Title).HasMaxLength(FieldLimits.ConversationTitle);
        conversation.HasIndex(c => new { c.UserId, c.UpdatedAt });
        conversation.HasMany(c => c.Messages).WithOne(m => m.Conversation)
            .HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("FK_messages_conversations_conversation_id"); // Pinned: see TaskChatDbContext.
    }
}
