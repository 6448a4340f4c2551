using System.Text.Json.Serialization;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

/// <summary>A task as every client sees it (REST and MCP): {id, title, description, completed, created_at, updated_at}.</summary>
public sealed record TaskView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("completed")] bool Completed,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt)
{
    public static TaskView From(TaskItem task) =>
        new(task.Id, task.Title, task.Description, task.Completed, task.CreatedAt, task.UpdatedAt);
}
