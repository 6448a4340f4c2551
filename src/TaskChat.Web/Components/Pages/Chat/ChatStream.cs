using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>
/// Applies one chat turn's events to the assistant's bubble (README "Chat"): tool calls become chips,
/// deltas grow the text, done settles it, error keeps its detail for a notice.
/// </summary>
internal sealed class ChatStream(ChatBubble reply, Func<Task> afterToolResult, Func<Task> render)
{
    public long? ConversationId { get; private set; }
    public bool Done { get; private set; }
    public string? Error { get; private set; }

    public async Task ApplyAsync(ChatEvent e)
    {
        switch (e)
        {
            case ConversationStarted started:
                ConversationId = started.ConversationId;
                break;
            case ToolCalled called:
                reply.Tools.Add(new ToolChip(called.Tool, called.Arguments));
                break;
            case ToolAnswered answered:
                if (reply.Tools.FirstOrDefault(c => c.Tool == answered.Tool && c.State == ToolCallState.Running) is { } chip)
                {
                    chip.Answer(answered.Result);
                }
                await render();
                await afterToolResult(); // The side panel shows what the tool just changed.
                break;
            case TextDelta delta:
                reply.Text += delta.Text;
                break;
            case TurnDone done:
                reply.Text = done.Reply.Response;
                Done = true;
                break;
            case TurnFailed failed:
                Error = string.IsNullOrWhiteSpace(failed.Detail) ? "Something went wrong. Please try again." : failed.Detail;
                break;
        }
        await render();
    }

    /// <summary>The turn is over, however it ended: the bubble stops streaming, unanswered calls say so.</summary>
    public void End()
    {
        reply.Streaming = false;
        foreach (var chip in reply.Tools)
        {
            chip.EndTurn();
        }
    }

    /// <summary>A stored message as a bubble, its tool calls as settled chips.</summary>
    public static ChatBubble ToBubble(MessageView message)
    {
        var bubble = new ChatBubble(message.Role == MessageRoles.User ? MessageRoles.User : MessageRoles.Assistant, message.Content) { MessageId = message.Id };
        if (message.ToolCalls is { ValueKind: JsonValueKind.Array } calls)
        {
            bubble.Tools.AddRange((calls.Deserialize<List<ToolCallRecord>>() ?? []).Select(ToolChip.FromRecord));
        }
        return bubble;
    }
}
