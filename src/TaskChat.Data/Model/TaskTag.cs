namespace TaskChat.Data.Model;

/// <summary>One label of a task, normalised (lower case, single spaces): unique per task.</summary>
public sealed class TaskTag
{
    public long TaskId { get; set; }
    public required string Name { get; set; }
}
