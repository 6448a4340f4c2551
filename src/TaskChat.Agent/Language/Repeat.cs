using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>A repeat the user asked for, as an RRULE, and in words for the reply.</summary>
internal sealed record Repeat(string Rule, string Words)
{
    /// <summary>
    /// Said without "every" or "on …days": weekdays alone ("mon wed fri", "tuesdays"). A task said that way is a repeat, but
    /// a message starting with another verb is not a task ("move the milk to mon and wed").
    /// </summary>
    public bool Implied { get; init; }

    /// <summary>The weekdays it falls on ("every monday and thursday"); empty when it names none.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    /// <summary>Which of the month's <see cref="Days"/> it falls on ("the first monday of the month"): 1 to 4, or -1 for the last; null for each one.</summary>
    public int? NthInMonth { get; init; }

    /// <summary>The day of the month it falls on ("every month on the 1st"), -1 for the last day.</summary>
    public int? MonthDay { get; init; }

    /// <summary>
    /// The first day on or after <paramref name="from"/> that the repeat falls on, for a repeat that names its days; null
    /// for one that repeats from any day ("every 3 days"). An interval counts from that day ("every other friday": the
    /// next Friday, then every second one), so it does not move the first day.
    /// </summary>
    public DateOnly? FirstOnOrAfter(DateOnly from)
    {
        if (Days.Count == 0 && MonthDay is null)
        {
            return null;
        }
        for (var day = from; day < from.AddDays(366); day = day.AddDays(1))
        {
            if (FallsOn(day))
            {
                return day;
            }
        }
        return null;
    }

    private bool FallsOn(DateOnly day)
    {
        if (MonthDay is { } monthDay)
        {
            return monthDay == -1 ? day.AddDays(1).Month != day.Month : day.Day == monthDay;
        }
        return Days.Contains(day.DayOfWeek) && NthInMonth switch
        {
            null => true,
            -1 => day.AddDays(7).Month != day.Month, // none of its weekday later in the month
            var n => (day.Day - 1) / 7 + 1 == n,
        };
    }
}

