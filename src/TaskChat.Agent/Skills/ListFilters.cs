using System.Globalization;
using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>list_tasks with a status and, optionally, a filter; the reply lists what came back (the filter also applied here).</summary>
internal sealed record ListRequest(string Status, ListFilter? Filter) : SkillRequest
{
    /// <summary>The reply to a list of pending tasks that came back empty, whichever filter or order asked for it.</summary>
    public const string NoPendingTasks = "You have no pending tasks. Nice work!";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks), .. Filter?.Needs ?? []];

    public override string? CannotYet => Filter?.CannotYet ?? base.CannotYet;

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        new CallTools([ToolCall.Of(ToolNames.ListTasks, [(ToolArguments.Status, Status), .. Filter?.Arguments(context) ?? []])]);

    public override IReadOnlyList<ToolCall>? FollowUp(IReadOnlyList<ToolExchange> acted, AgentContext context) => Filter?.FollowUp(acted, context);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? looked, AgentContext context)
    {
        // A task two calls returned (the urgent list's soonest due and its high priority ones) is listed once.
        var tasks = done.SelectMany(d => d.Outcome.Tasks).DistinctBy(t => t.Id).Where(t => Filter?.Keeps(t, context) ?? true).ToList();
        // One page is shown; when the mcp has more, the reply says so instead of counting the page as all of them.
        var more = !(Filter?.LeavesSomeOut(done, context) ?? done.Any(d => d.Outcome.HasMore)) ? ""
            : Filter is null && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Cursor) ? MoreRequest.Offer
            : " There are more: the Tasks page shows them all.";
        if (Filter is not null)
        {
            return Filter.Reply(tasks, context) + more;
        }
        if (tasks.Count == 0)
        {
            return Status switch
            {
                ListStatus.Pending => NoPendingTasks,
                ListStatus.Completed => "You haven't completed any tasks yet.",
                _ => "You have no tasks yet. Try “add buy milk”.",
            };
        }
        var items = Items(tasks, context, markDone: Status == ListStatus.All);
        if (more.Length > 0)
        {
            return $"Your first {tasks.Count} {TaskNoun(Status)}s: {items}.{more}";
        }
        return Status switch
        {
            ListStatus.Pending => $"You have {Replies.Count(tasks.Count, "pending task")}: {items}.",
            ListStatus.Completed => $"You have completed {Replies.Count(tasks.Count, "task")}: {items}.",
            _ => $"You have {Replies.Count(tasks.Count, "task")}: {items}.",
        };
    }

    /// <summary>"pending task", "completed task" or "task": what a list of this status holds.</summary>
    public static string TaskNoun(string status) =>
        status switch { ListStatus.Pending => "pending task", ListStatus.Completed => "completed task", _ => "task" };

    /// <summary>"#1 “Buy milk” (due tomorrow, high priority)" for each task.</summary>
    public static string Items(IEnumerable<TaskSnapshot> tasks, AgentContext context, bool markDone = false) =>
        Replies.Join(tasks.Select(t =>
        {
            var notes = new List<string>();
            if (markDone && t.Completed)
            {
                notes.Add("done");
            }
            if (!t.Completed && t.DueAt(context.Clock.Zone) is { } due)
            {
                notes.Add((due < context.Clock.Now ? "overdue, was due " : "due ") + DescribeDue(t, context));
            }
            if (t.Priority is TaskPriorities.High or TaskPriorities.Medium or TaskPriorities.Low)
            {
                notes.Add(t.Priority + " priority");
            }
            return Replies.Label(t) + (notes.Count > 0 ? $" ({string.Join(", ", notes)})" : "");
        }));

    public static string DescribeDue(TaskSnapshot task, AgentContext context)
    {
        var due = task.DueText ?? "";
        var at = task.DueAt(context.Clock.Zone)!.Value;
        return due.Length <= 10 ? When.DescribeDay(context.Clock.DayOf(at), context.Clock) : Due.At(at, context.Clock).Describe(context.Clock);
    }
}

