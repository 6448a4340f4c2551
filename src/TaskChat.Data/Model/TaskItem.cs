namespace TaskChat.Data.Model;

/// <summary>A user's task. Named TaskItem so it never collides with System.Threading.Tasks.Task.</summary>
public sealed class TaskItem
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool Completed { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
