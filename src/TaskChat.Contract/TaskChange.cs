using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>data of add_task, complete_task, delete_task and update_task; Status is one of <see cref="TaskChangeStatus"/>.</summary>
public sealed record TaskChange(
    [property: JsonPropertyName("task_id")] long TaskId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] string Status);
