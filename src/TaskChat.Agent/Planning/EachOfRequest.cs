using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "everything due today", "all overdue tasks", "today's tasks", "all of this week's tasks", "everything from monday",
/// "all of friday's tasks", "everything tagged home", "all #work tasks": the pending tasks of one due range, day or tag,
/// as what "mark … done", "delete …" or "move … to friday" acts on. "everything" alone is a whole list, which
/// <see cref="ClearTasksSkill"/> and <see cref="CompleteAllRequest"/> confirm first.
/// </summary>
internal static partial class EachOf
{
    private static readonly HashSet<string> Fillers =
        ["all", "everything", "every", "each", "of", "my", "the", "tasks", "task", "due", "for", "that", "thats", "are", "is", "s",
         "items", "things", "stuff", "ones", "remaining", "left", "pending", "open", "else", "from", "which", "and"];

    // A message about several tasks says so: "all"/"everything", a plural, or a day's possessive ("today's tasks").
    private static readonly HashSet<string> Several = ["all", "everything", "every", "each", "tasks", "items", "things", "ones", "stuff"];

    // A due range by its name or its possessive ("this week", "this week's" read as "this weeks").
    private static readonly Dictionary<string, string> Ranges = DueFilter.Ranges
        .SelectMany(range => new[] { (Said: range, range), (Said: range + "s", range) })
        .ToDictionary(r => r.Said, r => r.range, StringComparer.Ordinal);

    /// <summary>The range the words name as a set of tasks, or null when they name something else (a task's title).</summary>
    public static ListFilter? Read(string text, UserClock clock)
    {
        // A tag, said as one: "#home" or after "tagged" (before: "complete everything tagged home" looked for a task of
        // that title, and "move everything tagged home to friday" asked which). "all my home tasks" stays a title's words, and
        // "#3" a task's number.
        if (TagSet().Match(text) is { Success: true } tagged && Markers.Tag(tagged.Groups["tag"].Value) is { } tag && !tag.All(char.IsAsciiDigit))
        {
            return new TagFilter(tag);
        }
        // "the rest", "what's left", "what I didn't finish": what is still to do today, as the tasks page's Today shows it
        // (overdue ones included). Before, "move the rest to tomorrow" matched a task by a near miss ("rest": “Pay rent”),
        // and "move what's left to tomorrow" looked for a task titled "whats left".
        if (TodaysRest().IsMatch(text))
        {
            return new ByFilter(clock.Today, Before: false);
        }
        var words = Phrase.Words(text);
        var named = string.Join(' ', words.Where(w => !Fillers.Contains(w)));
        var possessive = named.EndsWith('s') && Ranges.ContainsKey(named) && !Ranges.ContainsValue(named);
        if (named.Length == 0 || !(possessive || words.Any(Several.Contains)))
        {
            return null;
        }
        if (named == "overdue")
        {
            return new OverdueFilter();
        }
        if (Ranges.TryGetValue(named, out var range))
        {
            return new DueFilter(range);
        }
        // "everything from monday", "all of friday's tasks" (its words: "fridays"), "everything due on the 12th": one day,
        // said without a time.
        return DayFilter.Of(named, clock) ?? (named.EndsWith('s') ? DayFilter.Of(named[..^1], clock) : null);
    }

    // "everything tagged home", "all tasks tagged #home", "all the tasks labelled work", "everything with the tag home",
    // "all #home tasks", "all of my #home tasks", "everything in #home".
    [GeneratedRegex(@"^(?:all|every(?:thing)?|each)(?:\s+of)?(?:\s+(?:my|the))?(?:\s+(?:tasks?|items?|things?|ones?|to-?dos?))?\s+(?:(?:that\s+(?:are|is)\s+|which\s+(?:are|is)\s+)?(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?#?(?<tag>[\w-]+)|with\s+(?:the\s+|a\s+)?(?:tag|label)\s+#?(?<tag>[\w-]+)|(?:in|with)\s+#(?<tag>[\w-]+))$|^(?:all|every|each)(?:\s+of)?(?:\s+(?:my|the))?\s+#(?<tag>[\w-]+)(?:\s+(?:tasks?|items?|things?|ones|to-?dos?))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagSet();

    [GeneratedRegex(@"^(?:the\s+rest(?:\s+of\s+(?:(?:my|the)\s+)?(?:today['’]?s?|it|them|the\s+day|my\s+day|tasks?)(?:\s+(?:tasks?|list|stuff))?)?|(?:what|whatever)(?:['’]?s|\s+is)\s+(?:still\s+)?left(?:\s+(?:for\s+)?today)?|(?:what|everything|anything)\s+i\s+(?:didn['’]?t|did\s+not|haven['’]?t|have\s+not)\s+(?:finish(?:ed)?|do(?:ne)?|get\s+(?:to|done)|got\s+to)(?:\s+today)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TodaysRest();
}

/// <summary>
/// A request for every pending task of a range ("mark everything due today done", "move all overdue tasks to
/// tomorrow"): the range is listed first, then <paramref name="Each"/> acts on what was found, as if each had been
/// named, with the same calls, reply and undo. <paramref name="Each"/>'s own target is not used.
/// </summary>
internal sealed record EachOfRequest(ListFilter Filter, TargetedRequest Each) : SkillRequest
{
    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks), .. Filter.Needs, .. Each.Needs];

    public override string? CannotYet => Each.Needs.Any(n => n.Argument is not null) ? Each.CannotYet : Filter.CannotYet;

    public override ToolCall? Lookup(AgentContext context) =>
        TargetedRequest.WithPageSize(ToolCall.Of(ToolNames.ListTasks, [(ToolArguments.Status, ListStatus.Pending), .. Filter.Arguments(context)]), context);

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        // Every task with a due date, more than a page of them: moved by a span, saying it again for the rest would move the
        // first ones twice, so none is moved and a range at a time is suggested.
        if (Filter is DatedFilter && context.Chat.Rounds.SelectMany(r => r).Any(e => e.Tool == ToolNames.ListTasks && e.Outcome.HasMore))
        {
            return new Answer("You have more tasks with a due date than I move at once, so I left them as they were. Move them a range at a time, for example “push everything due this week by a day”.");
        }
        var found = (tasks ?? []).Where(t => !t.Completed && Filter.Keeps(t, context)).ToList();
        return found.Count == 0 ? new Answer($"There's nothing {Filter.Describe(context)}, so I left everything as it was.") : Each.ActOnFound(found, context);
    }

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        var more = context.Chat.Rounds.SelectMany(r => r).Any(e => e.Tool == ToolNames.ListTasks && e.Outcome.HasMore)
            ? $" That was the first {Replies.Count(done.Count, "task")} {Filter.Describe(context)}: say it again for the rest."
            : "";
        var undo = done.Count > 1 && !Each.ReplySaysHowToUndo ? " Say “undo” to put them back as they were." : "";
        return Each.Reply(done, tasks, context) + more + undo;
    }
}

/// <summary>
/// "everything" moved by a span ("push everything by a day"): each task still to do that has a due date (one without has
/// nothing to move from).
/// </summary>
internal sealed record DatedFilter : ListFilter
{
    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) => [];

    public override bool Keeps(TaskSnapshot task, AgentContext context) => task.DueText is not null;

    public override string Describe(AgentContext context) => "with a due date";
}
