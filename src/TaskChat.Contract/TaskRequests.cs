using System.Text.Json.Serialization;

namespace TaskChat.Contract;

// The tasks REST api's request bodies. Rules (trimming, lengths, dates) are TaskChat.Data's, applied by the store.

/// <summary>
/// POST /api/tasks. <c>due</c>: "2026-12-05" (all day) or "2026-12-05T17:00:00+01:00"; <c>priority</c>: one of
/// <see cref="TaskPriorities"/>; <c>recurrence</c>: an RRULE; <c>repeat_from</c>: one of <see cref="RepeatFromValues"/>;
/// <c>reminders</c>: times or durations before the due time ("PT1H").
/// </summary>
public sealed record CreateTaskRequest(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null,
    [property: JsonPropertyName("due"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Due = null,
    [property: JsonPropertyName("priority"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Priority = null,
    [property: JsonPropertyName("tags"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string?>? Tags = null,
    [property: JsonPropertyName("recurrence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Recurrence = null,
    [property: JsonPropertyName("repeat_from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RepeatFrom = null,
    [property: JsonPropertyName("reminders"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string?>? Reminders = null);

/// <summary>
/// PATCH /api/tasks/{id}: what is given changes (null or absent: left as it is). An empty value clears:
/// "" for description, due and recurrence, [] for tags and reminders, "none" for priority.
/// </summary>
public sealed record UpdateTaskRequest(
    [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null,
    [property: JsonPropertyName("completed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Completed = null,
    [property: JsonPropertyName("due"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Due = null,
    [property: JsonPropertyName("priority"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Priority = null,
    [property: JsonPropertyName("tags"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string?>? Tags = null,
    [property: JsonPropertyName("recurrence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Recurrence = null,
    [property: JsonPropertyName("repeat_from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RepeatFrom = null,
    [property: JsonPropertyName("reminders"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string?>? Reminders = null);
