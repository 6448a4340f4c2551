using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// data of add_task, complete_task, reopen_task, delete_task and update_task; Status is one of
/// <see cref="TaskChangeStatus"/>. <see cref="Due"/> is the task's due date when it has one (so a model
/// can confirm how it understood a date); completing a recurring task also gives its next occurrence.
/// </summary>
public sealed record TaskChange(
    [property: JsonPropertyName("task_id")] long TaskId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("due"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Due = null,
    [property: JsonPropertyName("next_task_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? NextTaskId = null,
    [property: JsonPropertyName("next_due"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextDue = null);
