using System.Globalization;
using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>One bubble of the thread; an assistant bubble grows while its reply streams.</summary>
public sealed class ChatBubble(string role, string text)
{
    public string Role { get; } = role;
    public string Text { get; set; } = text;

    /// <summary>The stored message's id (null while a turn streams): where the earlier messages are read from.</summary>
    public long? MessageId { get; init; }
    public List<ToolChip> Tools { get; } = [];
    public bool Streaming { get; set; }

    /// <summary>
    /// The chips the bubble shows: every call, except a look that found nothing right before another look. The agent
    /// looked again ("add eggs and delete milk and taxes": the search by every word found none, so the plain list was
    /// read), and the second look is what the reply was built from; "Looked at 0 tasks" beside it read as if nothing had
    /// been found. A look alone or last shows what it found, none included, and a look that failed always shows.
    /// </summary>
    public IEnumerable<ToolChip> ShownTools => Tools.Where((chip, i) => !(chip.FoundNothing && i + 1 < Tools.Count && Tools[i + 1].Tool == ToolNames.ListTasks));
}

/// <summary>Where a tool call stands, as its chip says it.</summary>
public enum ToolCallState
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The turn ended (an error, a cut connection) before the call's result came.</summary>
    Unfinished,
}

/// <summary>
/// A tool call in the user's words: "Added “Buy milk”", "Looked at 5 pending tasks", "Couldn't
/// complete task #7: Task 7 was not found." Running until its result arrives.
/// </summary>
public sealed class ToolChip(string tool, JsonElement arguments)
{
    public string Tool { get; } = tool;
    public JsonElement Arguments { get; } = arguments.Clone();
    public JsonElement? Result { get; private set; }
    public ToolCallState State { get; private set; } = ToolCallState.Running;

    public string Mark => State switch
    {
        ToolCallState.Succeeded => "✓",
        ToolCallState.Failed => "✗",
        ToolCallState.Unfinished => "!",
        _ => "…",
    };

    /// <summary>The chip's words: what the call does, did, or could not do.</summary>
    public string Text => State switch
    {
        ToolCallState.Succeeded => Done(),
        ToolCallState.Failed => $"Couldn't {Verb()}" + (Field(Result, "error") is { } error ? $": {error}" : ""),
        ToolCallState.Unfinished => $"Didn't finish: {Verb()}",
        _ => Char.ToUpper(Doing()[0], CultureInfo.InvariantCulture) + Doing()[1..] + "…",
    };

    /// <summary>A look at the tasks that came back with none.</summary>
    public bool FoundNothing => Tool == ToolNames.ListTasks && State == ToolCallState.Succeeded && Number(Data(), "count") == 0;

    public static ToolChip FromRecord(ToolCallRecord call)
    {
        var chip = new ToolChip(call.Tool, call.Arguments);
        if (call.Result.ValueKind is JsonValueKind.Object)
        {
            chip.Answer(call.Result);
        }
        chip.EndTurn(); // Stored without a result: the call never finished.
        return chip;
    }

    public void Answer(JsonElement result)
    {
        Result = result.Clone();
        State = Field(result, "status") == ToolEnvelope.ErrorStatus ? ToolCallState.Failed : ToolCallState.Succeeded;
    }

    /// <summary>The turn is over: a call still waiting for its result will never get one.</summary>
    public void EndTurn()
    {
        if (State == ToolCallState.Running)
        {
            State = ToolCallState.Unfinished;
        }
    }

    private string? Title() => (Field(Data(), ToolArguments.Title) ?? Field(Arguments, ToolArguments.Title))?.Trim();

    private string Subject() =>
        Quoted(Title())
        ?? (Number(Arguments, ToolArguments.TaskId) is { } id ? $"task #{id}" : "a task");

    private string Verb() => Tool switch
    {
        ToolNames.AddTask => $"add {Subject()}",
        ToolNames.ListTasks => "look at your tasks",
        ToolNames.CompleteTask => $"complete {Subject()}",
        ToolNames.ReopenTask => $"reopen {Subject()}",
        ToolNames.SkipTask => $"skip {Subject()}",
        ToolNames.DeleteTask => $"delete {Subject()}",
        ToolNames.RestoreTask => $"restore {Subject()}",
        ToolNames.UpdateTask => $"update {Subject()}",
        _ => $"use {Tool}",
    };

    private string Doing() => Tool switch
    {
        ToolNames.AddTask => $"adding {Subject()}",
        ToolNames.ListTasks => "looking at your tasks",
        ToolNames.CompleteTask => $"completing {Subject()}",
        ToolNames.ReopenTask => $"reopening {Subject()}",
        ToolNames.SkipTask => $"skipping {Subject()}",
        ToolNames.DeleteTask => $"deleting {Subject()}",
        ToolNames.RestoreTask => $"restoring {Subject()}",
        ToolNames.UpdateTask => $"updating {Subject()}",
        _ => $"using {Tool}",
    };

    private string Done() => Tool switch
    {
        ToolNames.AddTask => $"Added {Subject()}",
        ToolNames.ListTasks => LookedAt(),
        ToolNames.CompleteTask => $"Completed {Subject()}",
        ToolNames.ReopenTask => $"Reopened {Subject()}",
        ToolNames.SkipTask => $"Skipped {Subject()}",
        ToolNames.DeleteTask => $"Deleted {Subject()}",
        ToolNames.RestoreTask => $"Restored {Subject()}",
        ToolNames.UpdateTask => $"Updated {Subject()}",
        _ => $"Used {Tool}",
    };

    private string LookedAt()
    {
        var kind = Field(Arguments, ToolArguments.Status) switch
        {
            ListStatus.Pending => "pending ",
            ListStatus.Completed => "completed ",
            _ => "",
        };
        return Number(Data(), "count") is { } count
            ? $"Looked at {count} {kind}{(count == 1 ? "task" : "tasks")}"
            : $"Looked at your {kind}tasks";
    }

    private JsonElement? Data() =>
        Result is { ValueKind: JsonValueKind.Object } result && result.TryGetProperty("data", out var data) ? data : null;

    private static string? Quoted(string? title) => string.IsNullOrWhiteSpace(title) ? null : $"“{title}”";

    private static string? Field(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long? Number(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}
