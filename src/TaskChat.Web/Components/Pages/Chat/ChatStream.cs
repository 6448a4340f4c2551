using System.Text.Json;
using TaskChat.Web.Api;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>
/// Applies one chat turn's server-sent events to the assistant's bubble (README "Chat"): tool calls
/// become chips, deltas grow the text, done settles it, error keeps its detail for a notice.
/// </summary>
internal sealed class ChatStream(ChatBubble reply, Func<Task> afterToolResult, Func<Task> render)
{
    public long? ConversationId { get; private set; }
    public bool Done { get; private set; }
    public string? Error { get; private set; }

    public async Task ApplyAsync(ChatEvent e)
    {
        switch (e.Name)
        {
            case "conversation":
                ConversationId = e.Data.GetProperty("conversation_id").GetInt64();
                break;
            case "tool_call":
                reply.Tools.Add(ToolChip.From(e.Data.GetProperty("tool").GetString() ?? "tool", Property(e.Data, "arguments")));
                break;
            case "tool_result":
                var tool = e.Data.GetProperty("tool").GetString();
                if (reply.Tools.LastOrDefault(c => c.Tool == tool && c.Succeeded is null) is { } chip)
                {
                    chip.Succeeded = ToolChip.IsSuccess(Property(e.Data, "result"));
                }
                await render();
                await afterToolResult(); // The side panel shows what the tool just changed.
                break;
            case "delta":
                reply.Text += e.Data.GetProperty("text").GetString();
                break;
            case "done":
                reply.Text = e.Data.GetProperty("response").GetString() ?? reply.Text;
                Done = true;
                break;
            case "error":
                Error = Property(e.Data, "detail").ValueKind == JsonValueKind.String ? e.Data.GetProperty("detail").GetString() : "Something went wrong. Please try again.";
                break;
        }
        await render();
    }

    /// <summary>A stored message as a bubble, its tool calls as settled chips.</summary>
    public static ChatBubble ToBubble(MessageView message)
    {
        var bubble = new ChatBubble(message.Role == "user" ? "user" : "assistant", message.Content);
        if (message.ToolCalls is { ValueKind: JsonValueKind.Array } calls)
        {
            bubble.Tools.AddRange(calls.EnumerateArray().Select(ToolChip.FromRecord));
        }
        return bubble;
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;
}