/// <summary>
/// "show more" after a list that said there are more: the same list_tasks call with the page's next_cursor. Only a
/// plain list (a status, a page size) is continued: a filtered one also filters here, which a next page would not.
/// </summary>
internal sealed record MoreRequest(IReadOnlyDictionary<string, object?> Arguments, string Cursor) : SkillRequest
{
    public const string Offer = " There are more: say “show more” for the next ones, or see them all on the Tasks page.";

    private static readonly HashSet<string> PlainArguments = [ToolArguments.Status, TaskToolArguments.Limit, TaskToolArguments.Cursor];

    /// <summary>The list the previous turn showed, when it is a plain one with more after it.</summary>
    public static MoreRequest? After(PastTurn previous) =>
        previous.Exchanges.LastOrDefault(e => e.Tool == ToolNames.ListTasks) is { Outcome.NextCursor: { } cursor } list
        && list.Arguments.Keys.All(PlainArguments.Contains)
            ? new MoreRequest(list.Arguments, cursor)
            : null;

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks, TaskToolArguments.Cursor)];

    private string Status => Arguments.TryGetValue(ToolArguments.Status, out var status) && status?.ToString() is { Length: > 0 } text ? text : ListStatus.All;

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        new CallTools([ToolCall.Of(ToolNames.ListTasks, [.. Arguments.Where(a => a.Key != TaskToolArguments.Cursor).Select(a => (a.Key, a.Value)), (TaskToolArguments.Cursor, Cursor)])]);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? looked, AgentContext context)
    {
        var tasks = done.SelectMany(d => d.Outcome.Tasks).ToList();
        if (tasks.Count == 0)
        {
            return "That was all of them.";
        }
        var kind = ListRequest.TaskNoun(Status);
        var items = ListRequest.Items(tasks, context, markDone: Status == ListStatus.All);
        var which = tasks.Count == 1 ? $"The last {kind}" : $"The next {tasks.Count} {kind}s";
        return $"{which}: {items}." + (done.Any(d => d.Outcome.HasMore) ? Offer : "");
    }
}

/// <summary>A narrower list: the list_tasks arguments it adds, what it needs from the mcp, and its own reply.</summary>
internal abstract record ListFilter
{
    public virtual IReadOnlyList<ToolNeed> Needs => [];

    /// <summary>A task's description as a reply quotes it: in quotes, cut at 300 characters.</summary>
    protected static string Quoted(string description) => $"“{(description.Length > 300 ? description[..300].TrimEnd() + "…" : description)}”";

    public virtual string? CannotYet => null;

    public abstract IEnumerable<(string Name, object? Value)> Arguments(AgentContext context);

    public virtual bool Keeps(TaskSnapshot task, AgentContext context) => true;

    /// <summary>False for a reply about one task a page of the list found (the newest): no "there are more" after it.</summary>
    public virtual bool SaysMore => true;

    /// <summary>
    /// True when the tasks the calls brought back may leave out some the reply is about, so it says there are more: by
    /// default, a page with more after it (none when <see cref="SaysMore"/> is false).
    /// </summary>
    public virtual bool LeavesSomeOut(IReadOnlyList<ToolExchange> done, AgentContext context) => SaysMore && done.Any(d => d.Outcome.HasMore);

    /// <summary>A second round of lists, decided from what the first returned (<see cref="SkillRequest.FollowUp"/>), or null.</summary>
    public virtual IReadOnlyList<ToolCall>? FollowUp(IReadOnlyList<ToolExchange> acted, AgentContext context) => null;

    /// <summary>"due today", "tagged #work": how the reply names the list.</summary>
    public abstract string Describe(AgentContext context);

    public virtual string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => tasks.Count == 0
        ? $"Nothing {Describe(context)}." : Listed(tasks, context);

    /// <summary>"2 tasks due today: #1 “Milk”, #2 “Eggs”.", each done one marked so when <paramref name="markDone"/>.</summary>
    protected string Listed(IReadOnlyList<TaskSnapshot> tasks, AgentContext context, bool markDone = false) =>
        $"{Replies.Count(tasks.Count, "task")} {Describe(context)}: {ListRequest.Items(tasks, context, markDone)}.";
}

