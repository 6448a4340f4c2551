using System.Globalization;
using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>A tool call the agent plans: the tool and the arguments it sends (those the user did not give are left out).</summary>
internal sealed record ToolCall(string Name, IReadOnlyDictionary<string, object?> Arguments)
{
    public static ToolCall Of(string name, params (string Name, object? Value)[] arguments) =>
        new(name, arguments.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value));

    public static ToolCall List(string status) => Of(ToolNames.ListTasks, (ToolArguments.Status, status));

    /// <summary>The same call with <paramref name="argument"/> set to <paramref name="value"/>.</summary>
    public ToolCall With(string argument, object? value) =>
        this with { Arguments = new Dictionary<string, object?>(Arguments) { [argument] = value } };
}

/// <summary>One tool call of a conversation with its outcome, read back from the messages.</summary>
internal sealed record ToolExchange(string Tool, IReadOnlyDictionary<string, object?> Arguments, ToolOutcome Outcome)
{
    /// <summary>The task the call named, for a failure's sentence ("I couldn't find task 9").</summary>
    public long? ArgumentId => Arguments.TryGetValue(ToolArguments.TaskId, out var id)
        ? id switch
        {
            long n => n,
            int n => n,
            JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetInt64(out var n) => n,
            _ => long.TryParse(id?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
        }
        : null;

    /// <summary>An argument as it was sent (the planner's own value, or JSON when the conversation was stored and replayed).</summary>
    public object? Argument(string name) => Arguments.TryGetValue(name, out var value)
        ? value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
            JsonElement { ValueKind: JsonValueKind.Array } json => json.EnumerateArray().Select(v => v.ToString()).ToArray(),
            JsonElement json => json.ToString(),
            _ => value,
        }
        : null;

    public bool Changed => Outcome.Succeeded && Tool != ToolNames.ListTasks;
}
