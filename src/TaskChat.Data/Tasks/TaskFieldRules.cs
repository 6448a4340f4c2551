using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

/// <summary>A due date as given: the instant (UTC) and, for an all-day task, its day.</summary>
public readonly record struct Due(DateTime At, DateOnly? Date);

/// <summary>A reminder as given: at a fixed time, or some minutes before the due time.</summary>
public readonly record struct Reminder(DateTime? At, int? MinutesBefore);

/// <summary>
/// The rules of a task's planning fields (due, priority, tags, reminders, repeat_from), shared by REST and
/// MCP. Each message names the argument and shows a valid example, so that a model can correct itself.
/// </summary>
public static partial class TaskFieldRules
{
    public const string DueExample = "e.g. 2026-12-05 or 2026-12-05T17:00:00+01:00";

    /// <summary>The longest reminder offset: a year before the due time.</summary>
    public const int MaxMinutesBefore = 366 * 24 * 60;

    public static RuleResult<Due> Due(string text, TimeZoneInfo zone, string name = "due") =>
        TaskTime.TryParse(text, zone, out var utc, out var date)
            ? RuleResult.Valid(new Due(utc, date))
            : RuleResult.Invalid<Due>($"{name} must be an ISO 8601 date, {DueExample} (years {TaskTime.MinYear} to {TaskTime.MaxYear}).");

    public static RuleResult<TaskPriority> Priority(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            null or "" or TaskPriorities.None => RuleResult.Valid(TaskPriority.None),
            TaskPriorities.Low => RuleResult.Valid(TaskPriority.Low),
            TaskPriorities.Medium => RuleResult.Valid(TaskPriority.Medium),
            TaskPriorities.High => RuleResult.Valid(TaskPriority.High),
            _ => RuleResult.Invalid<TaskPriority>($"priority must be one of: {string.Join(", ", TaskPriorities.All)}."),
        };

    public static string Name(TaskPriority priority) => priority switch
    {
        TaskPriority.Low => TaskPriorities.Low,
        TaskPriority.Medium => TaskPriorities.Medium,
        TaskPriority.High => TaskPriorities.High,
        _ => TaskPriorities.None,
    };

    public static RuleResult<RepeatFrom> RepeatFrom(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            null or "" or RepeatFromValues.Due => RuleResult.Valid(Model.RepeatFrom.Due),
            RepeatFromValues.Completion => RuleResult.Valid(Model.RepeatFrom.Completion),
            _ => RuleResult.Invalid<RepeatFrom>($"repeat_from must be \"{RepeatFromValues.Due}\" (the next date after the due date) or \"{RepeatFromValues.Completion}\" (counted from the day it is completed)."),
        };

    /// <summary>
    /// Tags: each trimmed, a leading # dropped, lower case, runs of whitespace made one space; letters,
    /// digits, spaces and - _ . / &amp; + only; duplicates merged. An empty list means "no tags".
    /// </summary>
    public static RuleResult<IReadOnlyList<string>> Tags(IReadOnlyList<string?> tags)
    {
        var result = new List<string>();
        foreach (var raw in tags)
        {
            var tag = Tag(raw);
            if (!tag.IsValid)
            {
                return RuleResult.Invalid<IReadOnlyList<string>>(tag.Error!);
            }
            if (!result.Contains(tag.Value))
            {
                result.Add(tag.Value);
            }
        }
        return result.Count > FieldLimits.TagsPerTask
            ? RuleResult.Invalid<IReadOnlyList<string>>($"tags: at most {FieldLimits.TagsPerTask} per task (got {result.Count}).")
            : RuleResult.Valid<IReadOnlyList<string>>(result);
    }