/// <summary>
/// The tasks due within a span of days in the user's zone (from the start of its first day to the start of the day after
/// its last): <see cref="DueFilter"/> names it in words ("this week"), <see cref="DayFilter"/> is one day.
/// </summary>
internal abstract record DueSpanFilter : ListFilter
{
    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks, TaskToolArguments.DueBefore), new(ToolNames.ListTasks, TaskToolArguments.DueAfter)];

    public override string CannotYet => "I can't look up due dates yet: tasks don't have them in this task service. Say “what's left?” to see your pending tasks.";

    /// <summary>The first day and the day after the last, in the user's zone.</summary>
    protected abstract (DateOnly First, DateOnly End) Days(UserClock clock);

    /// <summary>True when every earlier day counts too, overdue tasks included ("by friday"): only the end bounds it.</summary>
    protected virtual bool FromAnyDay => false;

    /// <summary>True when every later day counts too ("after friday"): only the start bounds it.</summary>
    protected virtual bool ToAnyDay => false;

    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context)
    {
        var (from, until) = Span(context.Clock);
        if (!FromAnyDay)
        {
            yield return (TaskToolArguments.DueAfter, Format(from));
        }
        if (!ToAnyDay)
        {
            yield return (TaskToolArguments.DueBefore, Format(until));
        }
    }

    public override bool Keeps(TaskSnapshot task, AgentContext context)
    {
        var (from, until) = Span(context.Clock);
        return task.DueAt(context.Clock.Zone) is { } due && (FromAnyDay || due >= from) && (ToAnyDay || due < until);
    }

    // Soonest first, as a day's plan reads (the list comes in number order): 15:00 before 17:00, today before tomorrow.
    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => base.Reply(BySoonest(tasks, context), context);

    /// <summary>
    /// The tasks in the order they are due, as the task service's sort by due date gives them: day by day, a day's all-day
    /// tasks before its timed ones, those without a date last, then by number.
    /// </summary>
    public static List<TaskSnapshot> BySoonest(IEnumerable<TaskSnapshot> tasks, AgentContext context) =>
        [.. tasks.OrderBy(t => t.DueAt(context.Clock.Zone) is { } due ? context.Clock.DayOf(due) : DateOnly.MaxValue)
            .ThenBy(t => t.DueText is { Length: > 10 } && t.DueAt(context.Clock.Zone) is { } due ? due.UtcTicks : 0)
            .ThenBy(t => t.Id)];

    private (DateTimeOffset From, DateTimeOffset Until) Span(UserClock clock)
    {
        var (first, end) = Days(clock);
        return (clock.At(first, TimeOnly.MinValue), clock.At(end, TimeOnly.MinValue));
    }

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record DueFilter(string Range) : DueSpanFilter
{
    /// <summary>
    /// The spans a due filter knows by name, as one regex alternation: the list skill's regexes are built from it (a
    /// constant, so the source generator can read it), and every other reader of a span's name takes <see cref="Ranges"/>.
    /// </summary>
    public const string RangePattern = "today|tonight|tomorrow|this week|next week|this weekend|this month|next month";

    public static readonly IReadOnlySet<string> Ranges = RangePattern.Split('|').ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// "due this week"; on a Sunday the weeks say their days, since "this week" then runs through next Sunday and "next
    /// week" is the Monday to Sunday within it: "due this week (today through Sunday 13 December)", "due next week (Monday
    /// 7 to Sunday 13 December)".
    /// </summary>
    public override string Describe(AgentContext context)
    {
        var clock = context.Clock;
        if (clock.Today.DayOfWeek != DayOfWeek.Sunday || Range is not ("this week" or "next week"))
        {
            return "due " + Range;
        }
        var (first, end) = Days(clock);
        var last = end.AddDays(-1);
        return Range == "this week"
            ? $"due this week (today through {When.DescribeDay(last, clock)})"
            : $"due next week ({first.ToString(first.Month == last.Month ? "dddd d" : "dddd d MMMM", CultureInfo.InvariantCulture)} to {When.DescribeDay(last, clock)})";
    }

    protected override (DateOnly First, DateOnly End) Days(UserClock clock)
    {
        var today = clock.Today;
        var monday = UserClock.WeekStart(today);
        return Range switch
        {
            "tomorrow" => (today.AddDays(1), today.AddDays(2)),
            "this week" => (today, UserClock.WeekAheadEnd(today)),
            "next week" => (monday.AddDays(7), monday.AddDays(14)),
            "this weekend" => (monday.AddDays(5), monday.AddDays(7)),
            "this month" => (today, new DateOnly(today.Year, today.Month, 1).AddMonths(1)),
            "next month" => (new DateOnly(today.Year, today.Month, 1).AddMonths(1), new DateOnly(today.Year, today.Month, 1).AddMonths(2)),
            _ => (today, today.AddDays(1)), // "today", "tonight"
        };
    }
}

