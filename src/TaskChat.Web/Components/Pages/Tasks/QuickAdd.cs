using System.Globalization;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>What the add box's Due, Time and Priority fields say; chosen ones win over what the line says.</summary>
/// <param name="Due">The fields' due date ("2026-12-04", or with its time "2026-12-04T09:00"), null for none.</param>
/// <param name="DueChosen">The user set the day or the time (not the Today view's own default day).</param>
/// <param name="Priority">The chosen priority, null for none.</param>
internal sealed record AddFields(string? Due, bool DueChosen, string? Priority);

/// <summary>
/// A recognised part of the line as the preview shows it: what it is read as, the words it came from, and what its ×
/// asks the reading to keep as typed (the part's kind, or for a tag that one tag: "#1" kept, "#home" still read).
/// </summary>
internal sealed record ReadPart(string Kind, string Label, string Words, string Keep);

/// <summary>
/// The add box's line and its reading (POST /api/tasks/parse) made into the one task Add creates, and the preview of it.
/// Without a reading for the line (the api failed, or did not answer in time) the line is the title, as typed: nothing is lost.
/// </summary>
internal static class QuickAdd
{
    /// <summary>The parts the fields' choices keep as typed: a chosen day leaves "friday" in the title rather than losing it.</summary>
    public static IReadOnlyList<string> KeptBy(AddFields fields, IEnumerable<string> keptByUser) =>
    [
        .. keptByUser,
        .. fields.DueChosen ? [TaskLineParts.Due] : Array.Empty<string>(),
        .. fields.Priority is not null ? [TaskLineParts.Priority] : Array.Empty<string>(),
    ];

    public static CreateTaskRequest Request(string typed, ParsedTask? reading, AddFields fields)
    {
        var title = typed.Trim();
        if (reading is null)
        {
            return new CreateTaskRequest(title, Due: fields.Due, Priority: fields.Priority);
        }
        var due = fields.DueChosen ? fields.Due : reading.Due ?? fields.Due;
        var priority = fields.Priority ?? (reading.Priority is TaskPriorities.None ? null : reading.Priority);
        // A repeat and reminders before the due time need a due date (the api says so otherwise).
        return new CreateTaskRequest(reading.Title, Due: due, Priority: priority,
            Tags: reading.Tags.Count > 0 ? [.. reading.Tags] : null,
            Recurrence: due is null ? null : reading.Recurrence,
            Reminders: due is null || reading.Reminders.Count == 0 ? null : [.. reading.Reminders]);
    }

    /// <summary>The day a due value falls on ("2026-12-04", "2026-12-04T09:00:00+01:00": its own day, in the user's zone).</summary>
    public static DateOnly? DayOf(string? due) =>
        due is { Length: >= 10 } && DateOnly.TryParseExact(due[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The read parts as the preview says them ("Friday at 09:00", "#home", "High priority"), in the order typed.</summary>
    public static IReadOnlyList<ReadPart> Parts(ParsedTask reading) =>
        [.. reading.Parts.Select(part => TagOf(part, reading) is { } tag
            ? new ReadPart(part.Kind, "#" + tag, part.Text, TaskLineParts.KeepTag(tag))
            : new ReadPart(part.Kind, Label(part, reading), part.Text, part.Kind))];

    /// <summary>The tag a tags part ("#Home,") was read as ("home"), null for other parts (and for one that names no tag read).</summary>
    private static string? TagOf(ParsedPart part, ParsedTask reading)
    {
        if (part.Kind != TaskLineParts.Tags || !part.Text.StartsWith('#'))
        {
            return null;
        }
        var name = new string([.. part.Text.Skip(1).TakeWhile(c => char.IsLetterOrDigit(c) || c is '-' or '_')]).ToLowerInvariant();
        return reading.Tags.Contains(name) ? name : null;
    }

    private static string Label(ParsedPart part, ParsedTask reading) => part.Kind switch
    {
        TaskLineParts.Due => reading.DueText is { } due ? Capitalized(due) : part.Text,
        TaskLineParts.Repeat => reading.RepeatText is { } repeat ? Capitalized(repeat) : part.Text,
        TaskLineParts.Priority => reading.Priority is { } priority ? TaskRow.PriorityLabel(priority) + " priority" : part.Text,
        TaskLineParts.Tags => string.Join(" ", reading.Tags.Select(t => "#" + t)),
        TaskLineParts.Reminders => reading.Reminders is [var first, ..] && TaskReminders.DescribeBefore(first) is { } before ? "Reminder " + before : part.Text,
        _ => part.Text,
    };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
