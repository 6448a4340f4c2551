using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>The answer to a chat turn: POST /api/chat's body, and the data of the stream's <c>done</c> event.</summary>
public sealed record ChatReply(
    [property: JsonPropertyName("conversation_id")] long ConversationId,
    [property: JsonPropertyName("response")] string Response,
    [property: JsonPropertyName("tool_calls")] IReadOnlyList<ToolCallRecord> ToolCalls,
    [property: JsonPropertyName("status")] string Status = ChatReply.Success)
{
    public const string Success = "success";
}
