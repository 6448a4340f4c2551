using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>GET /api/tasks and list_tasks' data: {tasks, count}, oldest first.</summary>
public sealed record TaskList(
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskView> Tasks,
    [property: JsonPropertyName("count")] int Count);
