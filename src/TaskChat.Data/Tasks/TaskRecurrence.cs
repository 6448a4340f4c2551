using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

/// <summary>
/// Recurring tasks: the subset of RFC 5545 RRULE TaskChat accepts, and the next occurrence's due
/// date, computed by Ical.Net (no hand-written calendar arithmetic: month ends, leap years and DST
/// changes are the library's). Accepted: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL (1–999),
/// BYDAY (weekdays; with MONTHLY also 1MO...-1FR), BYMONTHDAY (1–31, -1 for the last day), and
/// either COUNT (1–1000) or UNTIL (a date or a UTC date-time).
/// </summary>
public static class TaskRecurrence
{
    public const string Example = "e.g. FREQ=DAILY, FREQ=WEEKLY;BYDAY=MO,WE,FR, FREQ=MONTHLY;BYMONTHDAY=15, FREQ=DAILY;INTERVAL=3;COUNT=10";

    private static readonly HashSet<string> Parts = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"];
    private static readonly HashSet<string> Frequencies = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
    private static readonly HashSet<string> Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>The rule in Ical.Net's canonical spelling, or a message that says what is accepted.</summary>
    public static RuleResult<string> Parse(string text)
    {
        var rule = text.Trim();
        if (rule.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            rule = rule[6..];
        }
        rule = rule.ToUpperInvariant();
        if (rule.Length == 0 || rule.Length > FieldLimits.TaskRecurrence || !TaskRules.IsStorable(rule))
        {
            return Invalid($"must be an RRULE of at most {FieldLimits.TaskRecurrence} characters");
        }
        var parts = new Dictionary<string, string>();
        foreach (var part in rule.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !Parts.Contains(pair[0].Trim()) || !parts.TryAdd(pair[0].Trim(), pair[1].Trim()))
            {
                return Invalid($"has \"{Shorten(part)}\", which is not supported (use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL, each once)");
            }
        }
        if (!parts.TryGetValue("FREQ", out var frequency) || !Frequencies.Contains(frequency))
        {
            return Invalid("needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        if (parts.TryGetValue("INTERVAL", out var interval) && !InRange(interval, 1, 999))
        {
            return Invalid("has an INTERVAL that is not a whole number from 1 to 999");
        }
        if (parts.TryGetValue("COUNT", out var count) && !InRange(count, 1, 1000))
        {
            return Invalid("has a COUNT that is not a whole number from 1 to 1000");
        }
        if (parts.ContainsKey("COUNT") && parts.ContainsKey("UNTIL"))
        {
            return Invalid("cannot have both COUNT and UNTIL");
        }
        if (parts.TryGetValue("UNTIL", out var until) && !IsUntil(until))
        {
            return Invalid("has an UNTIL that is not a date such as 20261231 or a UTC time such as 20261231T235959Z");
        }
        if (parts.TryGetValue("BYDAY", out var byDay) && !byDay.Split(',').All(d => IsDay(d, allowOrdinal: frequency == "MONTHLY")))
        {
            return Invalid("has a BYDAY that is not a list of MO, TU, WE, TH, FR, SA, SU (with MONTHLY also 1MO or -1FR)");
        }
        if (parts.TryGetValue("BYMONTHDAY", out var byMonthDay)
            && (frequency is not ("MONTHLY" or "YEARLY") || !byMonthDay.Split(',').All(d => d == "-1" || InRange(d, 1, 31))))
        {
            return Invalid("has a BYMONTHDAY that is not days 1 to 31 or -1 (the last day), with FREQ=MONTHLY");
        }
        if (parts.TryGetValue("WKST", out var weekStart) && !Days.Contains(weekStart))
        {
            return Invalid("has a WKST that is not one of MO, TU, WE, TH, FR, SA, SU");
        }
        try
        {
            var canonical = string.Join(';', parts.Select(p => $"{p.Key}={p.Value}"));
            return RuleResult.Valid(new RecurrencePattern(canonical).ToString() ?? canonical);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return Invalid("could not be read");
        }
    }

    /// <summary>
    /// The due date of the occurrence after <paramref name="task"/>, completed at <paramref name="completedAt"/>
    /// (UTC), read in <paramref name="zone"/>; null when the task does not repeat or its series has ended
    /// (COUNT reached, or past UNTIL).
    /// </summary>
    public static Due? NextDue(TaskItem task, DateTime completedAt, TimeZoneInfo zone)
    {
        if (task.Recurrence is null || task.DueAt is not { } dueAt)
        {
            return null;
        }
        var pattern = new RecurrencePattern(task.Recurrence);
        if (pattern.Count is { } count && task.Occurrence >= count)
        {
            return null;
        }
        var until = pattern.Until;
        pattern.Count = null;
        pattern.Until = null;

        var dueLocal = TaskTime.ToLocal(dueAt, zone);
        var from = task.RepeatFrom == RepeatFrom.Completion
            ? TaskTime.ToLocal(completedAt, zone).Date + (task.DueDate is null ? dueLocal.TimeOfDay : TimeSpan.Zero)
            : task.DueDate is { } dueDate ? dueDate.ToDateTime(TimeOnly.MinValue) : dueLocal;
        var start = task.DueDate is not null
            ? new CalDateTime(DateOnly.FromDateTime(from), null)
            : new CalDateTime(from, zone.Id);
        var series = new CalendarEvent { DtStart = start, RecurrenceRule = pattern };
        var next = series.GetOccurrences(start, new EvaluationOptions { MaxUnmatchedIncrementsLimit = 10_000 })
            .Select(o => o.Period.StartTime)
            .FirstOrDefault(o => o.GreaterThan(start));
        if (next is null)
        {
            return null;
        }
        Due result = task.DueDate is not null
            ? new Due(TaskTime.StartOfDay(DateOnly.FromDateTime(next.Value), zone), DateOnly.FromDateTime(next.Value))
            : new Due(DateTime.SpecifyKind(next.AsUtc, DateTimeKind.Utc), null);
        if (until is not null)
        {
            var last = until.HasTime ? DateTime.SpecifyKind(until.AsUtc, DateTimeKind.Utc) : TaskTime.StartOfDay(DateOnly.FromDateTime(until.Value).AddDays(1), zone).AddTicks(-1);
            if (result.At > last)
            {
                return null;
            }
        }
        return result;
    }

    /// <summary>
    /// The first day of <paramref name="rule"/> on or after <paramref name="today"/>, all day: where a repeat
    /// given without a due date starts. A rule that picks days (BYDAY, BYMONTHDAY...) starts on its first such
    /// day (the first one to come, whatever the interval); any other ("every 3 days") starts today. Null when the series
    /// has already ended (UNTIL).
    /// </summary>
    public static Due? FirstDue(string rule, DateOnly today, TimeZoneInfo zone)
    {
        var pattern = new RecurrencePattern(rule);
        if (!PicksDays(pattern))
        {
            var todayDue = new Due(TaskTime.StartOfDay(today, zone), today);
            return pattern.Until is { } until && DateOnly.FromDateTime(until.Value) < today ? null : todayDue;
        }
        // The rule's first day from today (the interval counts from that day: "every other friday" starts this Friday).
        return FirstOnOrAfter(rule, new Due(TaskTime.StartOfDay(today, zone), today), zone);
    }

    /// <summary>
    /// The first occurrence of <paramref name="rule"/> on or after <paramref name="due"/>, at its time of day (all day for
    /// an all-day task): <paramref name="due"/> itself when it is one, or when the rule does not pick days (any day starts
    /// "every 3 days"). Null when the series ends before then (UNTIL). Where a task that gets a repeat picking days is due
    /// (<see cref="TaskEdits"/>): "Call mom" due Friday made "every Sunday" is due that Sunday.
    /// </summary>
    public static Due? FirstOnOrAfter(string rule, Due due, TimeZoneInfo zone)
    {
        if (!PicksDays(new RecurrencePattern(rule)))
        {
            return due;
        }
        // The day before, at the same time of day (local: across a change of clocks too), then the next occurrence, found
        // the way a completion finds it. Without its interval: the interval counts from the series' start, which is that
        // first day ("every other sunday" starts on the first Sunday; with the interval, a probe on a Monday skipped to
        // the Sunday after next).
        var everyPeriod = new RecurrencePattern(rule) { Interval = 1 }.ToString();
        var probe = new TaskItem { UserId = "", Title = "", Recurrence = everyPeriod, RepeatFrom = RepeatFrom.Due, Occurrence = 0 };
        if (due.Date is { } date)
        {
            probe.DueDate = date.AddDays(-1);
            probe.DueAt = TaskTime.StartOfDay(date.AddDays(-1), zone);
        }
        else
        {
            probe.DueAt = TaskTime.ToUtc(TaskTime.ToLocal(due.At, zone).AddDays(-1), zone);
        }
        return NextDue(probe, probe.DueAt.Value, zone);
    }

    /// <summary>A rule that picks days (BYDAY, BYMONTHDAY...), as "every sunday" does, and "every week" does not.</summary>
    private static bool PicksDays(RecurrencePattern pattern) =>
        pattern.ByDay.Count > 0 || pattern.ByMonthDay.Count > 0 || pattern.ByMonth.Count > 0
        || pattern.ByYearDay.Count > 0 || pattern.ByWeekNo.Count > 0 || pattern.BySetPosition.Count > 0;

    private static bool InRange(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;

    private static bool IsDay(string text, bool allowOrdinal)
    {
        text = text.Trim();
        if (text.Length < 2 || !Days.Contains(text[^2..]))
        {
            return false;
        }
        var ordinal = text[..^2];
        return ordinal.Length == 0 || allowOrdinal && (ordinal == "-1" || InRange(ordinal, 1, 5));
    }

    private static bool IsUntil(string text) =>
        DateTime.TryParseExact(text, ["yyyyMMdd", "yyyyMMdd'T'HHmmss'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
        && until.Year is >= TaskTime.MinYear and <= TaskTime.MaxYear;

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private static RuleResult<string> Invalid(string what) =>
        RuleResult.Invalid<string>($"recurrence {what}: {Example}.");
}
