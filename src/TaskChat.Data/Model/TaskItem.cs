namespace TaskChat.Data.Model;

/// <summary>A user's task. Named TaskItem so it never collides with System.Threading.Tasks.Task.</summary>
public sealed class TaskItem
{
    /// <summary>The internal key: never shown. People, tools and REST name a task by its <see cref="Number"/>.</summary>
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The task's number among its owner's tasks (1, 2, 3...), allocated by <see cref="UserTaskCounter"/>; never reused.</summary>
    public long Number { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool Completed { get; set; }

    /// <summary>When it was last completed (UTC); null while pending.</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>
    /// When it is due, as an instant (UTC): for a task due at a time, that time; for an all-day task
    /// (<see cref="DueDate"/> set), the start of that day in the owner's time zone when it was set.
    /// Sorting, the due filters, "overdue" and relative reminders read this column.
    /// </summary>
    public DateTime? DueAt { get; set; }

    /// <summary>The day of an all-day task, as the owner said it; null for a task due at a time (or not due).</summary>
    public DateOnly? DueDate { get; set; }

    public TaskPriority Priority { get; set; }

    /// <summary>An RRULE (RFC 5545, the subset <c>TaskRecurrence</c> accepts), normalised; null when the task does not repeat.</summary>
    public string? Recurrence { get; set; }

    public RepeatFrom RepeatFrom { get; set; }

    /// <summary>Which occurrence of its series this task is (1 for the first): how a rule's COUNT is honoured.</summary>
    public int Occurrence { get; set; } = 1;

    /// <summary>
    /// The occurrence this one was created from when it was completed. Unique: completing a recurring
    /// task creates its next occurrence once, however often the completion is retried.
    /// </summary>
    public long? FollowsTaskId { get; set; }

    public List<TaskTag> Tags { get; set; } = [];
    public List<TaskReminder> Reminders { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>Changes on every write to the task (what live updates and caches compare).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// When it was deleted (UTC); null while it lives. A deleted task is seen nowhere a live one is, keeps its number,
    /// fields, tags and reminders so that undo restores it as it was, and is purged after <c>DeletedTasks.Retention</c>.
    /// </summary>
    public DateTime? DeletedAt { get; set; }
}

/// <summary>Stored as a number, so that sorting by priority is sorting by the column.</summary>
public enum TaskPriority
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>Where the next occurrence of a recurring task is counted from.</summary>
public enum RepeatFrom
{
    /// <summary>The rule's next date after this occurrence's due date ("every Monday").</summary>
    Due = 0,

    /// <summary>The rule applied from the day it was completed ("3 days after I last watered them").</summary>
    Completion = 1,
}
