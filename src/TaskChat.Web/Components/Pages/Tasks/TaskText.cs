using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// A task's plan in words, as the common task apps write it: "Today 17:00", "Tomorrow", "Fri 5 Dec",
/// "Repeats every 2 weeks on Mon, Thu", "1 hour before". The api sends dates already in the user's
/// zone (with their offset), so the wall clock in the text is the one the user lives by.
/// </summary>
internal static partial class TaskText
{
    // The invariant culture names days and months in English ("Fri", "Dec"), and exists even with InvariantGlobalization.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>A due date or date-time (the wire's "2026-12-05" or "2026-12-05T17:00:00+01:00"), read back.</summary>
    public readonly record struct Due(DateOnly Date, TimeOnly? Time)
    {
        public static Due? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new Due(day, null);
            }
            // The offset is the user's zone's: keep the wall clock as written, do not convert.
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? new Due(DateOnly.FromDateTime(at.DateTime), TimeOnly.FromDateTime(at.DateTime))
                : null;
        }

        /// <summary>What PATCH and POST take: a day (all day), or a wall-clock time the api reads in the user's zone.</summary>
        public string ToWire() => Time is { } time
            ? $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{time.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>"Today", "Tomorrow 09:00", "Yesterday", "Fri 5 Dec", "Mon 4 Jan 2027 08:30" relative to <paramref name="today"/>.</summary>
    public static string Friendly(Due due, DateOnly today)
    {
        var days = due.Date.DayNumber - today.DayNumber;
        var day = days switch
        {
            0 => "Today",
            1 => "Tomorrow",
            -1 => "Yesterday",
            _ when due.Date.Year == today.Year => due.Date.ToString("ddd d MMM", English),
            _ => due.Date.ToString("ddd d MMM yyyy", English),
        };
        return due.Time is { } time ? $"{day} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}" : day;
    }

    /// <summary>
    /// What a new repeat did to the due date, in words for the row ("Now due Sun 13 Dec, the first day it repeats on."),
    /// or null when it left the date as it was (a repeat from the due date it has, or one taken off).
    /// </summary>
    public static string? DueMovedByRepeat(string? before, string? after, DateOnly today) =>
        Due.Parse(after) is { } moved && Due.Parse(before) != moved
            ? $"Now due {Lower(Friendly(moved, today))}, the first day it repeats on."
            : null;

    /// <summary>Where "Skip this one" took the task: "Skipped: now due Mon 14 Dec 09:00."</summary>
    public static string? DueAfterSkip(string? after, DateOnly today) =>
        Due.Parse(after) is { } next ? $"Skipped: now due {Lower(Friendly(next, today))}." : null;

    // "Today" and "Tomorrow" inside a sentence; day names ("Sun 13 Dec") keep their capital.
    private static string Lower(string friendly) =>
        friendly.StartsWith("Today", StringComparison.Ordinal) || friendly.StartsWith("Tomorrow", StringComparison.Ordinal)
        || friendly.StartsWith("Yesterday", StringComparison.Ordinal)
            ? char.ToLowerInvariant(friendly[0]) + friendly[1..]
            : friendly;

    /// <summary>A reminder: a duration before the due time ("PT1H" → "1 hour before") or a moment ("Fri 5 Dec 09:00").</summary>
    public static string Reminder(string reminder, DateOnly today)
    {
        if (TaskReminders.CountsFromDue(reminder))
        {
            return TaskReminders.DescribeBefore(reminder) is { } words ? char.ToUpperInvariant(words[0]) + words[1..] : reminder;
        }
        return Due.Parse(reminder) is { } at ? Friendly(at, today) : reminder;
    }

    /// <summary>The repeats the task details offer, as RRULEs the api takes.</summary>
    public static readonly (string Rule, string Label)[] RepeatChoices =
    [
        ("FREQ=DAILY", "Every day"), ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday"), ("FREQ=WEEKLY", "Every week"),
        ("FREQ=WEEKLY;INTERVAL=2", "Every 2 weeks"), ("FREQ=MONTHLY", "Every month"), ("FREQ=YEARLY", "Every year"),
    ];

    /// <summary>The choice of <see cref="RepeatChoices"/> that <paramref name="rule"/> is, in any order of its parts; null for another rule.</summary>
    public static string? RepeatChoice(string rule)
    {
        var parts = RuleParts(rule);
        return RepeatChoices.Select(c => c.Rule).FirstOrDefault(choice => RuleParts(choice) is var wanted
            && wanted.Count == parts.Count && wanted.All(p => parts.TryGetValue(p.Key, out var value) && value == p.Value));
    }

    // FREQ, INTERVAL (1 when not given), BYDAY in one order...: what a rule means, not how it was written.
    private static Dictionary<string, string> RuleParts(string rule)
    {
        var parts = Parts(rule).ToDictionary(p => p.Key, p => string.Join(',', p.Value.Split(',').Order(StringComparer.Ordinal)));
        parts.TryAdd("INTERVAL", "1");
        parts.Remove("WKST");
        return parts;
    }

    // An RRULE's NAME=VALUE parts, upper case, the first of a name that is given twice; parts without "=" ignored.
    private static Dictionary<string, string> Parts(string rule) =>
        rule.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.First()[1].ToUpperInvariant());

    /// <summary>"Repeats daily", "Repeats every weekday", "Repeats every 2 weeks on Mon, Thu", "…, 5 times", "…, until 31 Dec 2026".</summary>
    public static string Repeat(string rule, string? repeatFrom)
    {
        var parts = Parts(rule);
        var interval = parts.TryGetValue("INTERVAL", out var i) && int.TryParse(i, CultureInfo.InvariantCulture, out var n) && n > 1 ? n : 1;
        var days = parts.TryGetValue("BYDAY", out var byDay) ? byDay.Split(',') : [];
        var text = new StringBuilder("Repeats ");
        var frequency = parts.GetValueOrDefault("FREQ");
        if (frequency == "WEEKLY" && interval == 1 && days.Length == 5 && !days.Except(["MO", "TU", "WE", "TH", "FR"]).Any())
        {
            text.Append("every weekday");
        }
        else
        {
            var (single, plural) = frequency switch
            {
                "DAILY" => ("daily", "days"),
                "WEEKLY" => ("weekly", "weeks"),
                "MONTHLY" => ("monthly", "months"),
                "YEARLY" => ("yearly", "years"),
                _ => ("", ""),
            };
            if (single.Length == 0)
            {
                return "Repeats";
            }
            text.Append(interval == 1 ? single : $"every {interval} {plural}");
            if (days.Length > 0)
            {
                text.Append(" on ").AppendJoin(", ", days.Select(NthDayName));
            }
            if (parts.TryGetValue("BYMONTHDAY", out var monthDay))
            {
                text.Append(monthDay == "-1" ? " on the last day" : " on day " + monthDay);
            }
        }
        if (parts.TryGetValue("COUNT", out var count))
        {
            text.Append(", ").Append(count).Append(" times");
        }
        if (parts.TryGetValue("UNTIL", out var until) && until.Length >= 8
            && DateOnly.TryParseExact(until[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            text.Append(", until ").Append(end.ToString("d MMM yyyy", English));
        }
        if (repeatFrom == Contract.RepeatFromValues.Completion)
        {
            text.Append(", counted from completion");
        }
        return text.ToString();
    }

    // A monthly rule's "1MO" is the month's first Monday, "-1FR" its last Friday; a plain "MO" is each Monday.
    private static string NthDayName(string code)
    {
        var nth = code.Length > 2 ? code[..^2] switch
        {
            "1" or "+1" => "first",
            "2" or "+2" => "second",
            "3" or "+3" => "third",
            "4" or "+4" => "fourth",
            "5" or "+5" => "fifth",
            "-1" => "last",
            "-2" => "second to last",
            _ => null,
        } : null;
        return nth is null ? DayName(code) : $"the {nth} {DayName(code)}";
    }

    private static string DayName(string code) => code.Length >= 2 ? code[^2..] switch
    {
        "MO" => "Mon",
        "TU" => "Tue",
        "WE" => "Wed",
        "TH" => "Thu",
        "FR" => "Fri",
        "SA" => "Sat",
        "SU" => "Sun",
        _ => code,
    } : code;

    /// <summary>A piece of a description: text to show as it is, or a web address to show as a link to itself.</summary>
    public readonly record struct DescriptionPart(string Text, bool IsLink);

    /// <summary>
    /// A description cut into text and http(s) addresses, in order, so that the page can render the text as text (escaped,
    /// line breaks kept by CSS) and each address as a link. Only http and https are links: "javascript:", "data:" and the
    /// like stay text. Punctuation that ends a sentence after an address ("see https://x.org.") is not part of it, nor
    /// a closing bracket the address did not open ("(https://x.org)").
    /// </summary>
    public static IReadOnlyList<DescriptionPart> DescriptionParts(string? description)
    {
        var parts = new List<DescriptionPart>();
        if (string.IsNullOrEmpty(description))
        {
            return parts;
        }
        var at = 0;
        foreach (Match match in WebAddress().Matches(description))
        {
            var address = TrimTrailing(match.Value);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.Host.Length == 0)
            {
                continue;
            }
            if (match.Index > at)
            {
                parts.Add(new(description[at..match.Index], IsLink: false));
            }
            parts.Add(new(address, IsLink: true));
            at = match.Index + address.Length;
        }
        if (at < description.Length)
        {
            parts.Add(new(description[at..], IsLink: false));
        }
        return parts;
    }

    private static string TrimTrailing(string address)
    {
        while (address.Length > 0)
        {
            var last = address[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*')
            {
                address = address[..^1];
            }
            else if ((last == ')' && address.Count(c => c == '(') < address.Count(c => c == ')'))
                || (last == ']' && address.Count(c => c == '[') < address.Count(c => c == ']')))
            {
                address = address[..^1];
            }
            else
            {
                return address;
            }
        }
        return address;
    }

    // An address runs to the next space, quote or angle bracket (which an address never holds unescaped).
    [GeneratedRegex(@"\bhttps?://[^\s<>""“”‘’]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();
}
