using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>A due date the user gave: a day, and a time of day when they said one.</summary>
/// <param name="Date">The day, in the user's zone.</param>
/// <param name="Time">The time of day, when one was said.</param>
/// <param name="DayFromTime">No day was said, only a time ("at 8pm"): <see cref="Date"/> is the next day it comes, and a task
/// that already has a day keeps it when only its time is changed.</param>
/// <param name="EveningOfToday">An hour said without am/pm or a day ("at 8"), read as the evening because today's morning one
/// had passed: on another day (a task's own, <see cref="OnDay"/>) it is the morning's, as "tomorrow at 8" is.</param>
internal sealed record Due(DateOnly Date, TimeOnly? Time, bool DayFromTime = false, bool EveningOfToday = false)
{
    /// <summary>This time on <paramref name="day"/> (a time said alone, put on the day a task already has).</summary>
    public Due OnDay(DateOnly day) =>
        new(day, EveningOfToday && day != Date ? Time?.AddHours(-12) : Time);

    /// <summary>The <c>due</c> argument: "2026-12-04", or "2026-12-04T17:00:00+01:00" with the user's offset that day.</summary>
    public string ToArgument(UserClock clock) =>
        Time is { } time
            ? clock.At(Date, time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"today", "tomorrow at 17:00", "Friday", "Saturday 5 December at 09:30".</summary>
    public string Describe(UserClock clock) => When.DescribeDay(Date, clock) + (Time is { } t ? " at " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : "");

    /// <summary>A tool's <c>due</c> value as a day in the user's zone, with its time unless it is a date alone.</summary>
    public static Due? FromArgument(string value, UserClock clock)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new Due(date, null);
        }
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return null;
        }
        return At(at, clock);
    }

    /// <summary>A moment as the day and time it is in the user's zone.</summary>
    public static Due At(DateTimeOffset at, UserClock clock)
    {
        var local = TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime;
        return new Due(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}

/// <summary>
/// Reads when something is due from everyday words at the end of a message, in the user's zone: "today", "tonight",
/// "tomorrow at 5pm", "tomorrow morning", "on friday", "next tuesday" (the Tuesday of next week), "in 2 hours",
/// "in 3 days", "this weekend" (its Saturday), "end of the month" (or of next month, of the week, of next week, of the year,
/// of april), "by march" and "in january" (the month's first day; its last in the month itself), "by end of day" (today), "5 Dec", "12/5" (in the user's date order),
/// "2026-12-05", holidays on a fixed date after "by", "on", "for"… ("by christmas", "on new year's eve", "before halloween"), and "by"/"due" before any of them. A time alone ("at 5pm") is today's if still ahead, else tomorrow's;
/// an hour from 1 to 7 without am/pm is in the afternoon ("at 5" is 17:00), and one from 8 to 11 without a day is the next
/// to come ("at 8" is 20:00 in the evening, 08:00 in the night). "half past 4" and "quarter to 10" are times too.
/// </summary>
internal static partial class When
{
    private const string Prefix = @"(?:(?:due|by|on|for|until|before|at|over)\s+)*";
    private const string Weekday = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private const string ShortWeekday = "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";
    private const string Month = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private const string Holiday = @"christmas\s+eve|christmas(?:\s+day)?|xmas(?:\s+eve|\s+day)?|boxing\s+day|new\s+year(?:'|’)?s(?:\s+eve|\s+day)?|new\s+year(?:\s+eve|\s+day)?|valentine(?:'|’)?s(?:\s+day)?|halloween";
    private const string Count = @"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple of|a few";

    /// <summary>Removes the due phrase at the end of <paramref name="text"/>; false when there is none.</summary>
    public static bool TryExtract(string text, UserClock clock, out string rest, out Due due)
    {
        rest = text;
        due = null!;
        DateOnly? day = null;
        TimeOnly? time = null;
        TimeOnly? partOfDay = null;
        TimeOnly? dayWordTime = null; // "tonight": 20:00 unless a time is said.
        var bareHour = false;
        for (var i = 0; i < 3; i++)
        {
            if (time is null && TryTime(rest, out var t, out var afterTime, out bareHour))
            {
                (time, rest) = (t, afterTime);
                continue;
            }
            if (partOfDay is null && PartOfDay().Match(rest) is { Success: true } part)
            {
                partOfDay = PartTime(part.Groups["part"].Value);
                rest = Trim(rest[..part.Index]);
                continue;
            }
            if (day is null && TryDay(rest, clock, out var d, out var dayTime, out var afterDay))
            {
                // Its time ("tonight": 20:00) only once no time is said before it either ("at 11 tonight"), after the loop.
                (day, rest, dayWordTime) = (d, afterDay, dayTime);
                continue;
            }
            break;
        }
        // "tonight at 11", "at 8 this evening": an hour without am/pm in the evening's words is in the evening (a bare 8
        // alone is still 08:00; 1 to 7 are already afternoon).
        if (bareHour && time is { Hour: < 12 } early && (dayWordTime ?? partOfDay) is { Hour: >= 17 })
        {
            time = early.AddHours(12);
        }
        time ??= dayWordTime ?? partOfDay;
        if (day is null && time is null)
        {
            rest = text;
            return false;
        }
        var dayFromTime = day is null;
        var eveningOfToday = false;
        if (day is null)
        {
            // "at 8" said at 19:00 is 20:00 today, the next 8 o'clock, not 08:00 tomorrow: an hour without am/pm and
            // without a day or a part of the day is the first of its two to come ("tomorrow at 8", "at 8 in the morning" stay 08:00).
            if (bareHour && partOfDay is null && time is { Hour: < 12 } morning && clock.At(clock.Today, morning) <= clock.Now
                && clock.At(clock.Today, morning.AddHours(12)) > clock.Now)
            {
                (time, eveningOfToday) = (morning.AddHours(12), true);
            }
            day = clock.At(clock.Today, time!.Value) > clock.Now ? clock.Today : clock.Today.AddDays(1);
        }
        due = new Due(day.Value, time, dayFromTime, eveningOfToday);
        return true;
    }

    /// <summary>
    /// Splits a time of day off the end of <paramref name="text"/> ("… at 7pm", "… in the evening", "… tuesday evening"):
    /// the words before it, and the time in words <see cref="TryExtract"/> reads alone ("at 7pm", "in the evening").
    /// </summary>
    public static bool TrySplitTime(string text, out string before, out string time)
    {
        if (TryTime(text, out _, out before, out _))
        {
            time = text[before.Length..].TrimStart(',', ';', ':', '-', '–', ' ');
            return true;
        }
        if (PartOfDay().Match(text) is { Success: true } part)
        {
            (before, time) = (Trim(text[..part.Index]), "in the " + part.Groups["part"].Value.ToLowerInvariant());
            return true;
        }
        (before, time) = (text, "");
        return false;
    }

    /// <summary>"in march", "during january": a month said alone, which a question means whole (a due date is its first day).</summary>
    public static bool IsMonthAlone(string text) => MonthAlone().IsMatch(text);

    [GeneratedRegex(@"^(?:in|during)\s+(?:" + Month + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthAlone();

    /// <summary>"march", "sept": a month's name and nothing else.</summary>
    public static bool IsMonthName(string text) => MonthName().IsMatch(text);

    [GeneratedRegex(@"^(?:" + Month + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    /// <summary>The whole text is a due phrase ("friday", "tomorrow at 5").</summary>
    public static Due? ParseWhole(string text, UserClock clock) =>
        TryExtract(text, clock, out var rest, out var due) && rest.Length == 0 ? due : null;

    /// <summary>A <c>due</c> value from a tool: a date alone counts as the end of that day in the user's zone.</summary>
    public static DateTimeOffset? ParseArgument(string value, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = date.ToDateTime(new TimeOnly(23, 59, 59));
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    public static string DescribeDay(DateOnly date, UserClock clock)
    {
        var days = date.DayNumber - clock.Today.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            -1 => "yesterday",
            > 1 and < 7 => date.DayOfWeek.ToString(),
            _ when date.Year == clock.Today.Year => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture),
            _ => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    // bareHour: a clock hour said without am/pm ("at 11"), which the words around it may put in the evening.
    private static bool TryTime(string text, out TimeOnly time, out string rest, out bool bareHour)
    {
        time = default;
        rest = text;
        bareHour = false;
        var match = TimeOfDay().Match(text);
        if (!match.Success)
        {
            return false;
        }
        if (match.Groups["word"].Success)
        {
            time = match.Groups["word"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? new TimeOnly(23, 59) : new TimeOnly(12, 0);
        }
        else
        {
            var said = match.Groups["frac"].Success ? HourWord(match.Groups["hw"].Value) : int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var hour = said;
            var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (match.Groups["frac"].Success)
            {
                // "quarter to 10" is 9:45: the hour said is the one it comes before (am/pm and the afternoon rule go by it).
                var quarter = match.Groups["frac"].Value.Equals("quarter", StringComparison.OrdinalIgnoreCase);
                var before = match.Groups["dir"].Value.ToLowerInvariant() is "to" or "before";
                minute = quarter ? (before ? 45 : 15) : 30;
                if (before && !quarter)
                {
                    return false; // "half to 4" is not a time people say.
                }
            }
            var meridiem = match.Groups["ap"].Value.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
            hour = meridiem switch
            {
                "am" => hour == 12 ? 0 : hour,
                "pm" => hour < 12 ? hour + 12 : hour,
                _ => hour is >= 1 and <= 7 ? hour + 12 : hour,
            };
            if (hour > 23 || minute > 59 || (meridiem.Length > 0 && said is 0 or > 12) || (match.Groups["frac"].Success && said is 0 or > 12))
            {
                return false;
            }
            time = new TimeOnly(hour, minute);
            if (match.Groups["dir"].Value.ToLowerInvariant() is "to" or "before")
            {
                time = time.AddHours(-1); // 10:45 → 9:45
            }
            bareHour = meridiem.Length == 0;
        }
        rest = Trim(text[..match.Index]);
        return true;
    }

    private static bool TryDay(string text, UserClock clock, out DateOnly day, out TimeOnly? time, out string rest)
    {
        day = default;
        time = null;
        rest = text;
        var today = clock.Today;
        var match = Day().Match(text);
        if (!match.Success)
        {
            return TryIn(text, clock, out day, out time, out rest);
        }
        var g = match.Groups;
        DateOnly? found = null;
        if (g["rel"].Success)
        {
            var word = g["rel"].Value.ToLowerInvariant();
            found = word switch
            {
                "today" => today,
                "tonight" => today,
                "eod" or "cob" => today, // "by end of day", "close of business": today, its time not invented.
                _ when word.Contains("end of", StringComparison.Ordinal) => today,
                _ when word.Contains("after", StringComparison.Ordinal) => today.AddDays(2),
                _ => today.AddDays(1),
            };
            if (word == "tonight")
            {
                time = new TimeOnly(20, 0);
            }
        }
        else if (g["wd"].Success)
        {
            found = NextWeekday(today, WeekdayOf(g["wd"].Value), g["mod"].Value.ToLowerInvariant());
        }
        else if (g["wk"].Success)
        {
            var saturday = today.DayOfWeek is DayOfWeek.Saturday ? today : today.DayOfWeek is DayOfWeek.Sunday ? today : NextWeekday(today, DayOfWeek.Saturday, "");
            found = g["wk"].Value.StartsWith("next", StringComparison.OrdinalIgnoreCase) ? saturday.AddDays(7) : saturday;
        }
        else if (g["eom"].Success)
        {
            var month = g["later"].Success ? today.AddMonths(1) : today;
            found = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        }
        else if (g["eow"].Success)
        {
            // The week's Sunday (weeks start on Monday), or next week's.
            found = today.AddDays(((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7 + (g["later"].Success ? 7 : 0));
        }
        else if (g["eoy"].Success)
        {
            found = new DateOnly(today.Year, 12, 31);
        }
        else if (g["eonm"].Success)
        {
            // "by end of april": that month's last day, this year's or, once it has gone by, next year's.
            var month = MonthOf(g["eonm"].Value);
            var year = month >= today.Month ? today.Year : today.Year + 1;
            found = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        }
        else if (g["onlymon"].Success)
        {
            // "by march", "in january": its first day, as "next month" is; in the month itself ("in december" in
            // December), its last day, the one day of it that is not behind or arbitrary.
            var month = MonthOf(g["onlymon"].Value);
            found = month == today.Month
                ? new DateOnly(today.Year, month, DateTime.DaysInMonth(today.Year, month))
                : new DateOnly(month > today.Month ? today.Year : today.Year + 1, month, 1);
        }
        else if (g["next"].Success)
        {
            found = g["next"].Value.EndsWith("month", StringComparison.OrdinalIgnoreCase)
                ? new DateOnly(today.Year, today.Month, 1).AddMonths(1)
                : UserClock.WeekStart(today).AddDays(7);
        }
        else if (g["y"].Success && g["iso"].Success)
        {
            found = Date(Number(g["y"]), Number(g["mo"]), Number(g["d"]));
        }
        else if (g["a"].Success)
        {
            var (month, dayOfMonth) = clock.DateOrder == DateOrder.MonthFirst ? (Number(g["a"]), Number(g["b"])) : (Number(g["b"]), Number(g["a"]));
            found = g["sy"].Success ? Date(FullYear(Number(g["sy"])), month, dayOfMonth) : Upcoming(today, month, dayOfMonth);
        }
        else if (g["mon"].Success)
        {
            var month = MonthOf(g["mon"].Value);
            var dayOfMonth = Number(g["md"]);
            found = g["my"].Success ? Date(Number(g["my"]), month, dayOfMonth) : Upcoming(today, month, dayOfMonth);
        }
        else if (g["dom"].Success)
        {
            var dayOfMonth = Number(g["dom"]);
            found = Date(today.Year, today.Month, dayOfMonth) is { } thisMonth && thisMonth >= today
                ? thisMonth
                : Date(today.AddMonths(1).Year, today.AddMonths(1).Month, dayOfMonth);
        }
        else if (g["hol"].Success)
        {
            var (month, dayOfMonth) = HolidayDate(g["hol"].Value.ToLowerInvariant());
            found = Upcoming(today, month, dayOfMonth);
        }
        if (found is not { } value)
        {
            return false;
        }
        day = value;
        rest = Trim(text[..match.Index]);
        return true;
    }

    // "in 2 hours" is a time today (or later), "in 3 days" a day.
    private static bool TryIn(string text, UserClock clock, out DateOnly day, out TimeOnly? time, out string rest)
    {
        day = default;
        time = null;
        rest = text;
        var match = InSpan().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var count = CountOf(match.Groups["n"].Value);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        if (count is < 1 or > 1000)
        {
            return false;
        }
        if (unit.StartsWith('m') && unit.StartsWith("mo", StringComparison.Ordinal))
        {
            day = clock.Today.AddMonths(count);
        }
        else if (unit.StartsWith('w'))
        {
            day = clock.Today.AddDays(7 * count);
        }
        else if (unit.StartsWith('d'))
        {
            day = clock.Today.AddDays(count);
        }
        else
        {
            var at = clock.Now.AddMinutes(unit.StartsWith('h') ? 60 * count : count);
            // Due times are kept to the minute: rounded up, never down, so "in 1 minute" said at 10:13:59 goes off at
            // 10:15, not one second later (seen in Chromium: "in 3 minutes" went off after two and a half).
            if (at.Second > 0 || at.Millisecond > 0 || at.Microsecond > 0)
            {
                at = at.AddMinutes(1);
            }
            day = DateOnly.FromDateTime(at.DateTime);
            time = new TimeOnly(at.Hour, at.Minute);
        }
        rest = Trim(text[..match.Index]);
        return true;
    }

    private static DateOnly NextWeekday(DateOnly today, DayOfWeek target, string modifier)
    {
        var ahead = ((int)target - (int)today.DayOfWeek + 7) % 7;
        if (modifier == "next")
        {
            // The day of next week (weeks start on Monday): "next tuesday" on a Wednesday is in six days, on a Monday in eight.
            var mondayNextWeek = UserClock.WeekStart(today).AddDays(7);
            return mondayNextWeek.AddDays(((int)target + 6) % 7);
        }
        return today.AddDays(ahead == 0 && modifier != "this" ? 7 : ahead);
    }

    // The day of a holiday on a fixed date (the one to come is taken, today's included).
    private static (int Month, int Day) HolidayDate(string holiday) => holiday switch
    {
        _ when holiday.StartsWith("halloween", StringComparison.Ordinal) => (10, 31),
        _ when holiday.StartsWith("valentine", StringComparison.Ordinal) => (2, 14),
        _ when holiday.StartsWith("boxing", StringComparison.Ordinal) => (12, 26),
        _ when holiday.StartsWith("new", StringComparison.Ordinal) => holiday.EndsWith("eve", StringComparison.Ordinal) ? (12, 31) : (1, 1),
        _ when holiday.EndsWith("eve", StringComparison.Ordinal) => (12, 24), // christmas eve, xmas eve
        _ => (12, 25), // christmas, christmas day, xmas
    };

    private static DateOnly? Upcoming(DateOnly today, int month, int day) =>
        Date(today.Year, month, day) is { } date && date >= today ? date : Date(today.Year + 1, month, day);

    private static DateOnly? Date(int year, int month, int day) =>
        year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    /// <summary>"a", "two", "a few", "12": how many; 0 when the words are not a count.</summary>
    internal static int CountOf(string text) => text.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" or "a couple of" => 2,
        "three" or "a few" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "twelve" => 12,
        var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0,
    };

    private static int HourWord(string word) => word.ToLowerInvariant() switch
    {
        "eleven" => 11,
        var other => CountOf(other),
    };

    private static TimeOnly PartTime(string part) => part.ToLowerInvariant() switch
    {
        "morning" => new TimeOnly(9, 0),
        "afternoon" => new TimeOnly(15, 0),
        _ => new TimeOnly(19, 0),
    };

    internal static DayOfWeek WeekdayOf(string word) => word.ToLowerInvariant()[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static int MonthOf(string word) =>
        Array.FindIndex(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], m => word.ToLowerInvariant().StartsWith(m, StringComparison.Ordinal)) + 1;

    private static string Trim(string text) => text.TrimEnd().TrimEnd(',', ';', ':', '-', '–').TrimEnd();

    [GeneratedRegex(@"(?:^|\s)(?:(?:at|@)\s*(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ap>am|pm|a\.m\.|p\.m\.)?|(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>am|pm|a\.m\.|p\.m\.)|(?<h>\d{1,2}):(?<m>\d{2})|(?:at\s+)?(?<word>noon|midday|midnight)" +
        // "half past 4", "at quarter to 10", "a quarter past nine pm".
        @"|(?:(?:at|@)\s+)?(?:a\s+)?(?<frac>half|quarter)\s+(?<dir>past|after|to|before)\s+(?<hw>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?<ap>am|pm|a\.m\.|p\.m\.))?)\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"(?:^|\s)(?:in the|this)\s+(?<part>morning|afternoon|evening)$|(?<=\b(?:today|tomorrow|tmrw|" + Weekday + "|" + ShortWeekday + @")\s+)(?<part>morning|afternoon|evening)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartOfDay();

    [GeneratedRegex(@"(?:^|\s)" + Prefix + @"(?:(?<rel>today|tonight|tomorrow|tmrw|tmr|tomorow|(?:the\s+)?day after tomorrow|(?:the\s+)?end of (?:the\s+)?(?:day|today)|eod|cob)" +
        // Not a weekday of a repeat: "every monday", nor the last of a list, "every monday and thursday (at 7am)".
        @"|(?<!\b(?:every|each)\s+(?:(?:" + Weekday + "|" + ShortWeekday + @")s?\s*(?:,|and|&)\s*)*)(?:(?<mod>this|next|coming|on)\s+)?(?<wd>" + Weekday + @")" +
        @"|(?<=\b(?:on|by|due|next|this|until|before)\s+)(?<wd>" + ShortWeekday + @")" +
        @"|(?<wk>this weekend|next weekend|(?<=\b(?:by|for|over|on|until)\s+)the weekend)" +
        @"|(?:the\s+)?(?<eom>end of (?:the |this |(?<later>next) )?month|month end)" +
        @"|(?:the\s+)?(?<eow>end of (?:the |this |(?<later>next) )?week)" +
        @"|(?:the\s+)?(?<eoy>end of (?:the |this )?year|year end)" +
        @"|(?:the\s+)?end of (?<eonm>" + Month + @")" +
        @"|(?<next>next week|next month)" +
        @"|(?<iso>(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2}))" +
        @"|(?<a>\d{1,2})/(?<b>\d{1,2})(?:/(?<sy>\d{2}|\d{4}))?" +
        @"|(?<md>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Month + @")\.?(?:\s+(?<my>\d{4}))?" +
        @"|(?<mon>" + Month + @")\.?\s+(?<md>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<my>\d{4}))?" +
        // A month alone after a word that makes it a date ("by march", "in january"): "call may" keeps its words.
        @"|(?:(?:in|during)\s+)?(?<=\b(?:by|in|before|until|during)\s+)(?<onlymon>" + Month + @")" +
        // "the 20th" after a word that makes it a date, or alone ("move it to the 20th", "what's on the 20th?").
        @"|(?<=^|\b(?:on|by|due|until|before|to)\s+)the\s+(?<dom>\d{1,2})(?:st|nd|rd|th)" +
        // Holidays on a fixed date, after a word that makes them a date ("by christmas", "on new year's eve"): "buy christmas
        // lights" keeps its words.
        @"|(?<=\b(?:on|by|due|until|before|for|over|at)\s+)(?<hol>" + Holiday + @"))\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Day();

    [GeneratedRegex(@"(?:^|\s)" + Prefix + @"in\s+(?<n>" + Count + @")\s+(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InSpan();
}
