using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "make 3 high priority", "mark the rent urgent", "set the priority of 3 to low", "the report is important",
/// "the bread is more important", "the gym isn't urgent", "prioritize 3", "remove the priority from 3", "taxes priority: high"
/// (PrioritySkill.NamedFirst.cs). Needs update_task's <c>priority</c>.
/// </summary>
internal sealed partial class PrioritySkill : Skill
{
    private static readonly string[] Levels = ["high priority", "low priority", "medium priority", "normal priority", "top priority", "no priority", "urgent", "important", "a priority", "high", "low", "medium"];

    // Each level alone, the longest first: the first one a message ends with is its level ("high priority" before "high").
    private static readonly string[][] LevelsLongestFirst = [.. Levels.OrderByDescending(l => l.Length).Select(l => new[] { l })];

    // The phrase lists Read tries, made once: every message the skills read passes through Read, and a list written at a
    // call is a new array each time.
    private static readonly string[] PriorityWord = ["priority"];

    private static readonly string[] To = ["to"];

    private static readonly string[] ToOrAs = ["to", "as"];

    private static readonly string[] Prioritize = ["prioritize", "prioritise"];

    private static readonly string[] IsOrAre = ["is", "are"];

    private static readonly string[] IsNot = ["isn't", "isnt", "aren't", "arent"];

    private static readonly string[] SetVerbs = ["make", "mark", "set", "flag", "change", "update", "switch", "turn", "bump"];

    private static readonly string[] CanBe = ["is", "are", "is now", "can be", "should be", "could be"];

    private static readonly string[] Linking = ["as a", "to a", "as", "to", "a"];

    // A step up or down: the words before the task and, for "make … more urgent", after it.
    private static readonly (int Step, string[] Before, string[] After)[] Steps =
    [
        (1, ["raise the priority of", "increase the priority of", "bump up the priority of", "bump the priority of", "raise the priority on"], []),
        (-1, ["lower the priority of", "decrease the priority of", "reduce the priority of", "drop the priority of", "lower the priority on"], []),
        (1, ["make"], ["more urgent", "more important", "higher priority", "a higher priority"]),
        (-1, ["make"], ["less urgent", "less important", "lower priority", "a lower priority"]),
        // "bump up the rent", "bump the rent up" ("bump the rent to friday" is a move: DueDateSkill).
        (1, ["bump up"], []),
        (1, ["bump"], ["up", "up the list"]),
        (-1, ["bump"], ["down", "down the list"]),
    ];

    // "lower the taxes priority", "raise the milk's priority": a step, the task between the verb and "priority".
    private static readonly (int Step, string[] Verbs)[] StepBeforePriority =
    [
        (1, ["raise", "increase"]),
        (-1, ["lower", "reduce", "decrease", "drop"]),
    ];

    private static readonly (int Step, string[] Said)[] MoreOrLess =
    [
        (1, ["more important", "more urgent", "higher priority", "a higher priority", "more of a priority"]),
        (-1, ["less important", "less urgent", "lower priority", "a lower priority", "less of a priority"]),
    ];

    // After "isn't" or "is not": "the gym isn't urgent", "the report is not that important".
    private static readonly string[] NotImportant = ["important", "urgent", "a priority", "that important", "that urgent", "so important", "so urgent", "very important", "very urgent"];

    private static readonly string[] PriorityOf = ["set the priority of", "set the priority for", "change the priority of", "change the priority for", "set priority of", "set priority for"];

    public override string Name => "priority";

    public override int Precedence => 42;

    public override string Capability => "set priorities (“make 3 high priority”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, TaskToolArguments.Priority)];

