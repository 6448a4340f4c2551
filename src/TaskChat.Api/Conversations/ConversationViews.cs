using System.Text.Json;
using TaskChat.Data.Model;

namespace TaskChat.Api.Conversations;

/// <summary>A conversation in a list.</summary>
public sealed record ConversationSummary(long Id, string Title, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ConversationSummary From(Conversation c) => new(c.Id, c.Title, c.CreatedAt, c.UpdatedAt);
}

public sealed record ConversationList(IReadOnlyList<ConversationSummary> Conversations, int Count);

/// <summary>A stored message; tool_calls is the reply's [{tool, arguments, result}] (null for the user's).</summary>
public sealed record MessageView(long Id, string Role, string Content, JsonElement? ToolCalls, DateTime CreatedAt)
{
    public static MessageView From(Message m) => new(m.Id, m.Role, m.Content,
        m.ToolCalls is null ? null : JsonDocument.Parse(m.ToolCalls).RootElement.Clone(), m.CreatedAt);
}

public sealed record ConversationDetail(long Id, string Title, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<MessageView> Messages)
{
    public static ConversationDetail From(Conversation c) =>
        new(c.Id, c.Title, c.CreatedAt, c.UpdatedAt, [.. c.Messages.OrderBy(m => m.Id).Select(MessageView.From)]);
}
