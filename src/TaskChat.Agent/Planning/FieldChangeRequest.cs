using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// A change of one issue-11 field of named tasks through update_task (due, priority, tags, recurrence, reminders).
/// The task is looked up first: its current value is what "undo" restores, and what a change builds on (tags and
/// reminders are whole sets).
/// </summary>
internal abstract record FieldChangeRequest(TaskTarget Target) : TargetedRequest(Target)
{
    /// <summary>The update_task argument this request sets.</summary>
    protected abstract string Argument { get; }

    /// <summary>"due dates", "priorities": what the agent cannot set while the mcp lacks <see cref="Argument"/>.</summary>
    protected abstract string Feature { get; }

    protected override bool NeedsCurrentFields => true;

    protected override string Verb => "change";

    // "move the milk and the eggs to friday", or "both" to "which one?": a due date, a priority or a tag suits several
    // tasks alike; a repeat or a reminder is one task's, and stays a question.
    protected override bool TakesSeveral => Argument is TaskToolArguments.Due or TaskToolArguments.Priority or TaskToolArguments.Tags;

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, Argument)];

    /// <summary>
    /// What to do when the words name no task still to do: the new task the same message adds when read as an add ("remind
    /// me about the dentist at 5", "schedule the dentist for friday" with no dentist among the tasks), or an offer to add it
    /// ("milk due friday"). Null: say that nothing matched, as any change does.
    /// </summary>
    public SkillRequest? AddInstead { get; init; }

    // A done task is not what such a message is about: "schedule the dentist for friday" beside last month's done
    // "Dentist" is a new one.
    protected override string LookupStatus => AddInstead is not null && Target.ByWords ? ListStatus.Pending : base.LookupStatus;

    protected override NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => AddInstead switch
    {
        null => base.ActOnNoMatch(tasks, context),
        _ when context.Tools.Missing(AddInstead.Needs) is { } missing => new Answer(AddInstead.CannotYet ?? Replies.Unavailable(missing)),
        _ => AddInstead.Act(null, context),
    };

    public override string? CannotYet => $"I can't set {Feature} yet: the task service doesn't have them. I can add, complete, rename and delete tasks.";

    /// <summary>The new value for one task (its current fields in <paramref name="task"/>), or an answer when there is nothing to set.</summary>
    protected abstract object? NewValue(TaskSnapshot task, AgentContext context);

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) => Updates(targets, context);

    /// <summary>
    /// The updates, unless a task has no due date for a change that counts from it (a reminder before it, a due date
    /// moved by a span): then <paramref name="undated"/> says so for that task.
    /// </summary>
    protected NextStep UpdatesOfDated(IReadOnlyList<TaskSnapshot> targets, AgentContext context, Func<TaskSnapshot, string> undated) =>
        targets.FirstOrDefault(t => t.Known && t.DueText is null) is { } task ? new Answer(undated(task)) : Updates(targets, context);

    private CallTools Updates(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new([.. targets.Select(t => ToolCall.Of(ToolNames.UpdateTask, (ToolArguments.TaskId, t.Id), (Argument, NewValue(t, context))))]);

    public sealed override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        AddInstead is not null && done.Any(d => d.Tool == ToolNames.AddTask) ? AddInstead.Reply(done, null, context) : ReplyChanged(done, tasks, context);

    /// <summary>The reply once the changes came back (<see cref="SkillRequest.Reply"/>, when nothing was added instead).</summary>
    protected virtual string ReplyChanged(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        string.Join(' ', done.Select(d => Changed(d.Outcome.Title ?? "", tasks?.FirstOrDefault(t => t.Id == d.ArgumentId), context)));

    /// <summary>The sentence for one changed task.</summary>
    protected abstract string Changed(string title, AgentContext context);

    /// <summary>
    /// The sentence for one changed task, which may say what the change took from it (“Removed the reminder 1 hour
    /// before”): <paramref name="before"/> is the task as the lookup found it, null when it was not among them.
    /// </summary>
    protected virtual string Changed(string title, TaskSnapshot? before, AgentContext context) => Changed(title, context);
}
