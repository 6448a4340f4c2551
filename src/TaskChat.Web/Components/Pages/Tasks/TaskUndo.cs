using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// What a row just did that the undo bar can take back: <see cref="Task"/> as it was before (the row's copy, which for a
/// deletion is all that is left of it).
/// </summary>
public sealed record TaskUndo(TaskView Task, bool Deleted)
{
    /// <summary>What the bar says while Undo is offered: "Completed “Buy milk”", "Deleted “Buy milk”".</summary>
    public string Said => Deleted ? $"Deleted “{Task.Title}”" : $"Completed “{Task.Title}”";

    /// <summary>
    /// The POST that brings a deleted task back with its fields: the REST api has no undelete, so it is added again, as
    /// the chat's "undo" does, and takes the next number (its creation date is now). A task that was done comes back
    /// done (completed after the add), without its repeat: completing it had already made its next occurrence, which
    /// carries the repeat on, and completing a repeating task again would make another.
    /// </summary>
    public CreateTaskRequest Restore() => new(
        Task.Title,
        Description: string.IsNullOrEmpty(Task.Description) ? null : Task.Description,
        Due: Task.Due,
        Priority: Task.Priority == TaskPriorities.None ? null : Task.Priority,
        Tags: Task.Tags is { Count: > 0 } tags ? [.. tags] : null,
        Recurrence: Task.Completed ? null : Task.Recurrence,
        RepeatFrom: Task.Completed || Task.Recurrence is null ? null : Task.RepeatFrom,
        Reminders: Task.Reminders is { Count: > 0 } reminders ? [.. reminders] : null);
}
