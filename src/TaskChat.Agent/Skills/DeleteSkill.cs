using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "delete task 4", "remove #2", "delete the rent task", "get rid of the milk one", "delete by milk" (a typo for
/// "buy milk"). The task is always looked up first, so the reply names it and "undo" can re-create it as it was.
/// </summary>
internal sealed partial class DeleteSkill : Skill
{
    public static readonly string[] DeleteVerbs =
        ["delete", "remove", "erase", "drop", "cancel", "get rid of", "forget", "forget about", "trash", "scratch", "scrap", "discard", "bin"];

    private static readonly string[] FromTheList =
        ["from my list", "from the list", "from my tasks", "from my task list", "from my to-do list", "from my todo list", "from list",
         "off my list", "off the list", "from my to do list"];

    private static readonly string[] FieldsOfATask =
        ["the description", "description", "the note", "the notes", "the details", "the due date", "due date", "the deadline", "the priority",
         "the tag", "the repeat", "the reminder", "the reminders"];

    public override string Name => "delete";

    public override int Precedence => 60;

    public override string Capability => "delete tasks";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.DeleteTask)];

    public override IReadOnlyList<string> Examples => ["delete task 4", "remove #2", "delete the rent task", "get rid of the milk one", "delete by milk", "delete tasks 2 and 4", "delete eggs and bread", "delete the 3rd one", "delete everything tagged #home", "scrap the garage", "never mind about milk", "forget it", "call off the dentist", "call it off", "nvm the garage", "no more garage"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (NeverMind(utterance) is { } dropped)
        {
            return dropped;
        }
        if (CalledOff(utterance) is { } calledOff)
        {
            return calledOff;
        }
        // "take the haircut off my list", "I don't need to buy bread anymore": what is no longer wanted, named.
        if ((TakeOff().Match(utterance.Text) is { Success: true } match ? match : NoLongerNeeded().Match(utterance.Text)) is { Success: true } unwanted)
        {
            return TaskReference.Parse(unwanted.Groups["q"].Value) is { } named ? new DeleteRequest(named) : null;
        }
        // "the garage is cancelled", "no need for milk anymore", "milk isn't needed": news that a task is off, said of it (before:
        // not understood, or offered as a task “Milk isnt needed”).
        if (!utterance.IsQuestion && NoLongerOn().Match(utterance.Text) is { Success: true } off && !TaskReference.IsEverything(off.Groups["q"].Value)
            && !TaskReference.IsPronoun(off.Groups["q"].Value) && TaskReference.Parse(off.Groups["q"].Value) is { ByWords: true } offTask)
        {
            return new DeleteRequest(offTask);
        }
        // "the garage is off": news that a plan is off, but "off" is also a light's or the heating's state ("the heating is off"
        // beside “Fix the heating”), so the one task still to do that those words name is asked about, deleted only on a "yes"
        // (before: not understood). Naming no task ("the light is off"), the reply is as before and nothing changes.
        if (!utterance.IsQuestion && IsOff().Match(utterance.Text) is { Success: true } isOff && !TaskReference.IsEverything(isOff.Groups["q"].Value)
            && !TaskReference.IsPronoun(isOff.Groups["q"].Value) && TaskReference.Parse(isOff.Groups["q"].Value) is { ByWords: true } offPlan)
        {
            return new SaidOffRequest(offPlan);
        }
        // "no more garage", "no more gym": a plan said to be over, asked about as "the garage is off" is and deleted only on a
        // "yes", since it is also how a thing run out of is said ("no more milk": milk to buy, not “Buy milk” done with)
        // (before: not understood). Naming no task ("no more questions"), the reply is as before and nothing changes.
        if (!utterance.IsQuestion && NoMore().Match(utterance.Text) is { Success: true } noMore && noMore.Groups["q"].Value is var ended
            && !TaskReference.IsEverything(ended) && !TaskReference.IsPronoun(ended) && !When.TryExtract(ended, utterance.Context.Clock, out _, out _)
            && TaskReference.Parse(ended) is { ByWords: true } over)
        {
            return new SaidOffRequest(over);
        }
        if (!Phrase.TryStripStart(utterance.Text, DeleteVerbs, out var rest))
        {
            return null;
        }
        Phrase.TryStripEnd(rest, FromTheList, out rest);
        // "remove the description of 3", "remove the due date from 3": a field of a task, for other skills.
        if (Phrase.TryStripStart(rest, FieldsOfATask, out _))
        {
            return null;
        }
        // "delete everything due today", "remove all of friday's tasks": each pending task of that range or day, as
        // completing and moving them do ("undo" brings them all back).
        if (EachOf.Read(rest, utterance.Context.Clock) is { } range)
        {
            return new EachOfRequest(range, new DeleteRequest(TaskTarget.It));
        }
        if (TaskReference.Parse(rest) is { } target)
        {
            return new DeleteRequest(target);
        }
        return Phrase.Words(rest).Count > 0 ? null : new Say("Which task should I delete? Tell me its number or a few words of its title, for example “delete 3” or “delete the milk one”.");
    }

    [GeneratedRegex(@"^take\s+(?<q>.+?)\s+off\s+(?:my|the)\s+(?:to-?do\s+|to do\s+|task\s+)?list$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TakeOff();

    // "I don't need to buy bread anymore", "I don't need dish soap anymore", "no need to call the plumber any more", "I no
    // longer have to renew the passport". "anymore" is needed where the words alone could be about something else ("no need
    // to remind me" is not a deletion).
    [GeneratedRegex(@"^(?:(?:i|we)\s+(?:don'?t|do not)\s+(?:need|have)\s+to\s+(?<q>.+?)\s+any\s?more|(?:i|we)\s+(?:don'?t|do not)\s+need\s+(?!to\s)(?<q>.+?)\s+any\s?more|(?:i|we)\s+no\s+longer\s+(?:need|have)\s+to\s+(?<q>.+)|no\s+need\s+to\s+(?<q>.+?)\s+any\s?more)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoLongerNeeded();

    [GeneratedRegex(@"^(?:no\s+need\s+for\s+(?<q>.+?)(?:\s+any\s?more)?|(?<q>.+?)\s+(?:is|are)(?:n'?t|\s+not)\s+needed(?:\s+any\s?more)?|(?<q>.+?)\s+(?:is|are)\s+no\s+longer\s+needed|(?<q>.+?)\s+(?:is|are|got|has\s+been|have\s+been|was|were)\s+(?:cancell?ed|called\s+off))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoLongerOn();

    // "the garage is off", "dinner's off", "the dentist is off now": a thing named, then "is off" and nothing more ("the
    // garage is off my list" and "off to work" are not this).
    [GeneratedRegex(@"^(?<q>.+?)(?:'s|\s+(?:is|are))\s+(?:now\s+)?off(?:\s+now)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsOff();

    [GeneratedRegex(@"^no\s+more\s+(?<q>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoMore();
}

internal sealed record DeleteRequest(TaskTarget Target) : TargetedRequest(Target)
{
    protected override bool NeedsCurrentFields => true;

    protected override string Verb => "delete";

    protected override bool TakesSeveral => true;

    public override bool ReplySaysHowToUndo => true;

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.DeleteTask)];

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new CallTools([.. targets.Select(t => ToolCall.Of(ToolNames.DeleteTask, (ToolArguments.TaskId, t.Id)))]);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        $"Deleted {Replies.Titles(done)}. Say “undo” to bring {(done.Count == 1 ? "it" : "them")} back.";
}

/// <summary>
/// "clear completed tasks", "delete everything done", "delete all my tasks": lists what it would remove and asks;
/// only a "yes" in the next message deletes exactly the tasks it listed.
/// </summary>
internal sealed class ClearTasksSkill : Skill
{
    public const string QuestionOpening = "I'll delete ";

    private static readonly string[] ClearVerbs = [.. DeleteSkill.DeleteVerbs, "clear", "clear out", "clean up", "clean out", "purge", "wipe", "empty"];

    private static readonly HashSet<string> DoneWords = ["done", "completed", "complete", "finished", "checked", "ticked", "old"];

    private static readonly HashSet<string> AllWords = ["all", "everything", "every", "list", "whole", "entire", "tasks", "task", "my", "the", "ones", "items", "of", "on", "it", "that", "is", "are", "which", "thats", "s", "out", "up"];

    public override string Name => "clear tasks";

    public override int Precedence => 30;

    public override string Capability => "clear completed tasks (after you confirm)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.DeleteTask)];

    public override IReadOnlyList<string> Examples => ["clear completed tasks", "delete everything done", "delete all completed tasks", "clear done", "delete everything", "remove all finished tasks"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (!Phrase.TryStripStart(utterance.Text, ClearVerbs, out var rest))
        {
            return null;
        }
        var words = Phrase.Words(rest);
        var done = words.Any(DoneWords.Contains);
        if (words.Count == 0 || !words.All(w => DoneWords.Contains(w) || AllWords.Contains(w)))
        {
            return null;
        }
        if (done)
        {
            return new ClearRequest(ListStatus.Completed);
        }
        return words.Any(w => w is "all" or "everything" or "every" or "list") ? new ClearRequest(ListStatus.All) : null;
    }

    public override SkillRequest? ReadAnswer(Utterance utterance, PastTurn previous) =>
        ConfirmedList.Answer(utterance, previous, QuestionOpening, ToolNames.DeleteTask,
            done => $"Deleted {Replies.Count(done.Count, "task")}: {Replies.Titles(done)}. Say “undo” to bring {(done.Count == 1 ? "it" : "them")} back.", "OK, I kept them.");
}

internal sealed record ClearRequest(string Status) : SkillRequest
{
    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks), new(ToolNames.DeleteTask)];

    public override ToolCall? Lookup(AgentContext context) => ToolCall.List(Status);

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        if (tasks is null or { Count: 0 })
        {
            return new Answer(Status == ListStatus.Completed ? "You have no completed tasks to clear." : "You have no tasks to delete.");
        }
        return ConfirmedList.Ask(ClearTasksSkill.QuestionOpening, tasks, Status == ListStatus.Completed ? "completed task" : "task", "", "delete them", "keep them", context);
    }

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => "";
}
