using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "did I call grandma?", "have I paid the rent yet?", "is the milk done?", "was the rent paid?": whether the task those words name is done,
/// answered from the task itself (done when, or still to do and when it is due); nothing changes. Questions about the
/// list as a whole ("did I finish anything today?", "is everything done?") are the list's. "did you add the eggs?", "is milk on
/// my list?" ask whether the task is there at all, and are answered the same way.
/// </summary>
internal sealed partial class StatusQuestionSkill : Skill
{
    // Verbs that say "done" themselves: "did I finish the report?" asks about "report", not "finish report".
    private static readonly HashSet<string> DoneVerbs =
        ["finish", "finished", "complete", "completed", "do", "done", "did", "get", "got", "tick", "ticked", "check", "checked", "cross", "crossed"];

    // Words around the task that are not the task: "tick off the milk", "get the laundry done", "did I call grandma today?".
    private static readonly HashSet<string> Around = ["off", "done", "finished", "today", "yesterday", "tonight", "yet", "already"];

    public override string Name => "status question";

    public override int Precedence => 105;

    public override string Capability => "tell whether a task is done (“did I call grandma?”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks)];

    public override IReadOnlyList<string> Examples => ["did I call grandma?", "have I paid the rent yet?", "is the milk done?", "did I finish the report?", "is task 3 done?", "did you add the eggs?"];

    public override SkillRequest? Read(Utterance utterance)
    {
        string? verb = null;
        string named;
        var onList = false;
        if ((DidYouAdd().Match(utterance.Text) is { Success: true } added ? added : OnMyList().Match(utterance.Text)) is { Success: true } there)
        {
            named = there.Groups["q"].Value;
            onList = true;
        }
        else if (DidI().Match(utterance.Text) is { Success: true } did)
        {
            verb = did.Groups["verb"].Value.ToLowerInvariant();
            named = did.Groups["q"].Value;
        }
        else if (IsDone().Match(utterance.Text) is { Success: true } isDone)
        {
            named = isDone.Groups["q"].Value;
            // "was the rent paid?", "are the plants watered?": the participle names the task's verb ("Pay rent").
            if (isDone.Groups["pp"].Success)
            {
                verb = isDone.Groups["pp"].Value.ToLowerInvariant();
            }
        }
        else
        {
            return null;
        }
        var words = Phrase.Words(named).Where(w => !Around.Contains(w)).ToList();
        if (TaskReference.IsPronoun(string.Join(' ', words)))
        {
            return new StatusQuestionRequest(TaskTarget.It, [], onList);
        }
        if (words.Count == 0 || ListSkill.OnlyNamesTasks(words) || words[0] is "there" or "anything" or "everything" or "all")
        {
            return null;
        }
        if (TaskReference.Parse(string.Join(' ', words)) is not { } target)
        {
            return null;
        }
        if (!target.ByWords || onList)
        {
            return new StatusQuestionRequest(target, [], onList);
        }
        // "did I call grandma?" names "Call grandma" with its verb; "did I finish the report?" names "report".
        var baseForm = verb is null || DoneVerbs.Contains(verb) ? null : Verbs.BaseOfPast(verb) ?? verb;
        return new StatusQuestionRequest(baseForm is null ? target : target with { Words = [baseForm, .. target.Words] }, target.Words);
    }

