using System.Globalization;

namespace TaskChat.Agent;

/// <summary>How a user writes a date like 12/5: month first (en-US) or day first (most other locales).</summary>
public enum DateOrder
{
    MonthFirst,
    DayFirst,
}

/// <summary>
/// "Now" as the user sees it: the api's clock in the user's time zone (the token's <c>zoneinfo</c> claim, else UTC),
/// and how the user orders day and month. Everything "tomorrow" or "at 5pm" means is computed from it, so a test
/// fixes it with a FakeTimeProvider.
/// </summary>
public sealed record UserClock(TimeProvider Time, TimeZoneInfo Zone, DateOrder DateOrder = DateOrder.MonthFirst)
{
    public static UserClock Utc { get; } = new(TimeProvider.System, TimeZoneInfo.Utc);

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone);

    public DateOnly Today => DayOf(Time.GetUtcNow());

    /// <summary>The day a moment falls on in the user's zone.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The Monday of the week a day is in: weeks start on Monday here, as in ISO 8601.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The day after the last of "this week" as someone planning means it, from <paramref name="today"/> on: the coming
    /// Monday, except on a Sunday, where the week that ends today would leave only today ("what's due this week?" asked on
    /// a Sunday is about the days ahead), so the week runs through next Sunday.
    /// </summary>
    public static DateOnly WeekAheadEnd(DateOnly today) =>
        today.DayOfWeek == DayOfWeek.Sunday ? today.AddDays(8) : WeekStart(today).AddDays(7);

    /// <summary>A wall-clock time on a day in the user's zone, with that day's offset.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The order of a locale such as "en-US" or "en-GB" (month first only where that is the custom).</summary>
    public static DateOrder OrderOf(string? locale) =>
        locale is { Length: > 0 } && MonthFirstLocales.Contains(locale) ? DateOrder.MonthFirst
        : locale is { Length: > 0 } ? DateOrder.DayFirst
        : DateOrder.MonthFirst;

    /// <summary>A time zone from an IANA id ("Europe/Paris", the OIDC zoneinfo claim); UTC when missing or unknown.</summary>
    public static TimeZoneInfo ZoneOf(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId) || zoneId.Length > 64)
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>The zone's name as the user knows it ("Europe/Paris", "UTC").</summary>
    public string ZoneName => Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;

    public static string Describe(DateTimeOffset at) => at.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static readonly HashSet<string> MonthFirstLocales = new(["en-US", "en-PH", "es-US", "en-CA", "fil-PH", "en-AS", "en-GU", "en-UM", "en-VI"], StringComparer.OrdinalIgnoreCase);
}
