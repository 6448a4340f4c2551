using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// One tool call of a chat turn, as the api returns and stores it: the tool, the arguments sent and
/// the tool's envelope (<see cref="ToolEnvelope{TData}"/>) as <c>result</c>.
/// </summary>
public sealed record ToolCallRecord(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("arguments")] JsonElement Arguments,
    [property: JsonPropertyName("result")] JsonElement Result);
