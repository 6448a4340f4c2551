using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>"complete 3", "mark the milk one done", "I finished task 3", "check off #2", "cross the milk off", "task 7 is done".</summary>
internal sealed class CompleteSkill : Skill
{
    private static readonly string[] CompleteVerbs =
        ["mark", "complete", "finish", "finished", "check off", "tick off", "cross off", "close", "done", "done with",
         "i finished", "i've finished", "i have finished", "i completed", "i've completed", "i have completed", "i did",
         "i've done", "i have done", "i'm done with", "im done with", "i am done with", "i'm finished with", "set done", "tick", "check", "cross"];

    private static readonly string[] DoneWords =
        ["done", "as done", "complete", "as complete", "completed", "as completed", "finished", "as finished", "off", "as checked", "checked",
         "off my list", "off the list", "off my to-do list", "off my todo list"];

    /// <summary>When a thing was done, said after it: "I finished the taxes yesterday", "paid the rent this morning".</summary>
    internal static readonly string[] WhenDone =
    [
        "yesterday", "today", "this morning", "this afternoon", "this evening", "tonight", "last night", "earlier", "earlier today",
        "just now", "already", "a while ago", "a moment ago", "at last", "finally", "since this morning", "since yesterday",
        "just", // "called mom just now": "now" at the end is a filler, gone before the skills read the text
    ];

    private static readonly string[] DoneEndings = ["is done", "is finished", "is complete", "is completed", "are done", "done", "finished", "completed"];

    public override string Name => "complete";

    public override int Precedence => 55;

    public override string Capability => "complete tasks";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.CompleteTask)];

    public override IReadOnlyList<string> Examples =>
        ["complete 3", "mark the milk one done", "I finished task 3", "check off #2", "task 7 is done", "complete 3 and 5", "mark it done",
         "mark the milk and the bread done", "mark everything due today done", "complete all overdue tasks", "the second one is done",
         "mark all done", "complete everything", "mark all #home tasks done"];

    /// <summary>"yes" to "I'll mark 5 tasks done: … Shall I go ahead?" (<see cref="CompleteAllRequest"/>).</summary>
    public override SkillRequest? ReadAnswer(Utterance utterance, PastTurn previous) =>
        ConfirmedList.Answer(utterance, previous, CompleteAllRequest.QuestionOpening, ToolNames.CompleteTask,
            done => $"Marked {Replies.Count(done.Count, "task")} done: {Replies.Titles(done)}. Say “undo” to put {(done.Count == 1 ? "it" : "them")} back as {(done.Count == 1 ? "it was" : "they were")}.",
            "OK, I left them as they were.");

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        if (Phrase.TryStripStart(text, CompleteVerbs, out var rest))
        {
            // "I finished the taxes yesterday", "done with the report already": when it was done is not the task's words
            // (before: "couldn't find a pending task matching “taxes yesterday”"). Only after a past tense: "finish the report
            // today" asks for it.
            if (Phrase.Words(text) is [("i" or "ive" or "finished" or "completed" or "done"), ..])
            {
                Phrase.TryStripEnd(rest, WhenDone, out rest);
            }
            Phrase.TryStripEnd(rest, DoneWords, out rest);
            if (EachOf.Read(rest, utterance.Context.Clock) is { } range)
            {
                return new EachOfRequest(range, new CompleteRequest(TaskTarget.It));
            }
            if (TaskReference.IsEverything(rest))
            {
                return new CompleteAllRequest();
            }
            if (TaskReference.Parse(rest) is { } target)
            {
                return new CompleteRequest(target);
            }
            // "finished tasks" is a list request, not an attempt to complete something.
            return Phrase.Words(rest).Count > 0 ? null : new Say("Which task should I complete? Tell me its number or a few words of its title, for example “complete 3” or “complete the milk one”.");
        }
        // Not "add eggs and mark milk done": an add first is the add's (which asks for one request at a time).
        // "the taxes are done already", "milk is done since this morning": when it was done first comes off.
        Phrase.TryStripEnd(text, WhenDone, out var said);
        if (!utterance.IsQuestion && !ListSkill.StartsAsking(utterance.Words) && !AddSkill.StartsWithVerb(text) && Phrase.TryStripEnd(said, DoneEndings, out rest) && !ListSkill.OnlyNamesTasks(Phrase.Words(rest)))
        {
            return TaskReference.Parse(rest) is { } target ? new CompleteRequest(target) : null;
        }
        return null;
    }
}

internal sealed record CompleteRequest(TaskTarget Target) : TargetedRequest(Target)
{
    protected override string LookupStatus => ListStatus.Pending;

