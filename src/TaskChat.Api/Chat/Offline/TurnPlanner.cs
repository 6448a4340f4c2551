using TaskChat.Contract;

namespace TaskChat.Api.Chat.Offline;

internal sealed record ToolCall(string Name, IReadOnlyDictionary<string, object?> Arguments);

/// <summary>What the agent does next: call tools (one round) or answer in words, which ends the turn.</summary>
internal abstract record NextStep;

internal sealed record CallTools(IReadOnlyList<ToolCall> Calls) : NextStep;

internal sealed record Answer(string Text) : NextStep;

/// <summary>
/// Decides the next step of a turn from the intent and the tool rounds already done in it. A plan is at most
/// two rounds: a task named by words is looked up with list_tasks first and acted on only when exactly one
/// title matches; everything else is one round of calls, then an answer written from their results.
/// </summary>
internal static class TurnPlanner
{
    public const int MaxRounds = 8;

    public static NextStep Plan(Intent intent, IReadOnlyList<IReadOnlyList<ToolExchange>> rounds, IReadOnlySet<string> availableTools)
    {
        if (rounds.Count == 0)
        {
            return First(intent, availableTools);
        }
        var last = rounds[^1];
        if (rounds.Count < MaxRounds && intent is ActIntent { Target.ByWords: true } act && last is [{ Tool: ToolNames.ListTasks } lookup])
        {
            return AfterLookup(act, lookup, availableTools);
        }
        return new Answer(ReplyWriter.FromResults(last));
    }

    private static NextStep First(Intent intent, IReadOnlySet<string> availableTools) => intent switch
    {
        AddIntent add => Calls(availableTools, [.. add.Tasks.Select(AddCall)]),
        ListIntent list => Calls(availableTools, [new ToolCall(ToolNames.ListTasks, Arguments((ToolArguments.Status, list.Status)))]),
        ActIntent { Target.ByWords: true } act => Calls(availableTools, [Lookup(act)]),
        ActIntent act => Calls(availableTools, [.. act.Target.Ids.Select(id => ActCall(act, id))]),
        NoToolIntent none => new Answer(ReplyWriter.WithoutTools(none)),
        _ => new Answer(ReplyWriter.WithoutTools(new NoToolIntent(NoToolReason.Unknown))),
    };

    private static NextStep AfterLookup(ActIntent act, ToolExchange lookup, IReadOnlySet<string> availableTools)
    {
        if (!lookup.Outcome.Succeeded)
        {
            return new Answer(ReplyWriter.FromResults([lookup]));
        }
        var matches = TitleMatcher.Match(lookup.Outcome.Tasks, act.Target.Words);
        return matches.Count switch
        {
            0 => new Answer(ReplyWriter.NoMatch(act)),
            1 => Calls(availableTools, [ActCall(act, matches[0].Id)]),
            _ => new Answer(ReplyWriter.Which(matches)),
        };
    }

    // Completing only makes sense for a task not done yet; deleting or renaming may concern any task.
    private static ToolCall Lookup(ActIntent act) =>
        new(ToolNames.ListTasks, Arguments((ToolArguments.Status, act.Action == TaskAction.Complete ? ListStatus.Pending : ListStatus.All)));

    private static ToolCall AddCall(NewTask task) =>
        new(ToolNames.AddTask, Arguments((ToolArguments.Title, task.Title), (ToolArguments.Description, task.Description)));

    private static ToolCall ActCall(ActIntent act, long id) => act.Action switch
    {
        TaskAction.Complete => new(ToolNames.CompleteTask, Arguments((ToolArguments.TaskId, id))),
        TaskAction.Delete => new(ToolNames.DeleteTask, Arguments((ToolArguments.TaskId, id))),
        _ => new(ToolNames.UpdateTask, Arguments((ToolArguments.TaskId, id), (ToolArguments.Title, act.NewTitle), (ToolArguments.Description, act.NewDescription))),
    };

    private static NextStep Calls(IReadOnlySet<string> availableTools, IReadOnlyList<ToolCall> calls) =>
        calls.FirstOrDefault(c => !availableTools.Contains(c.Name)) is { } missing
            ? new Answer(ReplyWriter.ToolMissing(missing.Name))
            : new CallTools(calls);

    // Arguments the user did not give are left out, as the tools' schemas expect.
    private static Dictionary<string, object?> Arguments(params (string Name, object? Value)[] arguments) =>
        arguments.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value);
}
