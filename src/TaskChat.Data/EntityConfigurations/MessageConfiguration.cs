using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

/// <summary>PostgreSQL stores <see cref="Message.ToolCalls"/> as jsonb: see PostgresTaskChatDbContext.</summary>
internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.HasKey(m => m.Id).HasName("PK_messages"); // Pinned: see TaskChatDbContext.
        message.Property(m => m.UserId).HasMaxLength(FieldLimits.UserId);
        message.Property(m => m.Role).HasMaxLength(FieldLimits.MessageRole);
        message.HasIndex(m => new { m.ConversationId, m.Id });
    }
}
