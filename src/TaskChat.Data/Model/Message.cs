using TaskChat.Contract;

namespace TaskChat.Data.Model;

public sealed class Message
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public Conversation? Conversation { get; set; }
    public required string UserId { get; set; }
    /// <summary>One of <see cref="MessageRoles"/>.</summary>
    public required string Role { get; set; }
    public required string Content { get; set; }
    /// <summary>The tool calls of an assistant turn as a JSON array, or null.</summary>
    public string? ToolCalls { get; set; }
    public DateTime CreatedAt { get; set; }
}
