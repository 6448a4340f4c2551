using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// GET /api/tasks and list_tasks' data: one page {tasks, count, next_cursor}. <see cref="Count"/> is
/// the tasks on this page; <see cref="NextCursor"/> asks for the next page (null on the last one).
/// </summary>
public sealed record TaskList(
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskView> Tasks,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("next_cursor")] string? NextCursor = null);