/// <summary>
/// The tasks due from today through the next <paramref name="Count"/> days, today counted ("what's due in the next 3
/// days?"): the reply names the last day, so that whether today counted is never a guess.
/// </summary>
internal sealed record NextDaysFilter(int Count) : DueSpanFilter
{
    public override string Describe(AgentContext context) =>
        $"due in the next {Replies.Count(Count, "day")} (through {When.DescribeDay(context.Clock.Today.AddDays(Count - 1), context.Clock)})";

    protected override (DateOnly First, DateOnly End) Days(UserClock clock) => (clock.Today, clock.Today.AddDays(Count));
}

/// <summary>The tasks due on one day ("what's on saturday?").</summary>
internal sealed partial record DayFilter(DateOnly Day) : DueSpanFilter
{
    /// <summary>
    /// The tasks due when a question says: "in march" the whole month (the rest of it in March, as "this month"), any
    /// other day that day; null when it names no day. Before, "what's due in march?" listed 1 March's.
    /// </summary>
    public static DueSpanFilter? Of(string said, UserClock clock)
    {
        // "by friday", "until friday", "before march": to be done by then, read as an add reads "by" ("by march" is 1 March).
        var limit = Limit().Match(said);
        if (When.ParseWhole(limit.Success ? "by " + said[limit.Length..] : said, clock) is not { DayFromTime: false, Time: null } day)
        {
            return null;
        }
        if (limit.Success && limit.Groups["word"].Value.Equals("after", StringComparison.OrdinalIgnoreCase))
        {
            return new AfterFilter(day.Date);
        }
        if (limit.Success)
        {
            return new ByFilter(day.Date, Before: limit.Groups["word"].Value.Equals("before", StringComparison.OrdinalIgnoreCase));
        }
        if (!When.IsMonthAlone(said))
        {
            return new DayFilter(day.Date);
        }
        return day.Date.Year == clock.Today.Year && day.Date.Month == clock.Today.Month
            ? new DueFilter("this month")
            : new MonthFilter(new DateOnly(day.Date.Year, day.Date.Month, 1));
    }

    public override string Describe(AgentContext context) => When.DescribeDay(Day, context.Clock) is var day && day is "today" or "tomorrow" or "yesterday" ? "due " + day : "due on " + day;

    protected override (DateOnly First, DateOnly End) Days(UserClock clock) => (Day, Day.AddDays(1));

