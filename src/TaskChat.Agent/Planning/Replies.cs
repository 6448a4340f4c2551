using System.Globalization;
using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>Sentence pieces every skill's replies share, and the kind words for a tool that failed.</summary>
internal static partial class Replies
{
    public static string Label(TaskSnapshot task) => $"#{task.Id} “{task.Title}”";

    /// <summary>"2. “Pay the bills” (#9)": a task at its place among the choices of "Which one?".</summary>
    public static string Choice(TaskSnapshot task, int place) => $"{place}. “{task.Title}” (#{task.Id})";

    private static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    /// <summary>"first", "second", … "twelfth", then "13th", "21st".</summary>
    public static string Ordinal(int place) =>
        place >= 1 && place <= Ordinals.Length ? Ordinals[place - 1]
            : place.ToString(CultureInfo.InvariantCulture) + ((place % 100) is >= 11 and <= 13 ? "th" : (place % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    public static string Quoted(string? title) => $"“{title}”";

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // "a", "a and b", "a, b and c" (or "a, b or c").
    public static string Join(IEnumerable<string> items, string conjunction = "and")
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + $" {conjunction} " + list[^1];
    }

    public static string Titles(IEnumerable<ToolExchange> done) => Join(done.Select(c => Quoted(c.Outcome.Title)));

    /// <summary>A failed call, restated kindly, without codes or internals.</summary>
    public static string Failed(ToolExchange failed)
    {
        var id = failed.ArgumentId;
        var what = failed.Tool switch
        {
            ToolNames.AddTask => $"add {Quoted(failed.Argument(ToolArguments.Title)?.ToString())}",
            ToolNames.ListTasks => "list your tasks",
            ToolNames.CompleteTask => $"complete task {id}",
            ToolNames.DeleteTask => $"delete task {id}",
            ToolNames.RestoreTask => $"bring back task {id}",
            TaskToolNames.ReopenTask => $"reopen task {id}",
            TaskToolNames.SkipTask => $"skip task {id}",
            _ => $"change task {id}",
        };
        var error = failed.Outcome.Error ?? "";
        return failed.Outcome.Code switch
        {
            ToolErrorCodes.NotFound when failed.Tool == ToolNames.RestoreTask && id is { } purged =>
                $"I couldn't bring back task {purged.ToString(CultureInfo.InvariantCulture)}: it's gone for good (a deleted task is kept for {DeletedTaskRetention.InWords}).",
            ToolErrorCodes.NotFound when id is { } missing => $"I couldn't find task {missing.ToString(CultureInfo.InvariantCulture)}.",
            ToolErrorCodes.NotDeleted when id is { } live => $"Task {live.ToString(CultureInfo.InvariantCulture)} isn't deleted, so there's nothing to bring back.",
            ToolErrorCodes.Validation => $"I couldn't {what}: {error.TrimEnd('.')}.",
            ToolErrorCodes.Unavailable => $"I couldn't {what} because the task service isn't reachable right now. Please try again in a moment.",
            _ => $"Sorry, something went wrong and I couldn't {what}. Please try again.",
        };
    }

    /// <summary>
    /// The reply to two requests of one message: each outcome, in the order said, and a "which one?" last, where the next
    /// message answers it (a second one, which could not be answered with it, asks for its request to be said again). When
    /// both changed tasks, one "undo" takes back every change of the message, and the reply says so once, counting the
    /// changes, as undo reverses them: "add eggs and delete milk and taxes" is three ("take back all three"; before, "both",
    /// which counted the requests).
    /// </summary>
    public static string InOrder(IReadOnlyList<(SaidRequest Request, string Reply, int Changes)> outcomes)
    {
        var asking = outcomes.Where(o => TargetedRequest.AsksWhich(o.Reply)).ToList();
        var together = outcomes.Count(o => o.Changes > 0) > 1;
        var sentences = outcomes.Where(o => !asking.Contains(o)).Select(o => together ? UndoHint().Replace(o.Reply, "").Trim() : o.Reply)
            .Concat(asking.Take(1).Select(o => o.Reply))
            .Concat(asking.Skip(1).Select(o => $"Then say “{o.Request.Said}” again."));
        return string.Join(' ', sentences.Where(s => s.Length > 0)) + (together ? $" Say “undo” to take back {AllOf(outcomes.Sum(o => o.Changes))}." : "");
    }

    private static readonly string[] CountWords = ["three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>"both", "all three" … "all twelve", then "all of it": the changes one "undo" takes back.</summary>
    public static string AllOf(int changes) => changes switch
    {
        <= 2 => "both",
        _ when changes - 3 < CountWords.Length => "all " + CountWords[changes - 3],
        _ => "all of it",
    };

    // "Say “undo” to bring it back.": one request's hint, which the hint for both replaces.
    [GeneratedRegex(@"\s*Say “undo”[^.]*\.", RegexOptions.CultureInvariant)]
    private static partial Regex UndoHint();

    private static string ToolVerb(string tool) => tool switch
    {
        ToolNames.AddTask => "add tasks",
        ToolNames.ListTasks => "list tasks",
        ToolNames.CompleteTask => "complete tasks",
        ToolNames.DeleteTask => "delete tasks",
        ToolNames.RestoreTask => "bring back tasks",
        TaskToolNames.ReopenTask => "reopen tasks",
        TaskToolNames.SkipTask => "skip tasks",
        _ => "change tasks",
    };

    /// <summary>A call the tools on offer cannot take (the mcp is older than the agent, or a tool is missing).</summary>
    public static string Unavailable(ToolNeed need) => need.Argument is null
        ? $"Sorry, I can't {ToolVerb(need.Tool)} right now: that tool isn't available to me. Please try again later."
        : $"Sorry, I can't do that yet: the task service doesn't take “{need.Argument}” for {need.Tool}.";
}
