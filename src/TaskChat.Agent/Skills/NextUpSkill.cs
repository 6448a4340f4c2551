using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "what should I do first?", "what's next?", "where do I start?": the pending tasks ranked overdue first (oldest
/// due first), then those due soonest, then by priority, then the oldest; the answer names the first few and why.
/// </summary>
internal sealed class NextUpSkill : Skill
{
    private static readonly string[] Questions =
    [
        "what should i do first", "what should i do next", "what should i do now", "what should i do", "what do i do first",
        "what do i do next", "whats next", "what is next", "what next", "what to do first", "what to do next", "where do i start",
        "where should i start", "what should i start with", "what should i work on", "what should i focus on", "whats most important",
        "what is most important", "whats the most important", "what is the most important task", "what first",
        "what should i tackle first", "what comes first", "whats my top priority", "what is my top priority",
        "whats coming up", "what is coming up", "whats up next", "what is up next", "anything coming up", "what have i got coming up",
        "whats my most important task", "what is my most important task", "whats the most important thing", "what is the most important thing",
        "whats my most urgent task", "what is my most urgent task", "whats most urgent", "what is most urgent", "what should i prioritize",
        "what should i prioritise", "whats my priority", "what is my priority", "whats my next task", "what is my next task",
        // "what's first?" as "what's next?" is asked (before: not understood).
        "whats first", "what is first", "whats first on my list", "what is first on my list", "whats first on the list", "whats first up",
    ];

    public override string Name => "what first";

    public override int Precedence => 100;

    public override string Capability => "tell you what to do first";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks)];

    public override IReadOnlyList<string> Examples => ["what should I do first?", "what's next?", "where do I start?", "what's most important?", "what's first?"];

    // "what's urgent?" is the list skill's: what cannot wait (overdue, due today, high priority), not a ranking of everything.
    // "what should I focus on today?": the ranking starts with what is overdue and due today anyway (before: "Nothing due
    // today." while tasks were overdue, or due tomorrow morning).
    public override SkillRequest? Read(Utterance utterance) =>
        Questions.Contains(utterance.Joined) || Phrase.TryStripEnd(utterance.Joined, ["today", "right now", "this morning", "this afternoon"], out var asked) && Questions.Contains(asked)
            ? new NextUpRequest()
            : null;
}

internal sealed record NextUpRequest : SkillRequest
{
    private const int Shown = 3;

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks)];

    // Soonest due first, as many as a page holds: the ranking below starts with the overdue and the due, so the first few
    // are on that page however many tasks are pending (the first 50 by number could leave them out).
    public override ToolCall? Lookup(AgentContext context) =>
        context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Sort, TaskSorts.Due) && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Limit)
            ? ToolCall.Of(ToolNames.ListTasks, (ToolArguments.Status, ListStatus.Pending), (TaskToolArguments.Sort, TaskSorts.Due), (TaskToolArguments.Limit, TaskToolArguments.PageMax))
            : ToolCall.List(ListStatus.Pending);

    /// <summary>
    /// More pending than a page: the highest priority ones too, by the tool's own sort (priority first, then soonest due), a
    /// page of them. A task past the soonest due ranks among the first only by its priority, beside tasks due when the
    /// page's last is (with more than 200 undated, the page held the oldest: an undated high priority task added since was
    /// never named first). No more than two pages are read, however many tasks there are.
    /// </summary>
    public override ToolCall? LookupAgain(IReadOnlyList<TaskSnapshot> found, AgentContext context) =>
        context.Chat.Rounds is [[{ Outcome: { Succeeded: true, HasMore: true } }]]
            && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Sort, TaskSorts.Priority) && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Limit)
            ? ToolCall.Of(ToolNames.ListTasks, (ToolArguments.Status, ListStatus.Pending), (TaskToolArguments.Sort, TaskSorts.Priority), (TaskToolArguments.Limit, TaskToolArguments.PageMax))
            : null;

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        // Both looks (LookupAgain), each task once: tasks is the last one's.
        var pending = (tasks ?? []).Concat(context.Chat.Rounds.SelectMany(r => r).Where(e => e.Outcome.Succeeded).SelectMany(e => e.Outcome.Tasks))
            .DistinctBy(t => t.Id).Where(t => !t.Completed).ToList();
        if (pending.Count == 0)
        {
            return new Answer("Nothing is pending, so nothing to do first. Enjoy!");
        }
        var now = context.Clock.Now;
        var ranked = pending
            .OrderBy(t => t.DueAt(context.Clock.Zone) is { } due ? due < now ? 0 : 1 : 2)
            .ThenBy(t => t.DueAt(context.Clock.Zone) ?? DateTimeOffset.MaxValue)
            .ThenByDescending(t => PriorityRank.Of(t.Priority))
            .ThenBy(t => t.Id)
            .ToList();
        var first = ranked[0];
        var text = $"Start with {Replies.Label(first)}{Why(first, context)}.";
        if (ranked.Count > 1)
        {
            text += $" Then {Replies.Join(ranked.Skip(1).Take(Shown - 1).Select(t => Replies.Label(t) + Why(t, context)))}.";
        }
        return new Answer(text);
    }

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => "";

    private static string Why(TaskSnapshot task, AgentContext context)
    {
        var reasons = new List<string>();
        if (task.DueAt(context.Clock.Zone) is { } due)
        {
            reasons.Add((due < context.Clock.Now ? "overdue, it was due " : "due ") + ListRequest.DescribeDue(task, context));
        }
        if (task.Priority is TaskPriorities.High or TaskPriorities.Medium)
        {
            reasons.Add(task.Priority + " priority");
        }
        return reasons.Count == 0 ? (task.DueText is null && task.Priority is null ? " (your oldest)" : "") : $" ({string.Join(", ", reasons)})";
    }
}