    [GeneratedRegex(@"^(?:due\s+)?(?<word>by|before|until|till|through|thru|after)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Limit();
}

/// <summary>
/// What is to be done by a day ("what's due by friday?", "until friday"): every task due until that day's end, overdue
/// ones included; <paramref name="Before"/> ("before friday") stops at its start. Before, only that day's were listed.
/// </summary>
internal sealed record ByFilter(DateOnly Day, bool Before) : DueSpanFilter
{
    protected override bool FromAnyDay => true;

    public override string Describe(AgentContext context) => (Before ? "due before " : "due by ") + When.DescribeDay(Day, context.Clock);

    protected override (DateOnly First, DateOnly End) Days(UserClock clock) => (Day, Before ? Day : Day.AddDays(1));
}

/// <summary>
/// The tasks due after a day, from the start of the next ("what's due after friday?", "tasks due after christmas"; before,
/// every pending task was listed, tomorrow's included): only the start bounds it, and tasks without a date are not due after it.
/// </summary>
internal sealed record AfterFilter(DateOnly Day) : DueSpanFilter
{
    protected override bool ToAnyDay => true;

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks, TaskToolArguments.DueAfter)];

    public override string Describe(AgentContext context) => "due after " + When.DescribeDay(Day, context.Clock);

    protected override (DateOnly First, DateOnly End) Days(UserClock clock) => (Day.AddDays(1), Day.AddDays(1));
}

/// <summary>The tasks due in one later month ("what's due in march?"), from its first day.</summary>
internal sealed record MonthFilter(DateOnly First) : DueSpanFilter
{
    public override string Describe(AgentContext context) =>
        "due in " + First.ToString(First.Year == context.Clock.Today.Year ? "MMMM" : "MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    protected override (DateOnly First, DateOnly End) Days(UserClock clock) => (First, First.AddMonths(1));
}

internal sealed record OverdueFilter : ListFilter
{
    /// <summary>How many was asked ("how many tasks are overdue?"): the count, with the tasks named when there are few.</summary>
    public bool Counted { get; init; }

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks, TaskToolArguments.Overdue)];

    public override string CannotYet => "I can't tell what's overdue yet: tasks don't have due dates in this task service. Say “what's left?” to see your pending tasks.";

    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) => [(TaskToolArguments.Overdue, true)];

    public override bool Keeps(TaskSnapshot task, AgentContext context) => task.DueAt(context.Clock.Zone) is { } due && due < context.Clock.Now;

    public override string Describe(AgentContext context) => "overdue";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => (tasks.Count, Counted) switch
    {
        (0, true) => "None of your tasks is overdue. Nice work!",
        (0, false) => "Nothing is overdue. Nice work!",
        (1, true) => $"1 task is overdue: {ListRequest.Items(tasks, context)}.",
        ( <= 5, true) => $"{tasks.Count} tasks are overdue: {ListRequest.Items(DueSpanFilter.BySoonest(tasks, context), context)}.",
        (_, true) => $"{tasks.Count} tasks are overdue. Say “what's overdue?” to see them.",
        _ => base.Reply(DueSpanFilter.BySoonest(tasks, context), context),
    };
}

internal sealed record TagFilter(string Tag) : ListFilter
{
    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks, TaskToolArguments.Tag)];

    public override string CannotYet => $"I can't list tasks by tag yet: the task service doesn't have tags. Say “search for {Tag}” to find tasks with “{Tag}” in their title.";

    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) => [(TaskToolArguments.Tag, Tag)];

    public override string Describe(AgentContext context) => $"tagged #{Tag}";
}

internal sealed record PriorityFilter(string Priority) : ListFilter
{
    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks, TaskToolArguments.Priority)];

    public override string CannotYet => "I can't list tasks by priority yet: the task service doesn't have priorities.";

    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) => [(TaskToolArguments.Priority, Priority)];

    public override string Describe(AgentContext context) => $"with {Priority} priority";
}

/// <summary>Words in titles: the mcp's <c>search</c> when it has one, otherwise every task, matched here.</summary>
/// <summary>
/// The tasks whose title, description or tags have the words. <paramref name="AsksWhen"/>: the question was when ("when is
/// the dentist?"), and one task still to do among them is answered in a sentence with its due date.
/// </summary>
internal sealed record SearchFilter(string Query, bool AsksWhen = false) : ListFilter
{
    /// <summary>
    /// The thing the message only named ("the dentist" for "the dentist one?"), whose words are searched for: finding none,
    /// adding it is offered, which "yes" takes up. Null for a search asked for.
    /// </summary>
    public string? Named { get; init; }

