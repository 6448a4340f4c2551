using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>A repeat the user asked for, as an RRULE, and in words for the reply.</summary>
internal sealed record Repeat(string Rule, string Words)
{
    /// <summary>The weekdays it falls on ("every monday and thursday"); empty when it names none.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    /// <summary>The day of the month it falls on ("every month on the 1st").</summary>
    public int? MonthDay { get; init; }

    /// <summary>
    /// The first day on or after <paramref name="from"/> that the repeat falls on, for a repeat that names its days; null
    /// for one that repeats from any day ("every 3 days").
    /// </summary>
    public DateOnly? FirstOnOrAfter(DateOnly from)
    {
        if (Days.Count == 0 && MonthDay is null)
        {
            return null;
        }
        for (var day = from; day < from.AddDays(366); day = day.AddDays(1))
        {
            if (Days.Contains(day.DayOfWeek) || day.Day == MonthDay)
            {
                return day;
            }
        }
        return null;
    }
}

/// <summary>
/// Reads a repeat at the end of a message: "every day", "daily", "every weekday", "every monday and thursday",
/// "every mon wed fri", "every 2 weeks", "every other week", "every month on the 1st", "every 3 days", "weekly", "monthly", "every year".
/// </summary>
internal static partial class Repeats
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static bool TryExtract(string text, out string rest, out Repeat repeat)
    {
        rest = text;
        repeat = null!;
        var match = RepeatPhrase().Match(text);
        if (!match.Success || ToRepeat(match) is not { } found)
        {
            return false;
        }
        repeat = found;
        rest = text[..match.Index].TrimEnd().TrimEnd(',', ';', ':', '-').TrimEnd();
        return true;
    }

    private static Repeat? ToRepeat(Match match)
    {
        var g = match.Groups;
        if (g["simple"].Success)
        {
            return g["simple"].Value.ToLowerInvariant() switch
            {
                "daily" or "every day" or "each day" => new("FREQ=DAILY", "every day"),
                "weekly" or "every week" or "each week" => new("FREQ=WEEKLY", "every week"),
                "monthly" or "every month" or "each month" => new("FREQ=MONTHLY", "every month"),
                "yearly" or "annually" or "every year" => new("FREQ=YEARLY", "every year"),
                "every weekday" or "on weekdays" or "every workday" =>
                    new("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday") { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
                "every weekend" or "on weekends" => new("FREQ=WEEKLY;BYDAY=SA,SU", "every weekend") { Days = [DayOfWeek.Saturday, DayOfWeek.Sunday] },
                "every other day" => new("FREQ=DAILY;INTERVAL=2", "every other day"),
                "every other week" or "biweekly" or "fortnightly" => new("FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
                "every other month" => new("FREQ=MONTHLY;INTERVAL=2", "every 2 months"),
                _ => null,
            };
        }
        if (g["n"].Success)
        {
            var n = int.Parse(g["n"].Value, CultureInfo.InvariantCulture);
            if (n is < 1 or > 999)
            {
                return null;
            }
            var unit = g["unit"].Value.ToLowerInvariant();
            var (freq, noun) = unit.StartsWith('d') ? ("DAILY", "day") : unit.StartsWith('w') ? ("WEEKLY", "week") : unit.StartsWith('m') ? ("MONTHLY", "month") : ("YEARLY", "year");
            return n == 1 ? new($"FREQ={freq}", $"every {noun}") : new($"FREQ={freq};INTERVAL={n}", $"every {n} {noun}s");
        }
        if (g["days"].Success)
        {
            var days = DayWords().Matches(g["days"].Value).Select(m => When.WeekdayOf(m.Value)).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
            return days.Count == 0
                ? null
                : new($"FREQ=WEEKLY;BYDAY={string.Join(',', days.Select(d => DayCodes[(int)d]))}", "every " + Join(days.Select(d => d.ToString()))) { Days = days };
        }
        if (g["dom"].Success)
        {
            var day = int.Parse(g["dom"].Value, CultureInfo.InvariantCulture);
            return day is < 1 or > 31 ? null : new($"FREQ=MONTHLY;BYMONTHDAY={day}", $"every month on the {Ordinal(day)}") { MonthDay = day };
        }
        return null;
    }

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    private const string Days = "mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays";

    private const string Day = "mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun";

    // Between two days of a list: "monday, wednesday and friday", "mon, wed, and fri", "mon wed fri", "tue & thu".
    private const string DaySeparator = @"(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:(?:and|&)\s+)?|\s*&\s*)";

    [GeneratedRegex(@"(?:^|\s)(?:(?:that\s+)?(?:repeats?|recurs?|repeating|recurring)\s+)?(?:(?<simple>daily|weekly|monthly|yearly|annually|biweekly|fortnightly|every day|each day|every week|each week|every year|every weekday|on weekdays|every workday|every weekend|on weekends|every other day|every other week|every other month)" +
        @"|every\s+(?<n>\d+)\s+(?<unit>days?|weeks?|months?|years?)" +
        @"|every\s+(?<days>(?:" + Day + @")(?:" + DaySeparator + @"(?:" + Day + @"))*)" +
        @"|on\s+(?<days>(?:" + Days + @")(?:" + DaySeparator + @"(?:" + Days + @"))*)" +
        @"|(?:every|each)\s+month\s+on\s+the\s+(?<dom>\d{1,2})(?:st|nd|rd|th)" +
        @"|(?<simple>every month|each month|monthly))\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepeatPhrase();

    [GeneratedRegex(Day, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayWords();
}
