using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// POST /api/tasks/parse: a line typed into a quick-add box ("pay rent friday 9am #home !high"), read into task fields
/// without creating anything. <c>keep</c>: the parts (<see cref="TaskLineParts"/>) to leave in the title as typed
/// ("Read Friday": keep "due"), or one tag's words ("#1": keep "#1", the line's other tags still read).
/// </summary>
public sealed record ParseTaskRequest(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("keep"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string?>? Keep = null);

/// <summary>
/// What a typed line would add: the fields as POST /api/tasks takes them (<c>due</c> in the caller's zone with its offset,
/// <c>recurrence</c> an RRULE, <c>reminders</c> durations before the due time), the repeat and due in words, and which
/// characters of the text were read as what (<see cref="Parts"/>, in the order they appear).
/// </summary>
public sealed record ParsedTask(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("due")] string? Due,
    [property: JsonPropertyName("due_text")] string? DueText,
    [property: JsonPropertyName("priority")] string? Priority,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("recurrence")] string? Recurrence,
    [property: JsonPropertyName("repeat_text")] string? RepeatText,
    [property: JsonPropertyName("reminders")] IReadOnlyList<string> Reminders,
    [property: JsonPropertyName("parts")] IReadOnlyList<ParsedPart> Parts);

/// <summary>
/// Characters of the typed text read as one field: <c>start</c> and <c>length</c> count UTF-16 code units (as JavaScript
/// and .NET strings index), <c>kind</c> is one of <see cref="TaskLineParts"/>. Each tag is a part of its own.
/// </summary>
public sealed record ParsedPart(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("text")] string Text);

/// <summary>The parts of a typed line that can be read out of it, and kept as typed.</summary>
public static class TaskLineParts
{
    public const string Due = "due";
    public const string Repeat = "repeat";
    public const string Priority = "priority";
    public const string Tags = "tags";
    public const string Reminders = "reminders";

    public static readonly IReadOnlyList<string> All = [Due, Repeat, Priority, Tags, Reminders];

    /// <summary>What <c>keep</c> says to leave one tag's words as typed ("#home"), the line's other tags still read.</summary>
    public static string KeepTag(string tag) => "#" + tag;

    /// <summary>A <c>keep</c> entry naming one tag: '#' and 1 to 32 letters, digits, '-' or '_' (a tag as the line reads it).</summary>
    public static bool IsKeptTag(string keep) =>
        keep.Length is >= 2 and <= 33 && keep[0] == '#' && keep.Skip(1).All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Longest text a quick-add line may be: a title (200) with room for its date, repeat, tags and priority.</summary>
    public const int MaxTextLength = 500;
}