    /// <summary>The question was the task's priority ("what's the priority of the taxes?"): one task still to do is answered in a sentence.</summary>
    public bool AsksPriority { get; init; }

    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) =>
        context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Search) ? [(TaskToolArguments.Search, Query)] : [];

    public override bool Keeps(TaskSnapshot task, AgentContext context) =>
        context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Search)
        || TitleMatcher.Match([task], TaskReference.MeaningfulWords(Phrase.Words(Query))).Count > 0;

    public override string Describe(AgentContext context) => $"matching “{Query}”";

    // One task found ("what's the plumber one about?") is answered with its description too.
    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => tasks switch
    {
        [] when Named is not null => $"I found no task matching “{Query}”. {Fallback.Offer(Named, context.Clock)}",
        [] => $"I found no task matching “{Query}”.",
        _ when AsksWhen && tasks.Where(t => !t.Completed).ToList() is [var open] => When(open, context),
        _ when AsksPriority && tasks.Where(t => !t.Completed).ToList() is [var open] => PriorityOf(open),
        [{ Description: { } description }] => $"{Found(tasks, context)} Its description: {Quoted(description)}",
        _ => Found(tasks, context),
    };

    // A search looks through done tasks too, and says which those are ("#2 “Gym” (done)").
    private string Found(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => Listed(tasks, context, markDone: true);

    // "#3 “File taxes” is high priority.", or none set, with how to set one.
    private static string PriorityOf(TaskSnapshot task) => task.Priority is TaskPriorities.High or TaskPriorities.Medium or TaskPriorities.Low
        ? $"{Replies.Label(task)} is {task.Priority} priority."
        : $"{Replies.Label(task)} has no priority set. Say “make it high priority”, for example, to give it one.";

    // "#2 “Call the dentist” is due Monday at 15:00." A repeating task's done occurrences are not what was asked about.
    private static string When(TaskSnapshot task, AgentContext context) => task.DueAt(context.Clock.Zone) is { } due
        ? $"{Replies.Label(task)} is {(due < context.Clock.Now ? "overdue: it was due" : "due")} {ListRequest.DescribeDue(task, context)}."
        : $"{Replies.Label(task)} has no due date. Say “move it to friday”, for example, to give it one.";
}

/// <summary>
/// A question about the tasks to do that have something list_tasks has no argument for (tags, a repeat, reminders): the
/// pending tasks are read and those that have it kept. <paramref name="Field"/>: add_task's argument for it, which the
/// task service must have for the question to make sense.
/// </summary>
internal abstract record PendingWithFilter(string Field) : ListFilter
{
    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.AddTask, Field)];

    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) => [];
}

/// <summary>
/// "what tags do I have?": each tag of the tasks still to do, with how many have it, the most used first (the tasks page's
/// tags row, in words). list_tasks has no argument for it: the pending tasks are read and their tags counted. Before, the
/// question listed every pending task, and "show my tags" searched for a task titled "tags".
/// </summary>
internal sealed record TagsFilter() : PendingWithFilter(TaskToolArguments.Tags)
{
    public override string CannotYet => "I can't tag tasks yet: the task service doesn't have tags. Say “what's left?” to see your pending tasks.";

    public override bool Keeps(TaskSnapshot task, AgentContext context) => !task.Completed && task.Tags.Count > 0;

    public override string Describe(AgentContext context) => "with tags";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        if (tasks.Count == 0)
        {
            return "None of your tasks to do has a tag. Say “tag 3 #home” or “add pay rent #home” to give one a tag.";
        }
        var counted = TaskTags.Count(tasks.Select(t => t.Tags));
        return $"Your tags on tasks to do: {Replies.Join(counted.Select(c => $"#{c.Key} ({Replies.Count(c.Value, "task")})"))}. " +
            $"Say “show my #{counted[0].Key} tasks” to see a tag's tasks.";
    }
}

