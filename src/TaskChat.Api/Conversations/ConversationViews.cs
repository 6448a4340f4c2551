using System.Text.Json;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Api.Conversations;

/// <summary>Stored conversations and messages as the wire shows them (the records are the contract's).</summary>
public static class ConversationViews
{
    public static ConversationSummary ToSummary(this Conversation c) => new(c.Id, c.Title, c.CreatedAt, c.UpdatedAt);

    public static ConversationDetail ToDetail(this Conversation c) =>
        new(c.Id, c.Title, c.CreatedAt, c.UpdatedAt, [.. c.Messages.OrderBy(m => m.Id).Select(ToView)]);

    public static ConversationDetail ToDetail(this ConversationPage page) =>
        new(page.Conversation.Id, page.Conversation.Title, page.Conversation.CreatedAt, page.Conversation.UpdatedAt,
            [.. page.Messages.Select(ToView)], page.HasEarlier);

    public static MessageView ToView(this Message m) => new(m.Id, m.Role, m.Content,
        m.ToolCalls is null ? null : JsonDocument.Parse(m.ToolCalls).RootElement.Clone(), m.CreatedAt);
}
