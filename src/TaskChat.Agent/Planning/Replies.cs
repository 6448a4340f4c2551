using System.Globalization;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>Sentence pieces every skill's replies share, and the kind words for a tool that failed.</summary>
internal static class Replies
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
