using System.Globalization;

namespace TaskChat.Data.Tasks;

/// <summary>
/// Dates and times as people say them, in their time zone, and as the database keeps them (UTC).
/// A due date is either a day ("2026-12-05", all day) or a moment ("2026-12-05T17:00:00+01:00");
/// the wire always carries the offset, so a client never has to know the zone rules.
/// </summary>
public static class TaskTime
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>Years outside this range are surely a mistake (and keep arithmetic far from DateTime's ends).</summary>
    public const int MinYear = 1970;
    public const int MaxYear = 2999;

    /// <summary>The zone of an IANA id (works on Linux, and on Windows through ICU), or UTC for none or an unknown one.</summary>
    public static TimeZoneInfo ZoneOrUtc(string? timeZoneId) =>
        TryFindZone(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool TryFindZone(string? timeZoneId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId.Length > FieldLimits.TimeZone)
        {
            return false;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// A local wall-clock time in <paramref name="zone"/> as UTC. A time that does not exist (skipped
    /// by a DST change) moves forward by the gap, as calendars do; an ambiguous one (repeated) takes
    /// its first, daylight-saving, occurrence.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the gap: 02:30 on a night that jumps from 02:00 to 03:00 becomes 03:30.
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddDays(-1))).UtcDateTime;
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).UtcDateTime;
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The start of <paramref name="date"/> in <paramref name="zone"/>, as UTC.</summary>
    public static DateTime StartOfDay(DateOnly date, TimeZoneInfo zone) => ToUtc(date.ToDateTime(TimeOnly.MinValue), zone);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>An instant as ISO 8601 with the zone's offset at that instant: 2026-12-05T17:00:00+01:00.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(instant);
        return new DateTimeOffset(instant).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// "2026-12-05" (a day), or a date-time: with an offset or Z it is that instant; without one it
    /// is a wall-clock time in <paramref name="zone"/>.
    /// </summary>
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTime utc, out DateOnly? date)
    {
        utc = default;
        date = null;
        text = text.Trim();
        if (text.Length is < 10 or > 40)
        {
            return false;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Year is < MinYear or > MaxYear)
            {
                return false;
            }
            date = day;
            utc = StartOfDay(day, zone);
            return true;
        }
        if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed)
            || parsed.Year is < MinYear or > MaxYear)
        {
            return false;
        }
        utc = parsed.Kind switch
        {
            DateTimeKind.Utc => parsed,
            // RoundtripKind turns an explicit offset into local machine time: undo that through DateTimeOffset.
            DateTimeKind.Local => DateTimeOffset.ParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces).UtcDateTime,
            _ => ToUtc(parsed, zone),
        };
        utc = DateTime.SpecifyKind(new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return true;
    }
}
