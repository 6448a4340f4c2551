namespace TaskChat.Agent;

/// <summary>
/// A message that says when before what: "every monday take out the trash", "tomorrow call mom", "on friday: pay rent".
/// People write a task so as often as with the when at the end, where the rest of the agent reads it; before, these
/// three were "Sorry, I didn't quite get that".
/// </summary>
internal static class LeadingWhen
{
    /// <summary>The most words a leading when takes ("on the first monday of every month" is seven).</summary>
    private const int MostWords = 8;

    /// <summary>
    /// The message with its leading when moved to the end ("take out the trash every monday"), or null when it does not
    /// begin with a due date or a repeat followed by a verb that starts a task ("each morning stretch"; "tomorrow is
    /// busy" is not).
    /// </summary>
    public static string? MovedToEnd(string text, UserClock clock)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < Math.Min(parts.Length, MostWords + 1); i++)
        {
            // A verb that starts a task, or "I need to", "I have to", "I should", "I've got to" before one ("tomorrow I need
            // to call the bank", which the add reads as "I need to call the bank tomorrow"), or something they have or that
            // is on ("tomorrow I have a dentist appointment at 3pm", "on thursday there's a team lunch").
            if (!(Phrase.Words(parts[i]) is [var next] && Verbs.IsImperative(next)) && !SubjectFirst(parts[i..]))
            {
                continue;
            }
            var when = string.Join(' ', parts[..i]).TrimEnd(':', ',', '-', ';').TrimEnd();
            var what = string.Join(' ', parts[i..]);
            // "for friday: call the bank, book flights": a when before a list is each item's, which the add reads there; at
            // the end it would be the last item's alone.
            if (what.IndexOfAny([',', ';']) < 0 && IsWhen(when, clock))
            {
                return what + " " + when;
            }
        }
        return null;
    }

    /// <summary>
    /// "tomorrow milk", "friday: the garage": a day said before one to four words with no verb, which may name a task (a
    /// note on a list is written so), as those words with the day at the end ("milk tomorrow"); null for anything else: a
    /// list after the day ("tomorrow: eggs, bread"), a date alone ("friday the 13th"), a time alone.
    /// </summary>
    public static string? DayThenName(string text, UserClock clock)
    {
        if (When.ParseWhole(text, clock) is not null)
        {
            return null;
        }
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = Math.Max(1, parts.Length - 4); i < Math.Min(parts.Length, MostWords + 1); i++)
        {
            var when = string.Join(' ', parts[..i]).TrimEnd(':', ',', '-', ';').TrimEnd();
            var what = string.Join(' ', parts[i..]);
            // A time alone ("at 5 milk") is no day, and a verb makes it a task to add, which MovedToEnd reads.
            if (what.IndexOfAny([',', ';', ':']) < 0 && When.ParseWhole(when, clock) is { DayFromTime: false }
                && Phrase.Words(what) is [var first, ..] && !Verbs.IsImperative(first))
            {
                return what + " " + when;
            }
        }
        return null;
    }

    private static bool SubjectFirst(string[] words) =>
        Phrase.Words(string.Join(' ', words.Take(4))) is ["i", "need" or "have" or "must" or "should" or "gotta" or "got", ..] or ["ive" or "i've", "got", ..]
            or ["there's" or "theres", ..] or ["there", "is", ..];

    private static bool IsWhen(string text, UserClock clock) =>
        When.ParseWhole(text, clock) is not null
        || (Repeats.TryExtract(text, out var rest, out _, timeAfter: true) && (rest.Length == 0 || When.ParseWhole(rest, clock) is not null))
        || Phrase.Words(text) is ["every" or "each", "morning" or "afternoon" or "evening" or "night"];
}
