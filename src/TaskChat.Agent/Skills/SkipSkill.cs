using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "skip the gym today", "skip 3", "skip it this week", "skip today's run": a repeating task moves to its next
/// occurrence without being done (the mcp's skip_task). A task that does not repeat is not skipped: the reply says how
/// to move it instead.
/// </summary>
internal sealed class SkipSkill : Skill
{
    private static readonly string[] Verbs = ["skip", "skip over", "i'll skip", "ill skip", "i will skip", "let's skip", "lets skip"];

    // When the occurrence is: the one at hand, whatever the words say ("today", "this week", "this time").
    private static readonly string[] Occasions =
        ["today", "tonight", "this morning", "this evening", "this afternoon", "tomorrow", "this time", "this week", "this weekend", "this month",
         "for today", "for tonight", "for now", "for this week", "this one", "just this once", "once"];

    private static readonly string[] Possessives = ["today's", "todays", "tonight's", "tonights", "tomorrow's", "tomorrows", "this week's", "this weeks"];

    public override string Name => "skip";

    public override int Precedence => 52;

    public override string Capability => "skip a repeating task's occurrence (“skip the gym today”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(TaskToolNames.SkipTask)];

    public override IReadOnlyList<string> Examples => ["skip the gym today", "skip 3", "skip it this week", "skip today's run", "let's skip the trash this week"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (!Phrase.TryStripStart(utterance.Text, Verbs, out var rest))
        {
            return null;
        }
        // "skip everything due today": each repeating task of that range (one that does not repeat is said so).
        if (EachOf.Read(rest, utterance.Context.Clock) is { } range)
        {
            return new EachOfRequest(range, new SkipRequest(TaskTarget.It, OfRange: true));
        }
        var occasion = Occasions.FirstOrDefault(o => Phrase.TryStripEnd(rest, [o], out _)) ?? Possessives.FirstOrDefault(p => Phrase.TryStripStart(rest, [p], out _));
        Phrase.TryStripEnd(rest, Occasions, out rest);
        Phrase.TryStripStart(rest, Possessives, out rest);
        if (rest.Length == 0)
        {
            return new Say("Which repeating task should I skip? Tell me its number or a few words of its title, for example “skip the gym today”.");
        }
        var clock = utterance.Context.Clock;
        DateOnly? day = occasion switch
        {
            "today" or "tonight" or "this morning" or "this evening" or "this afternoon" or "for today" or "for tonight"
                or "today's" or "todays" or "tonight's" or "tonights" => clock.Today,
            "tomorrow" or "tomorrow's" or "tomorrows" => clock.Today.AddDays(1),
            _ => null,
        };
        return TaskReference.Parse(rest) is { } target ? new SkipRequest(target) { Day = day } : null;
    }
}

/// <summary>
/// Skips the tasks found. <paramref name="OfRange"/>: every pending task of a range was found ("skip everything due today"),
/// so the reply also names those that do not repeat and were left as they are.
/// </summary>
internal sealed record SkipRequest(TaskTarget Target, bool OfRange = false) : TargetedRequest(Target)
{
    /// <summary>
    /// The day the occurrence was said to be on ("skip the gym today"): a task whose next one comes later is not skipped
    /// (that would drop a later session the user did not mean), and the reply says when it is.
    /// </summary>
    public DateOnly? Day { get; init; }

    protected override string LookupStatus => ListStatus.Pending;

    protected override string Verb => "skip";

    protected override bool NeedsCurrentFields => true;

    public override IReadOnlyList<ToolNeed> Needs => [new(TaskToolNames.SkipTask)];

    public override string? CannotYet => "I can't skip a repeating task's occurrence yet: the task service doesn't offer that. I can move it to another day instead (“move the gym to friday”).";

    // "skip the gym" beside "Buy gym shoes": the one that repeats is meant.
    protected override IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks) =>
        base.Match(tasks) is { Count: > 1 } several && several.Where(t => t.Recurrence is not null).ToList() is { Count: > 0 } repeating ? repeating : base.Match(tasks);

    // Only tasks that repeat are skipped ("skip everything due this week" leaves the others as they are); when none does, the
    // reply says so and how to move a task instead.
    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context)
    {
        var repeating = targets.Where(t => !t.Known || t.Recurrence is not null).ToList();
        if (Day is { } day && repeating is [{ Known: true } only] && only.DueAt(context.Clock.Zone) is { } due && context.Clock.DayOf(due) > day)
        {
            var said = day == context.Clock.Today ? "today" : "tomorrow";
            return new Answer($"“{only.Title}” isn't due {said}: its next one is {ListRequest.DescribeDue(only, context)}, so I left it. " +
                $"Say “skip {only.Id}” to skip that one.");
        }
        return repeating.Count > 0
            ? new CallTools([.. repeating.Select(t => ToolCall.Of(TaskToolNames.SkipTask, (ToolArguments.TaskId, t.Id)))])
            : new Answer($"{Replies.Join(targets.Select(t => Replies.Quoted(t.Title)))} {(targets.Count == 1 ? "doesn't" : "don't")} repeat, so there's no next time to skip to. " +
                "To do it another day, move it (for example “move it to friday”).");
    }

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        var skipped = string.Join(' ', done.Select(d => $"Skipped “{d.Outcome.Title}”" + (NewDue(d, context) is { } due ? $": next due {due}." : ".")));
        var left = OfRange ? (tasks ?? []).Where(t => t.Known && t.Recurrence is null && !t.Completed).ToList() : [];
        return left.Count == 0
            ? skipped
            : $"{skipped} {Replies.Join(left.Select(t => Replies.Quoted(t.Title)))} {(left.Count == 1 ? "doesn't" : "don't")} repeat, so I left {(left.Count == 1 ? "it" : "them")} as {(left.Count == 1 ? "it was" : "they were")}.";
    }

    private static string? NewDue(ToolExchange skipped, AgentContext context) =>
        skipped.Outcome.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(TaskToolArguments.Due, out var due) && due.ValueKind == JsonValueKind.String
            && Due.FromArgument(due.GetString()!, context.Clock) is { } when
            ? when.Describe(context.Clock)
            : null;
}
