using System.Globalization;
using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// A task as list_tasks described it: the fields of today's contract and those of issue 11 when the mcp sends them
/// (due, priority, tags, recurrence, reminders, completed_at). <see cref="Raw"/> keeps every field, so undoing a
/// deletion re-creates the task with what it had.
/// </summary>
internal sealed record TaskSnapshot(long Id, string Title, bool Completed, JsonElement Raw)
{
    public static TaskSnapshot? From(JsonElement task)
    {
        if (task.ValueKind != JsonValueKind.Object || !task.TryGetProperty("id", out var idValue) || ToolOutcome.AsLong(idValue) is not { } id || id <= 0)
        {
            return null;
        }
        var title = task.TryGetProperty(ToolArguments.Title, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
        var completed = task.TryGetProperty("completed", out var done) && done.ValueKind == JsonValueKind.True;
        return new TaskSnapshot(id, title, completed, task.Clone());
    }

    /// <summary>A task known only by the number the user gave.</summary>
    public static TaskSnapshot ById(long id) => new(id, "", false, default);

    public bool Known => Raw.ValueKind == JsonValueKind.Object;

    public string? Description => Text(ToolArguments.Description);

    public string? DueText => Text(TaskToolArguments.Due);

    public string? Priority => Text(TaskToolArguments.Priority);

    public string? Recurrence => Text(TaskToolArguments.Recurrence);

    public IReadOnlyList<string> Tags => Strings(TaskToolArguments.Tags);

    public IReadOnlyList<string> Reminders => Strings(TaskToolArguments.Reminders);

    public DateTimeOffset? CompletedAt => Moment("completed_at");

    public DateTimeOffset? CreatedAt => Moment("created_at");

    /// <summary>When the task is due, in the user's zone: a date alone is due at the end of that day.</summary>
    public DateTimeOffset? DueAt(TimeZoneInfo zone) => DueText is { } due ? When.ParseArgument(due, zone) : null;

    /// <summary>The value a field had, as the tools take it back (for undo): a string, an array of strings, or null.</summary>
    public object? Field(string name) =>
        Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray(),
                _ => null,
            }
            : null;

    private DateTimeOffset? Moment(string name) =>
        Text(name) is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private string? Text(string name) =>
        Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private IReadOnlyList<string> Strings(string name) => Field(name) as string[] ?? [];
}
