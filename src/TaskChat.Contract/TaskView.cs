using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// A task as every client sees it, over REST and in list_tasks. <see cref="Id"/> is the task's number
/// among its owner's tasks (1, 2, 3...: what people say, "complete 3"), not a database key. Dates of
/// the plan are in the owner's time zone with their offset: <see cref="Due"/> is "2026-12-05" for an
/// all-day task or "2026-12-05T17:00:00+01:00"; reminders are such times or durations before the due
/// time ("PT1H"). Timestamps (created, updated, completed) are UTC. (The stored row is TaskChat.Data's TaskItem.)
/// </summary>
public sealed record TaskView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("completed")] bool Completed,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt,
    [property: JsonPropertyName("completed_at")] DateTime? CompletedAt = null,
    [property: JsonPropertyName("due")] string? Due = null,
    [property: JsonPropertyName("overdue")] bool Overdue = false,
    [property: JsonPropertyName("priority")] string Priority = TaskPriorities.None,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags = null,
    [property: JsonPropertyName("recurrence")] string? Recurrence = null,
    [property: JsonPropertyName("repeat_from")] string? RepeatFrom = null,
    [property: JsonPropertyName("reminders")] IReadOnlyList<string>? Reminders = null);