    // "did you add the eggs?", "have you put milk on the list?", "did you get the dentist down?"
    [GeneratedRegex(@"^(?:did|have|has)\s+(?:you|u)\s+(?:already\s+|actually\s+|really\s+)?(?:add|added|put|save|saved|create|created|note|noted|write|wrote|written|get|got|make|made)\s+(?<q>.+?)(?:\s+(?:down|in))?(?:\s+(?:to|on|in|into)\s+(?:my|the)\s+(?:list|tasks|task list|to-?do list|to-?dos))?(?:\s+(?:yet|already|too|as well))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DidYouAdd();

    // "is milk on my list?", "are the eggs on the list already?", "do I have the dentist on my list?"
    [GeneratedRegex(@"^(?:(?:is|are)|(?:do|have)\s+i\s+(?:got\s+|have\s+)?)\s*(?<q>.+?)\s+(?:on|in)\s+(?:my|the)\s+(?:list|tasks|task list|to-?do list|to-?dos)(?:\s+(?:yet|already|too|as well))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnMyList();

    [GeneratedRegex(@"^(?:did|have|had)\s+i\s+(?:already\s+|ever\s+|actually\s+|really\s+)?(?<verb>[a-z]+)\s+(?<q>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DidI();

    [GeneratedRegex(@"^(?:is|are|was|were|has|have)\s+(?<q>.+?)\s+(?:been\s+)?(?:already\s+|still\s+)?(?:done|finished|complete|completed|ticked off|checked off|crossed off|(?<pp>[a-z]{2,}ed|paid|bought|sent|made|taken|written|got|gotten|sold|fed|met|given|brought))(?:\s+(?:yet|already))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsDone();
}

/// <summary>
/// Looks the task up (done or not) and answers from what it finds; no change, so nothing to undo. <paramref name="OnList"/>:
/// the question was whether the task is there at all ("did you add the eggs?"), so a task found is a yes whether done or not.
/// </summary>
internal sealed record StatusQuestionRequest(TaskTarget Target, IReadOnlyList<string> ObjectWords, bool OnList = false) : TargetedRequest(Target)
{
    protected override bool NeedsCurrentFields => true;

    protected override string Verb => "check on";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks)];

    protected override IReadOnlyList<string> SearchWords => ObjectWords.Count > 0 ? ObjectWords : Target.Words;

    // "did I call grandma?" finds "Call grandma", and "Grandma's birthday call" by its words alone.
    protected override IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks) =>
        TitleMatcher.Match(tasks, Target.Words) is var both && (both.Count > 0 || ObjectWords.Count == 0) ? both : TitleMatcher.Match(tasks, ObjectWords);

    protected override string NoMatch(IReadOnlyList<TaskSnapshot> tasks) =>
        OnList
            ? $"No: I don't see a task about “{string.Join(' ', SearchWords)}”, done or not. Say “add {string.Join(' ', SearchWords)}” to add it."
            : $"I don't see a task about “{string.Join(' ', SearchWords)}”, done or not. Say “show my tasks” to see them all.";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new Answer(OnList ? "Yes: " + (targets is [var task] ? Told(task, context) + "." : Several(targets, context)) : targets is [var one] ? One(one, context) : Several(targets, context));

    // A repeating task is several tasks of one title (each done occurrence, and the next): each is told.
    protected override NextStep ActOnSeveral(IReadOnlyList<TaskSnapshot> matches, AgentContext context) => ActOn(matches, context);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => "";

    private static string One(TaskSnapshot task, AgentContext context) =>
        task.Completed ? $"Yes: {Replies.Label(task)} is done{Since(task, context)}." : $"Not yet: {Replies.Label(task)} is still to do{DueNote(task, context)}.";

    private static string Several(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        const int Shown = 5;
        var told = tasks.Take(Shown).Select(t => Told(t, context));
        var more = tasks.Count > Shown ? $" ({tasks.Count - Shown} more match: the Tasks page shows them all)" : "";
        return $"{Replies.Join(told)}{more}.";
    }

    private static string Told(TaskSnapshot task, AgentContext context) =>
        task.Completed ? $"{Replies.Label(task)} is done{Since(task, context)}" : $"{Replies.Label(task)} is still to do{DueNote(task, context)}";

    private static string Since(TaskSnapshot task, AgentContext context)
    {
        if (task.CompletedAt is not { } at)
        {
            return "";
        }
        var day = When.DescribeDay(context.Clock.DayOf(at), context.Clock);
        return day is "today" or "yesterday" ? $" (ticked off {day})" : $" (ticked off on {day})";
    }

    private static string DueNote(TaskSnapshot task, AgentContext context) =>
        task.DueAt(context.Clock.Zone) is { } due
            ? due < context.Clock.Now ? $", and overdue: it was due {ListRequest.DescribeDue(task, context)}" : $", due {ListRequest.DescribeDue(task, context)}"
            : "";
}
