namespace TaskChat.Data.Tasks;

/// <summary>
/// A new task's fields, or the fields an update sets. In an update, null means "leave as it is",
/// and an empty value clears the field: "" for description, due and recurrence, an empty list for
/// tags and reminders, "none" for priority.
/// </summary>
public sealed record TaskChanges(
    string? Title = null,
    string? Description = null,
    bool? Completed = null,
    string? Due = null,
    string? Priority = null,
    IReadOnlyList<string?>? Tags = null,
    string? Recurrence = null,
    string? RepeatFrom = null,
    IReadOnlyList<string?>? Reminders = null)
{
    public bool IsEmpty => Title is null && Description is null && Completed is null && Due is null && Priority is null
        && Tags is null && Recurrence is null && RepeatFrom is null && Reminders is null;
}
