using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// A task as every client sees it, over REST and in list_tasks:
/// {id, title, description, completed, created_at, updated_at}. (The stored row is TaskChat.Data's TaskItem.)
/// </summary>
public sealed record TaskView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("completed")] bool Completed,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt);
