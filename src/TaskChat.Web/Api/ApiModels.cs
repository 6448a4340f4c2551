using System.Text.Json;

namespace TaskChat.Web.Api;

// The api's answers as the pages read them (README "Talk to the api"); JSON is snake_case.

public sealed record TaskItem(long Id, string Title, string? Description, bool Completed, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record TaskList(IReadOnlyList<TaskItem> Tasks, int Count);

public sealed record ConversationSummary(long Id, string Title, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ConversationList(IReadOnlyList<ConversationSummary> Conversations, int Count);

public sealed record MessageView(long Id, string Role, string Content, JsonElement? ToolCalls, DateTime CreatedAt);

public sealed record ConversationDetail(long Id, string Title, IReadOnlyList<MessageView> Messages);

/// <summary>One server-sent event of POST /api/chat/stream: its name and its JSON data.</summary>
public sealed record ChatEvent(string Name, JsonElement Data);

/// <summary>An api answer the pages must react to: its status and the problem's <c>detail</c>.</summary>
public sealed class ApiException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;
}
