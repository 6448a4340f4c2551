using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// What a chat turn reports as it runs: the closed set of server-sent events of POST /api/chat/stream.
/// <see cref="Name"/> is the <c>event:</c> line, <see cref="Data"/> what the <c>data:</c> line carries as JSON.
/// </summary>
public abstract record ChatEvent([property: JsonIgnore] string Name)
{
    /// <summary>The object whose JSON is the event's data line: the event itself, but for <see cref="TurnDone"/>.</summary>
    public virtual object Data() => this;

    /// <summary>An event read back from its name and data line; null for a name this contract does not know.</summary>
    public static ChatEvent? Read(string name, ReadOnlySpan<byte> data) => name switch
    {
        ChatEventNames.Conversation => JsonSerializer.Deserialize<ConversationStarted>(data),
        ChatEventNames.ToolCall => JsonSerializer.Deserialize<ToolCalled>(data),
        ChatEventNames.ToolResult => JsonSerializer.Deserialize<ToolAnswered>(data),
        ChatEventNames.Delta => JsonSerializer.Deserialize<TextDelta>(data),
        ChatEventNames.Done => JsonSerializer.Deserialize<ChatReply>(data) is { } reply ? new TurnDone(reply) : null,
        ChatEventNames.Error => JsonSerializer.Deserialize<TurnFailed>(data),
        _ => null,
    };
}

/// <summary>First: the conversation the turn belongs to, loaded or just created.</summary>
public sealed record ConversationStarted(
    [property: JsonPropertyName("conversation_id")] long ConversationId) : ChatEvent(ChatEventNames.Conversation);

/// <summary>Before each MCP call: the tool and the arguments sent.</summary>
public sealed record ToolCalled(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("arguments")] JsonElement Arguments) : ChatEvent(ChatEventNames.ToolCall);

/// <summary>After each MCP call: the tool's envelope.</summary>
public sealed record ToolAnswered(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("result")] JsonElement Result) : ChatEvent(ChatEventNames.ToolResult);

/// <summary>A piece of the reply's text, in order.</summary>
public sealed record TextDelta(
    [property: JsonPropertyName("text")] string Text) : ChatEvent(ChatEventNames.Delta);

/// <summary>Last, once the turn is saved: its data is exactly POST /api/chat's answer.</summary>
public sealed record TurnDone(ChatReply Reply) : ChatEvent(ChatEventNames.Done)
{
    public override object Data() => Reply;
}

/// <summary>Instead of <see cref="TurnDone"/>: the turn failed and nothing was saved; the problem's code, words and status.</summary>
public sealed record TurnFailed(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("status")] int Status) : ChatEvent(ChatEventNames.Error);
