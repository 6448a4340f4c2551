namespace TaskChat.Agent;

/// <summary>The fields a task's words can carry besides its title.</summary>
[Flags]
internal enum TaskWordKinds
{
    None = 0,
    Due = 1,
    Repeat = 2,
    Priority = 4,
    Tags = 8,

    /// <summary>A reminder before the due time ("… and remind me an hour before"): read from the clause ending the line, not by <see cref="TaskWords"/>.</summary>
    Reminders = 16,
}

/// <summary>One field taken out of the text: the text as it was left afterwards (so a reader can tell which words went).</summary>
internal sealed record TaskWordStep(TaskWordKinds Kind, string After);

/// <summary>What <see cref="TaskWords.Read"/> found: the text left for the title, the fields, and each step that took one out.</summary>
internal sealed record TaskWordsReading(
    string Rest, IReadOnlyList<string> Tags, Due? Due, string? Priority, Repeat? Repeat, IReadOnlyList<TaskWordStep> Steps);

/// <summary>
/// The fields said along with a task's words: "#home" tags, a repeat ("every week"), a priority ("high priority", "!!",
/// "!high") and a due date ("friday 9am"), taken out of the text so the title is what is left. One reading shared by the
/// chat's add ("add pay rent friday #home") and the tasks page's quick add (<see cref="TaskLine"/>), so the box and the
/// chat understand the same words.
/// </summary>
internal static class TaskWords
{
    /// <param name="text">The task's words, without the verb ("pay rent friday 9am #home").</param>
    /// <param name="clock">The user's "now", in their zone.</param>
    /// <param name="priority">A priority already said another way ("urgent: …"): no other is read.</param>
    /// <param name="keep">Fields not to read: their words stay in the title ("Read Friday").</param>
    /// <param name="keepTags">Tags (lower case, without '#') not to read, the others still read ("#1 #home": keep "1").</param>
    public static TaskWordsReading Read(string text, UserClock clock, string? priority = null, TaskWordKinds keep = TaskWordKinds.None,
        IReadOnlySet<string>? keepTags = null)
    {
        var steps = new List<TaskWordStep>();
        var rest = text;
        IReadOnlyList<string> tags = [];
        if (!keep.HasFlag(TaskWordKinds.Tags))
        {
            tags = Markers.ExtractTags(rest, out rest, except: keepTags);
            if (tags.Count > 0)
            {
                steps.Add(new(TaskWordKinds.Tags, rest));
            }
        }
        // A tag kept as typed at the end (one of keepTags, or every tag when Tags is kept) would stand in the way of the
        // readers below, which read off the end ("friday 9am #bills"): they read without it, and it is put back at the end,
        // where it was typed.
        var trailing = "";
        if (keep.HasFlag(TaskWordKinds.Tags) || keepTags is { Count: > 0 })
        {
            (rest, trailing) = Markers.SplitTrailingTags(rest);
        }
        var readFrom = steps.Count;
        Due? due = null;
        Repeat? repeat = null;
        // Each is read off the end of what is left, so their order in the text does not matter ("friday !! #home every week").
        for (var i = 0; i < 4; i++)
        {
            if (repeat is null && !keep.HasFlag(TaskWordKinds.Repeat) && Repeats.TryExtract(rest, out var r, out var foundRepeat, timeAfter: true))
            {
                (rest, repeat) = (r, foundRepeat);
                steps.Add(new(TaskWordKinds.Repeat, rest));
            }
            else if (priority is null && !keep.HasFlag(TaskWordKinds.Priority) && Markers.TryExtractPriority(rest, out r, out var foundPriority))
            {
                (rest, priority) = (r, foundPriority);
                steps.Add(new(TaskWordKinds.Priority, rest));
            }
            else if (due is null && !keep.HasFlag(TaskWordKinds.Due) && When.TryExtract(rest, clock, out r, out var foundDue) && r.Length > 0)
            {
                (rest, due) = (r, foundDue);
                steps.Add(new(TaskWordKinds.Due, rest));
            }
            else
            {
                break;
            }
        }
        // "take out the trash every tuesday evening": the first one is the next Tuesday at 19:00, not today's evening.
        if (repeat is not null && due is { DayFromTime: true, Time: { } time })
        {
            var first = repeat.FirstOnOrAfter(clock.Today);
            if (first == clock.Today && clock.At(clock.Today, time) <= clock.Now)
            {
                first = repeat.FirstOnOrAfter(clock.Today.AddDays(1));
            }
            due = first is { } day ? new Due(day, time) : due;
        }
        if (trailing.Length > 0)
        {
            for (var i = readFrom; i < steps.Count; i++)
            {
                steps[i] = steps[i] with { After = steps[i].After + trailing };
            }
            rest += trailing;
        }
        return new(rest, tags, due, priority, repeat, steps);
    }
}
