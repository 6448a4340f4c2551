using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskChat.Api.Chat;

/// <summary>One tool call of a turn, as the api returns and stores it: {tool, arguments, result}.</summary>
public sealed record ToolCallRecord(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("arguments")] JsonElement Arguments,
    [property: JsonPropertyName("result")] JsonElement Result);

/// <summary>Something a streaming turn reports as it happens (a server-sent event's name and data).</summary>
public delegate Task ChatEventSink(string name, object data);