/// <summary>
/// "which tasks repeat?": the tasks still to do that repeat. list_tasks has no argument for it: the pending tasks are read
/// and those with a repeat kept (before, the question listed every pending task, repeating or not).
/// </summary>
internal sealed record RepeatFilter() : PendingWithFilter(TaskToolArguments.Recurrence)
{
    public override string CannotYet => "I can't make tasks repeat yet: the task service doesn't have repeats. Say “what's left?” to see your pending tasks.";

    public override bool Keeps(TaskSnapshot task, AgentContext context) => !task.Completed && !string.IsNullOrEmpty(task.Recurrence);

    public override string Describe(AgentContext context) => "that repeat";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => tasks.Count == 0
        ? "None of your tasks to do repeats. Say “make 3 repeat every week” or “add gym every monday” to have one."
        : Listed(tasks, context);
}

/// <summary>
/// "which tasks have no due date?", "what haven't I scheduled?": the tasks still to do without a due date. list_tasks has no
/// argument for it: the pending tasks are read and those without one kept.
/// </summary>
internal sealed record NoDueDateFilter() : PendingWithFilter(TaskToolArguments.Due)
{
    public override string CannotYet => "I can't give tasks due dates yet: the task service doesn't have them. Say “what's left?” to see your pending tasks.";

    public override bool Keeps(TaskSnapshot task, AgentContext context) => !task.Completed && task.DueText is null;

    public override string Describe(AgentContext context) => "without a due date";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => tasks.Count == 0
        ? "Every task still to do has a due date."
        : Listed(tasks, context) + $" Say “move {tasks[0].Id.ToString(CultureInfo.InvariantCulture)} to friday”, for example, to give one a date.";
}

/// <summary>
/// "what reminders do I have?": the tasks still to do that have reminders, each with when they go off. list_tasks has no
/// argument for it: the pending tasks are read and those with reminders kept.
/// </summary>
internal sealed record ReminderFilter() : PendingWithFilter(TaskToolArguments.Reminders)
{
    public override string CannotYet => "I can't set reminders yet: the task service doesn't have them. Say “what's due today?” to see what's coming.";

    public override bool Keeps(TaskSnapshot task, AgentContext context) => !task.Completed && task.Reminders.Count > 0;

    public override string Describe(AgentContext context) => "with reminders";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => tasks.Count == 0
        ? "None of your tasks to do has a reminder. Say “remind me about 3 an hour before” to set one."
        : $"{Replies.Count(tasks.Count, "task")} {Describe(context)}: {Replies.Join(tasks.Select(t => $"{Replies.Label(t)} ({Reminders(t, context)})"))}.";

    // "due tomorrow at 15:00; reminder 1 hour before", "reminders Monday at 09:00 and at the due time".
    private static string Reminders(TaskSnapshot task, AgentContext context) =>
        (task.DueAt(context.Clock.Zone) is null ? "" : $"due {ListRequest.DescribeDue(task, context)}; ")
        + (task.Reminders.Count == 1 ? "reminder " : "reminders ") + Replies.Join(task.Reminders.Select(r => ReminderWords.Of(r, context.Clock)));
}

/// <summary>
/// "what was the last task I added?": the task this conversation added last (as "delete the task I just added" acts on),
/// else the user's newest, the highest number among those changed last (numbers grow, so the newest is among them).
/// </summary>
internal sealed record NewestFilter : ListFilter
{
    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context)
    {
        if (context.Chat.LastAddedId is { } added && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.TaskIds))
        {
            return [(TaskToolArguments.TaskIds, new[] { added })];
        }
        var arguments = new List<(string Name, object? Value)>();
        if (context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Sort, TaskSorts.Updated))
        {
            arguments.Add((TaskToolArguments.Sort, TaskSorts.Updated));
        }
        if (context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Limit))
        {
            arguments.Add((TaskToolArguments.Limit, TaskToolArguments.PageMax));
        }
        return arguments;
    }

    public override bool SaysMore => false;

    public override string Describe(AgentContext context) => "added last";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        if (tasks.MaxBy(t => t.Id) is not { } newest)
        {
            return context.Chat.LastAddedId is { } id
                ? $"Task {id}, the one added last here, isn't there any more."
                : "You have no tasks yet. Try “add buy milk”.";
        }
        var added = newest.CreatedAt is { } at ? $", added {Due.At(at, context.Clock).Describe(context.Clock)}" : "";
        return $"The last task you added is {ListRequest.Items([newest], context, markDone: true)}{added}.";
    }
}

