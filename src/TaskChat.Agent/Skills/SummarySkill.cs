using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "give me a summary", "how am I doing?", "overview": where the list stands in one reply, counted: what is to do (overdue,
/// due today, the rest of this week, later, without a date, high priority) and what was finished this week.
/// </summary>
internal sealed class SummarySkill : Skill
{
    private static readonly HashSet<string> Questions =
    [
        "summary", "give me a summary", "a summary", "summary please", "summarize", "summarise", "summarize my tasks", "summarise my tasks",
        "summarize my list", "summarise my list", "sum up my tasks", "sum it up", "overview", "give me an overview", "an overview", "recap",
        "give me a recap", "how am i doing", "how am i doing today", "how am i doing this week", "how are my tasks", "how are things",
        "status", "status update", "my status", "whats my status", "what is my status", "where am i at", "where do i stand",
        "how is my list looking", "hows my list looking", "how does my list look", "whats the situation",
    ];

    public override string Name => "summary";

    public override int Precedence => 102;

    public override string Capability => "sum up where your list stands (“how am I doing?”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks)];

    public override IReadOnlyList<string> Examples => ["give me a summary", "how am I doing?"];

    public override SkillRequest? Read(Utterance utterance) => Questions.Contains(utterance.Joined) ? new SummaryRequest() : null;
}

internal sealed record SummaryRequest : SkillRequest
{
    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks)];

    // What is to do, soonest due first, and what was done, most recently changed first: as many of each as a page holds.
    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        var paged = context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Limit);
        ToolCall List(string status, string sort) => paged && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Sort, sort)
            ? ToolCall.Of(ToolNames.ListTasks, (ToolArguments.Status, status), (TaskToolArguments.Sort, sort), (TaskToolArguments.Limit, TaskToolArguments.PageMax))
            : ToolCall.List(status);
        return new CallTools([List(ListStatus.Pending, TaskSorts.Due), List(ListStatus.Completed, TaskSorts.Updated)]);
    }

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? looked, AgentContext context)
    {
        var clock = context.Clock;
        var today = clock.Today;
        var weekStart = UserClock.WeekStart(today);
        var weekEnd = UserClock.WeekAheadEnd(today); // on a Sunday, "later this week" is the days ahead, as "what's due this week?" reads
        var pending = done.Where(d => d.Arguments.GetValueOrDefault(ToolArguments.Status)?.ToString() == ListStatus.Pending)
            .SelectMany(d => d.Outcome.Tasks).Where(t => !t.Completed).ToList();
        var completed = done.Where(d => d.Arguments.GetValueOrDefault(ToolArguments.Status)?.ToString() == ListStatus.Completed)
            .SelectMany(d => d.Outcome.Tasks).Where(t => t.Completed).ToList();
        var more = done.Any(d => d.Outcome.HasMore);

        var now = clock.Now;
        var dues = pending.Select(t => t.DueAt(clock.Zone)).OfType<DateTimeOffset>().Select(due => (At: due, Day: clock.DayOf(due))).ToList();
        var overdue = dues.Count(due => due.At < now);
        var dueToday = dues.Count(due => due.At >= now && due.Day == today);
        var thisWeek = dues.Count(due => due.Day > today && due.Day < weekEnd);
        var later = dues.Count(due => due.Day >= weekEnd);
        var undated = pending.Count(t => t.DueText is null);
        var high = pending.Count(t => t.Priority == TaskPriorities.High);
        var doneThisWeek = completed.Where(t => t.CompletedAt is { } at && clock.DayOf(at) >= weekStart).ToList();
        var doneToday = doneThisWeek.Count(t => clock.DayOf(t.CompletedAt!.Value) == today);

        var text = pending.Count == 0 ? "You have nothing to do. Nice work!" : $"You have {Replies.Count(pending.Count, "task")} to do";
        if (pending.Count > 0)
        {
            // Each part only when there is something in it.
            var when = new (int Count, string Words)[]
                {
                    (overdue, "overdue"), (dueToday, "due today"), (thisWeek, "due later this week"), (later, "due after this week"), (undated, "without a date"),
                }
                .Where(p => p.Count > 0).Select(p => $"{p.Count} {p.Words}").ToList();
            text += when.Count > 0 ? $": {Replies.Join(when)}." : ".";
            if (high > 0)
            {
                text += $" {(high == 1 ? "1 is" : $"{high} are")} high priority.";
            }
        }
        text += doneThisWeek.Count switch
        {
            0 => " Nothing finished this week yet.",
            _ => $" You've finished {Replies.Count(doneThisWeek.Count, "task")} this week" + (doneToday > 0 ? $", {doneToday} of them today." : "."),
        };
        if (more)
        {
            text += $" (I counted the first {TaskToolArguments.PageMax} of each; the Tasks page has them all.)";
        }
        if (overdue > 0)
        {
            text += " Say “what's overdue?” to see those first.";
        }
        else if (pending.Count > 0)
        {
            text += " Say “what should I do first?” for where to start.";
        }
        return text;
    }
}
