namespace TaskChat.Data.Model;

/// <summary>A chat thread; its messages are the history the agent reloads on every turn.</summary>
public sealed class Conversation
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Message> Messages { get; set; } = [];
}