    protected override string Verb => "complete";

    protected override bool TakesSeveral => true;

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.CompleteTask)];

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new CallTools([.. targets.Select(t => ToolCall.Of(ToolNames.CompleteTask, (ToolArguments.TaskId, t.Id)))]);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        $"Marked {Replies.Titles(done)} done.";
}

/// <summary>
/// "mark all done", "complete everything", "finish all my tasks": every pending task, so it lists them and asks first, as
/// "delete everything" does; "yes" in the next message completes exactly those (a repeating one moves to its next date).
/// </summary>
internal sealed record CompleteAllRequest : SkillRequest
{
    public const string QuestionOpening = "I'll mark ";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks), new(ToolNames.CompleteTask)];

    public override ToolCall? Lookup(AgentContext context) => ToolCall.List(ListStatus.Pending);

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        tasks is null or { Count: 0 }
            ? new Answer("You have nothing left to do. Nice work!")
            : ConfirmedList.Ask(QuestionOpening, tasks, "task", " done", "mark them done", "leave them as they are", context);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => "";
}

/// <summary>
/// "I bought the milk", "called mom", "paid the rent": a past tense completes the one pending task it matches (the
/// verb's base and the words after it, or those words alone), asks when several match, and never adds a task.
/// </summary>
internal sealed class PastTenseSkill : Skill
{
    private static readonly string[] Subjects = ["i've just", "i have just", "i just", "i've already", "i already", "i've", "i have", "i", "just", "already", "finally", "i finally"];

    // Words that are past tense and present alike: only with "I" ("I read the book"), never alone ("read the book").
    private static readonly HashSet<string> Ambiguous = ["read", "put", "set", "cut", "shut", "hit", "let", "quit"];

    public override string Name => "past tense";

    public override int Precedence => 120;

    public override string Capability => "tick off what you did (“I bought the milk”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.CompleteTask)];

    public override IReadOnlyList<string> Examples => ["I bought the milk", "called mom", "paid the rent", "I've emailed Sarah", "just walked the dog"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (utterance.IsQuestion)
        {
            return null;
        }
        var hasSubject = Phrase.TryStripStart(utterance.Text, Subjects, out var rest);
        Phrase.TryStripEnd(rest, CompleteSkill.WhenDone, out rest); // "paid the rent this morning": the rent
        var words = Phrase.Words(rest).ToArray();
        if (words is not [var verb, .. var after] || Verbs.BaseOfPast(verb) is not { } baseForm || (!hasSubject && Ambiguous.Contains(verb)))
        {
            return null;
        }
        var objectWords = TaskReference.MeaningfulWords(after);
        // "I bought the eggs and the bread": each part with the verb, as one task's words would be.
        Phrase.TryStripStart(rest, [verb], out var afterVerb);
        var parts = TaskReference.Several(afterVerb);
        return objectWords.Count == 0 ? null : new PastTenseRequest(new TaskTarget([], [baseForm, .. objectWords]) { Parts = parts }, objectWords, string.Join(' ', words));
    }
}

internal sealed record PastTenseRequest(TaskTarget Target, IReadOnlyList<string> ObjectWords, string Said) : TargetedRequest(Target)
{
    protected override string LookupStatus => ListStatus.Pending;

    protected override string Verb => "complete";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.CompleteTask)];

    protected override IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks) =>
        TitleMatcher.Match(tasks, Target.Words) is { Count: > 0 } both ? both : TitleMatcher.Match(tasks, ObjectWords);

    // "I bought the milk" matches "Buy milk" and "Milk": only the words after the verb are needed.
    protected override IReadOnlyList<string> SearchWords => ObjectWords;

    protected override bool TakesSeveral => true;

    // The verb's base first ("buy" and "bread" for "Buy bread"), then the part alone ("Bread").
    protected override IReadOnlyList<TaskSnapshot> MatchPart(IReadOnlyList<TaskSnapshot> tasks, IReadOnlyList<string> part) =>
        TitleMatcher.Match(tasks, [Target.Words[0], .. part]) is { Count: > 0 } both ? both : TitleMatcher.Match(tasks, part);

    protected override string NoMatch(IReadOnlyList<TaskSnapshot> tasks) =>
        $"Nice! I couldn't find a pending task about “{string.Join(' ', ObjectWords)}”, so there was nothing to tick off. Say “show my tasks” to see what's left.";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new CallTools([.. targets.Select(t => ToolCall.Of(ToolNames.CompleteTask, (ToolArguments.TaskId, t.Id)))]);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        $"Nice! Marked {Replies.Titles(done)} done.";
}
