using System.Globalization;
using TaskChat.Contract;

namespace TaskChat.Api.Chat.Offline;

/// <summary>One tool call of this turn with its outcome, as the reply needs it.</summary>
internal sealed record ToolExchange(string Tool, IReadOnlyDictionary<string, object?> Arguments, ToolOutcome Outcome)
{
    // Arguments are the planner's own longs, or JSON when a conversation was stored and replayed.
    public long? ArgumentId => Arguments.TryGetValue(ToolArguments.TaskId, out var id)
        ? id switch
        {
            long n => n,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } json when json.TryGetInt64(out var n) => n,
            _ => long.TryParse(id?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
        }
        : null;

    public string? ArgumentText(string name) => Arguments.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>
/// Writes the agent's answers in plain sentences: from tool results ("Added “Buy milk” (task 12).") and
/// for messages that need no tool (greetings, help, questions back to the user). Errors are restated
/// kindly and never show codes or internals.
/// </summary>
internal static class ReplyWriter
{
    private const string Examples = "“add buy milk”, “what's left?”, “mark the milk one done”, “rename 3 to buy oat milk” or “delete task 4”";

    public static string FromResults(IReadOnlyList<ToolExchange> exchanges)
    {
        var sentences = new List<string>();
        foreach (var group in exchanges.Where(e => e.Outcome.Succeeded).GroupBy(e => e.Tool))
        {
            sentences.Add(group.Key == ToolNames.ListTasks ? Listed(group.First()) : Changed(group.Key, [.. group]));
        }
        sentences.AddRange(exchanges.Where(e => !e.Outcome.Succeeded).Select(Failed));
        return string.Join(' ', sentences);
    }

    public static string WithoutTools(NoToolIntent intent) => intent.Reason switch
    {
        NoToolReason.Greeting => $"Hi! I keep your to-do list. Just tell me what you need in your own words, for example {Examples}.",
        NoToolReason.Help => "I manage your tasks. You can add them (“add buy milk”, “remind me to call mom”, “add eggs, bread and milk”), " +
            "see them (“show my tasks”, “what's left?”, “what have I finished?”), complete them (“complete 3”, “mark the milk one done”), " +
            "change them (“rename 3 to buy oat milk”, “change the description of 3 to two litres”) and delete them (“delete task 4”, “remove the rent task”).",
        NoToolReason.Thanks => "You're welcome! Anything else? You can ask “what's left?” at any time.",
        NoToolReason.MissingTitle => "What should I add? For example “add buy milk” or “add eggs, bread and milk”.",
        NoToolReason.MissingTarget => $"Which task should I {Verb(intent.Action)}? Tell me its number or a few words of its title, for example “{Verb(intent.Action)} 3” or “{Verb(intent.Action)} the milk one”.",
        NoToolReason.MissingChange => "What should I change? For example “rename 3 to buy oat milk” or “change the description of 3 to two litres”.",
        NoToolReason.ReopenUnsupported => "I can't mark a task as not done yet. I can rename it, delete it or add it again as a new task.",
        NoToolReason.BulkUnsupported => $"I can {Verb(intent.Action)} tasks one at a time by name, or several by number (for example “{Verb(intent.Action)} 2 and 4”). Which ones?",
        NoToolReason.BareTaskNumber => $"What should I do with task {intent.Detail}? For example “complete {intent.Detail}”, “delete {intent.Detail}” or “rename {intent.Detail} to …”.",
        _ => Unknown(intent.Detail),
    };

    public static string ToolMissing(string tool) =>
        $"Sorry, I can't {(tool is ToolNames.AddTask or ToolNames.ListTasks ? ToolVerb(tool) : ToolVerb(tool) + " tasks")} right now: that tool isn't available to me. Please try again later.";

    public static string NoMatch(ActIntent intent) => intent.Action == TaskAction.Complete
        ? $"I couldn't find a pending task matching “{intent.Target.Phrase}”. Say “show my tasks” to see them all."
        : $"I couldn't find a task matching “{intent.Target.Phrase}”. Say “show my tasks” to see them all.";

    /// <summary>The question asked when several titles match; <see cref="OfflineAgentChatClient"/> recognises its opening in a follow-up.</summary>
    public const string WhichOpening = "Which one did you mean: ";

