using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskChat.Contract;

// The conversations REST api's answers: GET /api/conversations and GET /api/conversations/{id}.

/// <summary>A conversation in a list.</summary>
public sealed record ConversationSummary(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt);

/// <summary>GET /api/conversations: a page, the most recently used first; <see cref="NextCursor"/> asks for the next (null on the last).</summary>
public sealed record ConversationList(
    [property: JsonPropertyName("conversations")] IReadOnlyList<ConversationSummary> Conversations,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("next_cursor")] string? NextCursor = null);

/// <summary>A stored message; Role is one of <see cref="MessageRoles"/>, ToolCalls the reply's [{tool, arguments, result}] (null for the user's).</summary>
public sealed record MessageView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("tool_calls")] JsonElement? ToolCalls,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt);

/// <summary>
/// GET /api/conversations/{id}: the conversation with a page of its messages in order (the newest, or those before
/// <c>?before=</c>); <see cref="HasEarlier"/> says there are messages before them, asked for with <c>?before=</c> the
/// first one's id. An export holds every message (HasEarlier false).
/// </summary>
public sealed record ConversationDetail(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt,
    [property: JsonPropertyName("messages")] IReadOnlyList<MessageView> Messages,
    [property: JsonPropertyName("has_earlier")] bool HasEarlier = false);

/// <summary>PATCH /api/conversations/{id}: a new title (trimmed, whitespace collapsed, 1–80 characters).</summary>
public sealed record RenameConversationRequest(
    [property: JsonPropertyName("title")] string? Title);
