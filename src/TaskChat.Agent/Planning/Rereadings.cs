using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// Other readings of a message that no skill read as it was said, tried in turn before the fallback: the first word's
/// slip mended ("ad milk", "delet the milk", "remnd me to call mom"), then the request after a preamble ("ok so this week
/// is crazy. I need to finish the slides by thursday", "I'm done for today, move the rest to tomorrow"). Only ever tried on a message not understood, so a message that
/// means something as said is never read another way.
/// </summary>
internal static partial class Rereadings
{
    // The verbs a slip is mended to: long enough that one letter off is still plainly them. Short everyday words with
    // many neighbours ("list": lost, "move": more, "mark": park, "show": shop) are left out: a slip there would turn
    // another message into a command.
    private static readonly string[] SlipVerbs =
        ["add", "delete", "remove", "remind", "complete", "finish", "rename", "change", "postpone", "schedule", "cancel", "create", "reschedule"];

    public static IEnumerable<string> Of(string message)
    {
        var text = message.Trim();
        if (FirstWord().Match(text) is { Success: true } first && Slip(first.Value) is { } verb)
        {
            yield return verb + text[first.Length..];
        }
        // Each sentence after the first starts a reading of the rest; then each clause after a comma ("I'm done for today,
        // move the rest to tomorrow"), not after a condition ("if it rains, cancel the picnic"), which the request alone
        // would drop.
        var ends = SentenceEnd().Matches(text).Concat(Condition().IsMatch(text) ? [] : ClauseEnd().Matches(text));
        foreach (var end in ends)
        {
            var rest = text[(end.Index + end.Length)..];
            if (rest.Length > 0)
            {
                yield return rest;
            }
        }
    }

    /// <summary>The verb <paramref name="word"/> is one slip from (a letter missing, extra, wrong or two swapped), its first letter right.</summary>
    internal static string? Slip(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < 2 || SlipVerbs.Contains(lower))
        {
            return null;
        }
        return SlipVerbs.FirstOrDefault(v => v[0] == lower[0] && Math.Abs(v.Length - lower.Length) <= 1 && TitleMatcher.Distance(lower, v) == 1);
    }

    [GeneratedRegex(@"^\p{L}+")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"[.!?]+\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@",\s+")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^(?:if|when|whenever|unless|once|after|before|until|till|in case)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Condition();
}