    public override IReadOnlyList<string> Examples =>
        ["make 3 high priority", "mark the rent urgent", "set the priority of 3 to low", "the report is important", "prioritize 3", "remove the priority from 3",
         "lower the priority of the flights", "raise the priority of 3", "make the rent and the bills high priority",
         "the taxes can be low priority", "change the rent priority to low", "remove priority from 3", "lower the taxes priority"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        if (Phrase.TryStripStart(text, RemovePriority, out var rest))
        {
            var lowered = text.StartsWith("depriorit", StringComparison.OrdinalIgnoreCase) ? TaskPriorities.Low : TaskPriorities.None;
            return Target(rest) is { } t ? new PriorityRequest(t, lowered) : null;
        }
        // "lower the priority of the flights", "raise the priority of 3", "make the dentist more urgent": one step from the
        // priority it has.
        foreach (var (step, before, after) in Steps)
        {
            if (Phrase.TryStripStart(text, before, out rest) && (after.Length == 0 || Phrase.TryStripEnd(rest, after, out rest)))
            {
                return Target(rest) is { } t ? new PriorityStepRequest(t, step) : null;
            }
        }
        // (before: offered as a task “Lower the taxes priority”). "raise the taxes to high priority" names its level: read
        // as before, below.
        foreach (var (step, verbs) in StepBeforePriority)
        {
            if (Phrase.TryStripStart(text, verbs, out rest) && Phrase.TryStripEnd(rest, PriorityWord, out rest) && !Phrase.TrySplit(rest, To, out _, out _)
                && Target(rest) is { } t)
            {
                return new PriorityStepRequest(t, step);
            }
        }
        if (Phrase.TryStripStart(text, Prioritize, out rest))
        {
            return Target(rest) is { } t ? new PriorityRequest(t, TaskPriorities.High) : null;
        }
        if (Phrase.TryStripStart(text, PriorityOf, out rest) && Phrase.TrySplit(rest, ToOrAs, out var target, out var level))
        {
            return Level(level) is { } l && Target(target) is { } t ? new PriorityRequest(t, l) : null;
        }
        if (NamedThenPriority(utterance) is { } priorityAfterName)
        {
            return priorityAfterName;
        }
        // "the bread is more important", "the report is less urgent": a step; "the gym isn't urgent": low.
        if (!utterance.IsQuestion && Phrase.TrySplit(text, IsOrAre, out var who, out var how) && string.Join(' ', Phrase.Words(how)) is var said)
        {
            var step = MoreOrLess.FirstOrDefault(m => m.Said.Contains(said)).Step;
            if (step != 0)
            {
                return Target(who) is { } t ? new PriorityStepRequest(t, step) : null;
            }
            if (said.StartsWith("not ", StringComparison.Ordinal) && NotImportant.Contains(said[4..]))
            {
                return Target(who) is { } t ? new PriorityRequest(t, TaskPriorities.Low) : null;
            }
        }
        if (!utterance.IsQuestion && Phrase.TrySplit(text, IsNot, out who, out how)
            && NotImportant.Contains(string.Join(' ', Phrase.Words(how))))
        {
            return Target(who) is { } t ? new PriorityRequest(t, TaskPriorities.Low) : null;
        }
        string? subject = null;
        // "change the paint to urgent": a change to a priority word is the priority, not a new title.
        if (Phrase.TryStripStart(text, SetVerbs, out rest))
        {
            subject = rest;
        }
        // "the taxes can be low priority", "milk should be high priority" (before: not understood).
        else if (!utterance.IsQuestion && Phrase.TrySplit(text, CanBe, out var before, out var after))
        {
            subject = before + " " + after;
        }
        if (subject is null)
        {
            return null;
        }
        foreach (var phrase in LevelsLongestFirst)
        {
            if (Phrase.TryStripEnd(subject, phrase, out var named) && Level(phrase[0]) is { } namedLevel)
            {
                Phrase.TryStripEnd(named, Linking, out named);
                return Target(named) is { } t ? new PriorityRequest(t, namedLevel) : null;
            }
        }
        return null;
    }

    private static string? Level(string text)
    {
        var words = Phrase.Words(text).Where(w => w is not ("a" or "an" or "priority" or "as" or "to")).ToList();
        return words is [var only] && only is "high" or "low" or "medium" or "normal" or "top" or "urgent" or "important" or "no" or "none"
            ? only is "no" or "none" ? TaskPriorities.None : Markers.Normalize(only)
            : words.Count == 0 && Phrase.Words(text).Contains("priority") ? TaskPriorities.High : null;
    }

    private static TaskTarget? Target(string text) => TaskReference.IsEverything(text) ? null : TaskReference.Parse(text);
}

internal sealed record PriorityRequest(TaskTarget Target, string Priority) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Priority;

    protected override string Feature => "priorities";

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => Priority;

    protected override string Changed(string title, AgentContext context) => Now(title, Priority);

    protected override string ByNumbers(string numbers, AgentContext context) =>
        Priority == TaskPriorities.None ? $"remove the priority from {numbers}" : $"make {numbers} {Priority} priority";

    /// <summary>"“Book flights” is now high priority.", "“Book flights” has no priority now."</summary>
    public static string Now(string title, string priority) =>
        priority == TaskPriorities.None ? $"“{title}” has no priority now." : $"“{title}” is now {priority} priority.";
}

/// <summary>
/// One step up or down from the priority a task has (none, low, medium, high); at either end it stays. A step up from
/// none is medium: "bump up the rent" answered with "is now low priority" read as if it had been lowered.
/// </summary>
internal sealed record PriorityStepRequest(TaskTarget Target, int Step) : FieldChangeRequest(Target)
{
    private static readonly string[] Order = [TaskPriorities.None, TaskPriorities.Low, TaskPriorities.Medium, TaskPriorities.High];

    protected override string Argument => TaskToolArguments.Priority;

    protected override string Feature => "priorities";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        targets.FirstOrDefault(t => t.Known && Next(t) == Current(t)) is { } atEnd
            ? new Answer(Step > 0 ? $"“{atEnd.Title}” is already high priority, the highest." : $"“{atEnd.Title}” already has no priority, the lowest.")
            : base.ActOn(targets, context);

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => Next(task);

    protected override string ReplyChanged(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        string.Join(' ', done.Select(d => PriorityRequest.Now(d.Outcome.Title ?? "", d.Argument(Argument) as string ?? TaskPriorities.None)));

    protected override string Changed(string title, AgentContext context) => $"Changed the priority of “{title}”.";

    protected override string ByNumbers(string numbers, AgentContext context) => $"make {numbers} {(Step > 0 ? "more" : "less")} urgent";

    private static string Current(TaskSnapshot task) => task.Priority is { } priority && Order.Contains(priority) ? priority : TaskPriorities.None;

    private string Next(TaskSnapshot task) => Step > 0 && Current(task) == TaskPriorities.None
        ? TaskPriorities.Medium
        : Order[Math.Clamp(Array.IndexOf(Order, Current(task)) + Step, 0, Order.Length - 1)];
}