/// <summary>
/// Reads a repeat at the end of a message: "every day", "daily", "every weekday", "every monday and thursday",
/// "every mon wed fri", "mon wed fri", "on tuesdays", "every 2 weeks", "every other week", "every month on the 1st", "every 3 days", "weekly", "monthly", "every year",
/// "every other friday", "every 2 weeks on friday", "on the first monday of every month", "monthly on the last friday",
/// "on the 15th of every month", "on the last day of the month".
/// </summary>
internal static partial class Repeats
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>
    /// Removes the repeat at the end of <paramref name="text"/>. With <paramref name="timeAfter"/>, the repeat may also come
    /// just before a time of day ("book club monthly on the first monday at 7pm"), which stays in <paramref name="rest"/>
    /// for the due date: read first, "monday at 7pm" would be a due date and "monthly on the first" part of the title.
    /// </summary>
    public static bool TryExtract(string text, out string rest, out Repeat repeat, bool timeAfter = false)
    {
        if (TryExtractAtEnd(text, out rest, out repeat))
        {
            return true;
        }
        if (timeAfter && When.TrySplitTime(text, out var before, out var time) && TryExtractAtEnd(before, out var beforeRepeat, out repeat))
        {
            rest = (beforeRepeat + " " + time).Trim();
            return true;
        }
        rest = text;
        return false;
    }

    private static bool TryExtractAtEnd(string text, out string rest, out Repeat repeat)
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
            Repeat? simple = g["simple"].Value.ToLowerInvariant() switch
            {
                "daily" or "every day" or "each day" => new("FREQ=DAILY", "every day"),
                "weekly" or "every week" or "each week" => new("FREQ=WEEKLY", "every week"),
                "monthly" or "every month" or "each month" => new("FREQ=MONTHLY", "every month"),
                "yearly" or "annually" or "every year" => new("FREQ=YEARLY", "every year"),
                "every weekday" or "on weekdays" or "every workday" or "weekdays" =>
                    new("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday") { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
                "every weekend" or "on weekends" or "weekends" => new("FREQ=WEEKLY;BYDAY=SA,SU", "every weekend") { Days = [DayOfWeek.Saturday, DayOfWeek.Sunday] },
                "every other day" => new("FREQ=DAILY;INTERVAL=2", "every other day"),
                "every other week" or "biweekly" or "fortnightly" => new("FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
                "every other month" => new("FREQ=MONTHLY;INTERVAL=2", "every 2 months"),
                _ => null,
            };
            return simple is null ? null : simple with { Implied = g["implied"].Success };
        }
        if (g["n"].Success)
        {
            // TryParse: the digits are as many as were typed, and "every 99999999999 days" is a title, not an overflow.
            if (!int.TryParse(g["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 999)
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
            var weeks = g["weeks"].Success ? WeeksApart(g["weeks"].Value) : 1;
            if (days.Count == 0 || weeks is < 1 or > 999)
            {
                return null;
            }
            var byDay = "BYDAY=" + string.Join(',', days.Select(d => DayCodes[(int)d]));
            var dayWords = Join(days.Select(d => d.ToString()));
            return weeks == 1
                ? new($"FREQ=WEEKLY;{byDay}", "every " + dayWords) { Days = days, Implied = g["implied"].Success }
                : new($"FREQ=WEEKLY;INTERVAL={weeks};{byDay}", $"every {weeks} weeks on {dayWords}") { Days = days };
        }
        if (g["nth"].Success)
        {
            var (nth, nthWord) = g["nth"].Value.ToLowerInvariant() switch
            {
                "first" or "1st" => (1, "first"),
                "second" or "2nd" => (2, "second"),
                "third" or "3rd" => (3, "third"),
                "fourth" or "4th" => (4, "fourth"),
                _ => (-1, "last"),
            };
            var day = When.WeekdayOf(g["nthday"].Value);
            return new($"FREQ=MONTHLY;BYDAY={nth}{DayCodes[(int)day]}", $"every month on the {nthWord} {day}") { Days = [day], NthInMonth = nth };
        }
        if (g["dom"].Success || g["domword"].Success)
        {
            var day = g["dom"].Success ? int.Parse(g["dom"].Value, CultureInfo.InvariantCulture)
                : g["domword"].Value.StartsWith("first", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
            return day is 0 or > 31 ? null : new($"FREQ=MONTHLY;BYMONTHDAY={day}", $"every month on the {(day == -1 ? "last day" : Ordinal(day))}") { MonthDay = day };
        }
        return null;
    }

    // "every other friday", "every second friday", "biweekly on friday" are two weeks apart; "every 3 weeks on friday" three.
    private static int WeeksApart(string words) => words.ToLowerInvariant() switch
    {
        "other" or "second" or "2nd" or "biweekly" or "fortnightly" => 2,
        var count => When.CountOf(count),
    };

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

    // Weekdays said alone after one of these words are part of the title: "plan for mondays", "switch to mon and wed".
    private const string NotAfterATitleWord = @"(?<!\b(?:for|to|about|with|of|from|until|till|than|before|after|by)\s+)";

    private const string DayList = @"(?<days>(?:" + Day + @")(?:" + DaySeparator + @"(?:" + Day + @"))*)";

    // One day of the month: "the first monday", "the last friday", "the 15th", "the first", "the last day".
    private const string DayOfMonth = @"(?:(?<nth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?<nthday>" + Day + @")|(?<dom>\d{1,2})(?:st|nd|rd|th)|(?<domword>first|last\s+day))";

    [GeneratedRegex(@"(?:^|\s)(?:(?:that\s+)?(?:repeats?|recurs?|repeating|recurring)\s+)?(?:(?<simple>daily|weekly|monthly|yearly|annually|biweekly|fortnightly|every day|each day|every week|each week|every year|every weekday|on weekdays|every workday|every weekend|on weekends|every other day|every other week|every other month)" +
        @"|every\s+(?<n>\d+)\s+(?<unit>days?|weeks?|months?|years?)" +
        @"|every\s+" + DayList +
        @"|on\s+(?<days>(?:" + Days + @")(?:" + DaySeparator + @"(?:" + Days + @"))*)" +
        // "gym mon wed fri", "gym on tuesday and thursday", "gym mondays", "standup weekdays": a task has one due date, so two weekdays or more,
        // or a weekday said in the plural, can only be days it comes back on; one weekday ("gym monday") is its due date.
        // Not after a word that makes them part of the title: "plan for mondays", "switch to mon and wed".
        @"|" + NotAfterATitleWord + @"(?<implied>(?:on\s+)?(?<days>(?:" + Day + @")(?:" + DaySeparator + @"(?:" + Day + @"))+))" +
        @"|" + NotAfterATitleWord + @"(?<implied>(?<simple>weekdays|weekends))" +
        @"|" + NotAfterATitleWord + @"(?<implied>(?<days>(?:" + Days + @")(?:" + DaySeparator + @"(?:" + Days + @"))*))" +
        // "every other friday", "every 2 weeks on friday", "biweekly on tuesday and thursday", "every week on monday".
        @"|(?:every\s+(?<weeks>other|second|2nd)\s+|(?:every\s+(?<weeks>\d{1,3}|two|three|four)\s+weeks|every\s+(?<weeks>other)\s+week|(?<weeks>biweekly|fortnightly)|(?:every|each)\s+week|weekly)\s+on\s+)" + DayList +
        // "every month on the 1st", "monthly on the first monday", "each month on the last day".
        @"|(?:(?:every|each)\s+month|monthly)\s+on\s+the\s+" + DayOfMonth +
        // "on the first monday of every month", "every last friday of the month", "the 15th of each month", "on the first of the
        // month", "pay rent by the 1st of every month" (the words before it go with it, not into the title).
        @"|(?:(?:every|on|by|due|before)\s+)?(?:the\s+)?" + DayOfMonth + @"\s+(?:of\s+)?(?:the|every|each)\s+month" +
        // "every first monday", "every last friday": without "of the month", "every second friday" is every other one.
        @"|every\s+(?<nth>first|1st|last)\s+(?<nthday>" + Day + @")" +
        @"|(?<simple>every month|each month|monthly))\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepeatPhrase();

    [GeneratedRegex(Day, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayWords();
}
