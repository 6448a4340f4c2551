using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>"mark eggs as not done", "reopen 3", "uncheck the milk", "3 is not done": needs the mcp's reopen_task.</summary>
internal sealed class ReopenSkill : Skill
{
    private static readonly string[] ReopenVerbs = ["reopen", "re-open", "unmark", "uncheck", "untick", "uncomplete", "un-complete", "restore", "unfinish"];

    private static readonly string[] MarkVerbs = ["mark", "set", "make", "put", "change", "turn"];

    private static readonly string[] NotDoneWords =
        ["not done", "as not done", "undone", "as undone", "incomplete", "as incomplete", "pending", "as pending", "open", "as open",
         "not complete", "as not complete", "not completed", "as not completed", "not finished", "as not finished", "back to pending",
         "as to do", "as todo", "unfinished", "as unfinished"];

    // "I didn't finish the taxes", "I haven't finished the report": a task ticked off by mistake (before: not understood).
    private static readonly string[] NotFinished =
        ["i didn't finish", "i didnt finish", "i did not finish", "didn't finish", "didnt finish", "i haven't finished", "i havent finished", "i have not finished",
         "i didn't actually finish", "i didnt actually finish", "i didn't complete", "i didnt complete", "i'm not done with", "im not done with", "i am not done with"];

    private static readonly string[] NotDoneEndings = ["is not done", "isn't done", "is not finished", "isn't finished", "is not complete", "isn't complete", "is still open", "is still pending"];

    public override string Name => "reopen";

    public override int Precedence => 50;

    public override string Capability => "mark a done task as not done";

    public override IReadOnlyList<ToolNeed> Needs => [new(TaskToolNames.ReopenTask)];

    public override IReadOnlyList<string> Examples => ["mark eggs as not done", "reopen 3", "uncheck the milk", "mark 3 as not done", "task 4 isn't done", "I didn't finish the taxes"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        string rest;
        if (Phrase.TryStripStart(text, ReopenVerbs, out rest)
            || !utterance.IsQuestion && Phrase.TryStripStart(text, NotFinished, out rest) && Phrase.Words(rest) is [not ("anything" or "everything" or "much" or "all" or "in" or "on" or "by" or "yet" or "today"), ..])
        {
            Phrase.TryStripEnd(rest, ["as pending", "as not done", "as open"], out rest);
        }
        else if (!(Phrase.TryStripStart(text, MarkVerbs, out var marked) && Phrase.TryStripEnd(marked, NotDoneWords, out rest))
            && !(!utterance.IsQuestion && Phrase.TryStripEnd(text, NotDoneEndings, out rest)))
        {
            return null;
        }
        return TaskReference.Parse(rest) is { } target
            ? new ReopenRequest(target)
            : new Say("Which task should I mark as not done? Tell me its number or a few words of its title.");
    }
}

internal sealed record ReopenRequest(TaskTarget Target) : TargetedRequest(Target)
{
    // Words are looked for among every task, and only the done ones can match, so that "reopen the milk" while the milk is
    // still to do says so rather than "I couldn't find a completed task matching “milk”" (session 36's walk-through).
    protected override string LookupStatus => ListStatus.All;

    protected override IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks) => Done(base.Match(tasks));

    protected override IReadOnlyList<TaskSnapshot> MatchPart(IReadOnlyList<TaskSnapshot> tasks, IReadOnlyList<string> part) =>
        Done(base.MatchPart(tasks, part));

    // A search that found the task still to do has found what the reply says: no second look for a near miss.
    public override ToolCall? LookupAgain(IReadOnlyList<TaskSnapshot> found, AgentContext context) =>
        base.Match(found).Count > 0 ? null : base.LookupAgain(found, context);

    private static List<TaskSnapshot> Done(IReadOnlyList<TaskSnapshot> matches) => [.. matches.Where(t => t.Completed)];

    protected override NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) =>
        base.Match(tasks) is { Count: > 0 } toDo
            ? new Answer((toDo.Count == 1 ? $"{Replies.Quoted(toDo[0].Title)} isn't done: it's still on your list" : $"{Replies.Join(toDo.Select(t => Replies.Quoted(t.Title)))} aren't done: they're still on your list") +
                ". Say “show completed” to see the tasks you've done.")
            : base.ActOnNoMatch(tasks, context);

    protected override string Verb => "reopen";

    protected override string Past => "reopened";

    protected override bool TakesSeveral => true;

    public override IReadOnlyList<ToolNeed> Needs => [new(TaskToolNames.ReopenTask)];

    public override string? CannotYet => "I can't mark a task as not done yet: the task service doesn't offer that. I can rename it, delete it or add it again as a new task.";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new CallTools([.. targets.Select(t => ToolCall.Of(TaskToolNames.ReopenTask, (ToolArguments.TaskId, t.Id)))]);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        $"Marked {Replies.Titles(done)} as not done.";
}