/// <summary>
/// "what's the oldest task?": the task still to do added first. Numbers grow as tasks are added, so the lowest number
/// among those to do is it: asked for by list_tasks' oldest-first order, one task, where the mcp has it.
/// </summary>
internal sealed record OldestFilter : ListFilter
{
    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context)
    {
        var arguments = new List<(string Name, object? Value)>();
        if (context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Sort, TaskSorts.Created))
        {
            arguments.Add((TaskToolArguments.Sort, TaskSorts.Created));
            if (context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Limit))
            {
                arguments.Add((TaskToolArguments.Limit, 1));
            }
        }
        return arguments;
    }

    public override bool SaysMore => false;

    public override string Describe(AgentContext context) => "added first";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        if (tasks.Where(t => !t.Completed).MinBy(t => t.Id) is not { } oldest)
        {
            return ListRequest.NoPendingTasks;
        }
        var added = oldest.CreatedAt is { } at ? $", added {Due.At(at, context.Clock).Describe(context.Clock)}" : "";
        return $"Your oldest task still to do is {ListRequest.Items([oldest], context)}{added}.";
    }
}

/// <summary>
/// "what's the note on it?": the one task "it" means (<see cref="ChatState.LastTaskId"/>), by its number, with its
/// description, as "what's the note on the taxes?" shows a task found by its words.
/// </summary>
internal sealed record DetailsFilter(long Id) : ListFilter
{
    // Without list_tasks' task_ids, the whole list is read and the task kept here.
    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) =>
        context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.TaskIds) ? [(TaskToolArguments.TaskIds, new[] { Id })] : [];

    public override bool Keeps(TaskSnapshot task, AgentContext context) => task.Id == Id;

    public override bool SaysMore => false;

    public override string Describe(AgentContext context) => $"number {Id}";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => tasks.FirstOrDefault(t => t.Id == Id) switch
    {
        null => $"Task {Id} isn't there any more.",
        { Description: { Length: > 0 } description } task =>
            $"{ListRequest.Items([task], context, markDone: true)}. Its description: {Quoted(description)}",
        var task => $"{ListRequest.Items([task], context, markDone: true)} has no description.",
    };
}

/// <summary>Completed tasks finished on a day or in a week, by their completed_at.</summary>
internal sealed record FinishedFilter(string When) : ListFilter
{
    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) => [];

    public override bool Keeps(TaskSnapshot task, AgentContext context)
    {
        if (task.CompletedAt is not { } at)
        {
            return true; // Without completed_at the reply says it cannot tell.
        }
        var day = context.Clock.DayOf(at);
        var today = context.Clock.Today;
        var monday = UserClock.WeekStart(today);
        return When switch
        {
            "yesterday" => day == today.AddDays(-1),
            "today" => day == today,
            "last week" => day >= monday.AddDays(-7) && day < monday,
            _ => day >= monday,
        };
    }

    public override string Describe(AgentContext context) => $"finished {When}";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        if (tasks.Any(t => t.CompletedAt is null))
        {
            return tasks.Count == 0
                ? "You haven't completed any tasks yet."
                : $"I can't tell when tasks were finished yet. You have completed {Replies.Count(tasks.Count, "task")} in all: {ListRequest.Items(tasks, context)}.";
        }
        return tasks.Count == 0 ? $"You didn't finish anything {When}." : $"You finished {Replies.Count(tasks.Count, "task")} {When}: {ListRequest.Items(tasks, context)}.";
    }
}
