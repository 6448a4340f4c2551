namespace TaskChat.Api.Tasks;

/// <summary>POST /api/tasks. Rules (trimming, lengths) are TaskRules', applied by the store.</summary>
public sealed record CreateTaskRequest(string? Title, string? Description);

/// <summary>PATCH /api/tasks/{id}: what is given changes; an empty description clears it.</summary>
public sealed record UpdateTaskRequest(string? Title, string? Description, bool? Completed);

