using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>POST /api/chat and /api/chat/stream: a message, and the conversation it continues (none starts one).</summary>
public sealed record ChatRequest(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("conversation_id")] long? ConversationId = null);