    public static RuleResult<string> Tag(string? raw)
    {
        if (raw is null)
        {
            return RuleResult.Invalid<string>("a tag cannot be null; give text such as \"work\".");
        }
        if (!TaskRules.IsStorable(raw))
        {
            return RuleResult.Invalid<string>("a tag contains characters that are not allowed (control characters or broken Unicode).");
        }
        var tag = Whitespace().Replace(raw.Trim().TrimStart('#').Trim(), " ").ToLowerInvariant();
        if (tag.Length == 0)
        {
            return RuleResult.Invalid<string>("a tag cannot be empty; give a short label such as \"work\" or \"errands\".");
        }
        var length = tag.EnumerateRunes().Count();
        if (length > FieldLimits.TaskTag)
        {
            return RuleResult.Invalid<string>($"a tag must be at most {FieldLimits.TaskTag} characters (\"{Shorten(tag)}\" has {length}).");
        }
        foreach (var rune in tag.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && !IsMark(rune) && rune.Value is not (' ' or '-' or '_' or '.' or '/' or '&' or '+'))
            {
                return RuleResult.Invalid<string>($"a tag may hold letters, digits, spaces and - _ . / & + only (\"{Shorten(tag)}\" has \"{rune}\").");
            }
        }
        return RuleResult.Valid(tag);
    }

    /// <summary>
    /// Reminders: each a time ("2026-12-05T09:00:00+01:00"; without an offset, in the user's zone) or
    /// how long before the due time, as an ISO 8601 duration ("PT15M", "PT1H", "P1D", "P1DT2H", "P1W").
    /// </summary>
    public static RuleResult<IReadOnlyList<Reminder>> Reminders(IReadOnlyList<string?> reminders, TimeZoneInfo zone)
    {
        if (reminders.Count > FieldLimits.RemindersPerTask)
        {
            return RuleResult.Invalid<IReadOnlyList<Reminder>>($"reminders: at most {FieldLimits.RemindersPerTask} per task (got {reminders.Count}).");
        }
        var result = new List<Reminder>();
        foreach (var raw in reminders)
        {
            var text = raw?.Trim() ?? "";
            Reminder reminder;
            if (TaskReminders.CountsFromDue(text))
            {
                if (MinutesOf(text) is not { } minutes)
                {
                    return InvalidReminder(text);
                }
                reminder = new Reminder(null, minutes);
            }
            else if (TaskTime.TryParse(text, zone, out var at, out var date) && date is null)
            {
                reminder = new Reminder(at, null);
            }
            else
            {
                return InvalidReminder(text);
            }
            if (!result.Contains(reminder))
            {
                result.Add(reminder);
            }
        }
        return RuleResult.Valid<IReadOnlyList<Reminder>>(result);
    }

    private static RuleResult<IReadOnlyList<Reminder>> InvalidReminder(string text) =>
        RuleResult.Invalid<IReadOnlyList<Reminder>>(
            $"each reminder must be a time such as 2026-12-05T09:00:00+01:00, or how long before the due time as an ISO 8601 duration " +
            $"such as PT15M, PT1H, P1D or P1DT2H (at most 366 days); \"{Shorten(text)}\" is neither.");

    /// <summary>Minutes of an ISO 8601 duration of weeks, days, hours and minutes ("-P1D" reads as "P1D": before is implied).</summary>
    public static int? MinutesOf(string text)
    {
        var match = Duration().Match(text.Trim().TrimStart('-').ToUpperInvariant());
        if (!match.Success || match.Length == 1 || text.EndsWith('T'))
        {
            return null;
        }
        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        // Seconds only in whole minutes: "PT0S" (at the due time, as calendar apps and models write it), never "PT1S".
        if (Part("s") % 60 != 0)
        {
            return null;
        }
        var minutes = Part("w") * 7 * 1440 + Part("d") * 1440 + Part("h") * 60 + Part("m") + Part("s") / 60;
        return minutes is >= 0 and <= MaxMinutesBefore ? (int)minutes : null;
    }

    /// <summary>The canonical duration of a relative reminder: P1DT2H30M, PT15M, PT0M.</summary>
    public static string FormatMinutes(int minutes)
    {
        var days = minutes / 1440;
        var hours = minutes % 1440 / 60;
        var rest = minutes % 60;
        var builder = new StringBuilder("P");
        if (days > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{days}D");
        }
        if (hours > 0 || rest > 0 || days == 0)
        {
            builder.Append('T');
            if (hours > 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{hours}H");
            }
            if (rest > 0 || hours == 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{rest}M");
            }
        }
        return builder.ToString();
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^P(?:(?<w>\d{1,3})W)?(?:(?<d>\d{1,3})D)?(?:T(?:(?<h>\d{1,4})H)?(?:(?<m>\d{1,6})M)?(?:(?<s>\d{1,8})S)?)?$")]
    private static partial Regex Duration();
}