    public static string Which(IReadOnlyList<TaskSummary> matches) =>
        WhichOpening + string.Join(", ", matches.Select(t => $"#{t.Id} “{t.Title}”")) + "? Reply with its number.";

    private static string Unknown(string? message)
    {
        var suggestion = message is { Length: > 0 and <= 80 }
            ? $" If “{message}” is something to do, say “add {message}”."
            : "";
        return $"Sorry, I didn't quite get that. I look after your tasks: try {Examples}.{suggestion}";
    }

    private static string Listed(ToolExchange list)
    {
        var tasks = list.Outcome.Tasks;
        var status = list.ArgumentText(ToolArguments.Status) ?? ListStatus.All;
        if (tasks.Count == 0)
        {
            return status switch
            {
                ListStatus.Pending => "You have no pending tasks. Nice work!",
                ListStatus.Completed => "You haven't completed any tasks yet.",
                _ => "You have no tasks yet. Try “add buy milk”.",
            };
        }
        var items = Join(tasks.Select(t => $"#{t.Id} “{t.Title}”" + (status == ListStatus.All && t.Completed ? " (done)" : "")));
        return status switch
        {
            ListStatus.Pending => $"You have {Count(tasks.Count, "pending task")}: {items}.",
            ListStatus.Completed => $"You have completed {Count(tasks.Count, "task")}: {items}.",
            _ => $"You have {Count(tasks.Count, "task")}: {items}.",
        };
    }

    private static string Changed(string tool, IReadOnlyList<ToolExchange> changes)
    {
        var titles = Join(changes.Select(c => $"“{c.Outcome.Title}”"));
        switch (tool)
        {
            case ToolNames.AddTask when changes.Count == 1:
                return $"Added “{changes[0].Outcome.Title}” (task {changes[0].Outcome.TaskId}).";
            case ToolNames.AddTask:
                return $"Added {changes.Count} tasks: {Join(changes.Select(c => $"“{c.Outcome.Title}” (task {c.Outcome.TaskId})"))}.";
            case ToolNames.CompleteTask:
                return $"Marked {titles} done.";
            case ToolNames.DeleteTask:
                return $"Deleted {titles}.";
            default:
                return string.Join(' ', changes.Select(Updated));
        }
    }

    private static string Updated(ToolExchange change) =>
        (change.ArgumentText(ToolArguments.Title), change.ArgumentText(ToolArguments.Description)) switch
        {
            ({ } title, null) => $"Renamed task {change.Outcome.TaskId} to “{change.Outcome.Title ?? title}”.",
            (null, "") => $"Removed the description of “{change.Outcome.Title}”.",
            (null, _) => $"Updated the description of “{change.Outcome.Title}”.",
            _ => $"Updated task {change.Outcome.TaskId}: it is now “{change.Outcome.Title}”, with the new description.",
        };

    private static string Failed(ToolExchange failed)
    {
        var what = failed.Tool switch
        {
            ToolNames.AddTask => $"add “{failed.ArgumentText(ToolArguments.Title)}”",
            ToolNames.ListTasks => "list your tasks",
            _ => $"{ToolVerb(failed.Tool)} task {failed.ArgumentId}",
        };
        var error = failed.Outcome.Error ?? "";
        return failed.Outcome.Code switch
        {
            ToolErrorCodes.NotFound when failed.ArgumentId is { } id => $"I couldn't find task {id}.",
            ToolErrorCodes.Validation => $"I couldn't {what}: {error.TrimEnd('.')}.",
            ToolErrorCodes.Unavailable => $"I couldn't {what} because the task service isn't reachable right now. Please try again in a moment.",
            _ => $"Sorry, something went wrong and I couldn't {what}. Please try again.",
        };
    }

    private static string Verb(TaskAction? action) => action switch
    {
        TaskAction.Complete => "complete",
        TaskAction.Delete => "delete",
        _ => "change",
    };

    private static string ToolVerb(string tool) => tool switch
    {
        ToolNames.AddTask => "add tasks",
        ToolNames.ListTasks => "list tasks",
        ToolNames.CompleteTask => "complete",
        ToolNames.DeleteTask => "delete",
        _ => "update",
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // "a", "a and b", "a, b and c".
    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
