using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// A line typed into the tasks page's add box ("pay rent friday 9am #home !high", "call mom tomorrow at 6pm every week"),
/// read into a task's fields with the chat's own reading of dates, repeats, priorities and tags (<see cref="TaskWords"/>),
/// and which characters were read as what, so the box can mark them. Nothing is added: the box adds what it shows.
/// </summary>
public static class TaskLine
{
    /// <param name="text">The line as typed.</param>
    /// <param name="clock">The user's "now" in their zone: "friday 9am" is their Friday at 09:00.</param>
    /// <param name="keep">Parts (<see cref="TaskLineParts"/>) to leave in the title as typed ("Read Friday": keep "due"), or one
    /// tag's words (<see cref="TaskLineParts.KeepTag"/>: "#1", the others still read).</param>
    public static ParsedTask Read(string text, UserClock clock, IReadOnlyCollection<string> keep)
    {
        var kept = KindsOf(keep);
        var keptTags = keep.Where(TaskLineParts.IsKeptTag).Select(k => k[1..].ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var cleaned = Phrase.Clean(text);
        var steps = new List<TaskWordStep>();
        // "… and remind me an hour before": read first, as the chat's add does, since it ends the line.
        (string Iso, string Words)? remindBefore = null;
        var rest = cleaned;
        if (!keep.Contains(TaskLineParts.Reminders) && ReminderSkill.TrailingBefore().Match(cleaned) is { Success: true, Index: > 0 } clause
            && ReminderSkill.Offset(clause) is { } offset)
        {
            (rest, remindBefore) = (cleaned[..clause.Index].TrimEnd(), offset);
        }
        var words = TaskWords.Read(rest, clock, keep: kept, keepTags: keptTags);
        if (remindBefore is not null && words.Due is null)
        {
            // A reminder before a due date the line does not have: its words are the title's.
            (rest, remindBefore) = (cleaned, null);
            words = TaskWords.Read(rest, clock, keep: kept, keepTags: keptTags);
        }
        if (remindBefore is not null)
        {
            steps.Add(new(TaskWordKinds.Reminders, rest));
        }
        steps.AddRange(words.Steps);

        var title = AddSkill.Title(words.Rest);
        if (title.Length == 0)
        {
            // Nothing would be left to name the task ("#home", "tomorrow !!"): the line is its title, as typed.
            return new ParsedTask(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), null, null, null, [], null, null, [], []);
        }
        var parts = WordSpans.PartsOf(text, cleaned, steps, KindName);
        var priority = words.Priority;
        var bangs = Markers.TrailingBangs(text);
        if (priority is null && !kept.HasFlag(TaskWordKinds.Priority) && bangs is { } read)
        {
            // "pay rent friday #home !!", "fix the sink!!": cleaning drops the line's closing punctuation before the readers
            // see it, so two or more "!" at the very end are read here, as the chat's add reads them (before: dropped from the
            // title and not read, so the task was added without its priority).
            priority = TaskPriorities.High;
            parts = [.. parts, new ParsedPart(TaskLineParts.Priority, read.Start, read.Length, text.Substring(read.Start, read.Length))];
        }
        else if (kept.HasFlag(TaskWordKinds.Priority) && bangs is { } typed)
        {
            // Kept as typed (the chip's cross): they stay in the title, where cleaning would have dropped them.
            title = string.Concat(title, char.IsWhiteSpace(text[typed.Start - 1]) ? " " : "", text.AsSpan(typed.Start, typed.Length));
        }
        return new ParsedTask(
            title,
            words.Due?.ToArgument(clock),
            words.Due?.Describe(clock),
            priority,
            words.Tags,
            words.Repeat?.Rule,
            words.Repeat?.Words,
            remindBefore is { } before ? [before.Iso] : [],
            parts);
    }

    private static TaskWordKinds KindsOf(IReadOnlyCollection<string> keep) =>
        (keep.Contains(TaskLineParts.Due) ? TaskWordKinds.Due : 0)
        | (keep.Contains(TaskLineParts.Repeat) ? TaskWordKinds.Repeat : 0)
        | (keep.Contains(TaskLineParts.Priority) ? TaskWordKinds.Priority : 0)
        | (keep.Contains(TaskLineParts.Tags) ? TaskWordKinds.Tags : 0);

    private static string KindName(TaskWordKinds kind) => kind switch
    {
        TaskWordKinds.Due => TaskLineParts.Due,
        TaskWordKinds.Repeat => TaskLineParts.Repeat,
        TaskWordKinds.Priority => TaskLineParts.Priority,
        TaskWordKinds.Tags => TaskLineParts.Tags,
        TaskWordKinds.Reminders => TaskLineParts.Reminders,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
