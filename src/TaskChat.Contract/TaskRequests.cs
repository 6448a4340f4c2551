using System.Text.Json.Serialization;

namespace TaskChat.Contract;

// The tasks REST api's request bodies. Rules (trimming, lengths) are TaskChat.Data's TaskRules, applied by the store.

/// <summary>POST /api/tasks.</summary>
public sealed record CreateTaskRequest(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null);

/// <summary>PATCH /api/tasks/{id}: what is given changes (null: left as it is); an empty description clears it.</summary>
public sealed record UpdateTaskRequest(
    [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null,
    [property: JsonPropertyName("completed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Completed = null);
