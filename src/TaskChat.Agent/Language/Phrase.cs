using System.Text;

namespace TaskChat.Agent;

/// <summary>
/// Small, readable text operations the intent parser is built from: phrases are matched case-insensitively
/// on whole words, while the text that becomes a title keeps the user's own casing.
/// </summary>
internal static class Phrase
{
    private static readonly char[] Quotes = ['"', '\'', '“', '”', '‘', '’', '`', '«', '»'];

    /// <summary>Collapses whitespace, straightens apostrophes and drops the closing punctuation of a sentence.</summary>
    public static string Clean(string text)
    {
        var collapsed = string.Join(' ', text.Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return TrimEdges(collapsed);
    }

    private static readonly HashSet<string> YesWords =
        ["yes", "y", "yes please", "yep", "yeah", "yup", "sure", "ok", "okay", "go ahead", "do it", "confirm", "yes delete them", "yes do it", "please do", "yes add it", "add it"];

    /// <summary>"yes", "yep", "sure", "go ahead": a yes to the question the previous reply asked.</summary>
    public static bool IsYes(string message) => YesWords.Contains(string.Join(' ', Words(Clean(message))));

    /// <summary>When text starts with one of the phrases (as whole words), returns what follows it.</summary>
    public static bool TryStripStart(string text, IEnumerable<string> phrases, out string rest)
    {
        // The longest phrase that matches wins ("mark as done" over "mark"). Found in one pass: every message runs this
        // against dozens of lists, and sorting each list on every call was most of the agent's time (issue 13).
        var longest = -1;
        foreach (var phrase in phrases)
        {
            if (phrase.Length > longest && text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase) && IsBoundary(text, phrase.Length))
            {
                longest = phrase.Length;
            }
        }
        rest = longest < 0 ? text : TrimEdges(text[longest..]);
        return longest >= 0;
    }

    /// <summary>When text ends with one of the phrases (as whole words), returns what comes before it.</summary>
    public static bool TryStripEnd(string text, IEnumerable<string> phrases, out string rest)
    {
        // The longest phrase that matches wins, found in one pass (as in TryStripStart).
        var longest = -1;
        foreach (var phrase in phrases)
        {
            var start = text.Length - phrase.Length;
            if (phrase.Length > longest && start >= 0 && text.EndsWith(phrase, StringComparison.OrdinalIgnoreCase) && IsBoundary(text, start))
            {
                longest = phrase.Length;
            }
        }
        rest = longest < 0 ? text : TrimEdges(text[..(text.Length - longest)]);
        return longest >= 0;
    }

    /// <summary>Splits at the first of the separators found (as whole words), e.g. "rename 3 to X" at " to ".</summary>
    public static bool TrySplit(string text, IEnumerable<string> separators, out string before, out string after)
    {
        var best = -1;
        var length = 0;
        foreach (var separator in separators)
        {
            var at = IndexOfWord(text, separator);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
                length = separator.Length;
            }
        }
        before = best < 0 ? text : TrimEdges(text[..best]);
        after = best < 0 ? "" : TrimEdges(text[(best + length)..]);
        return best >= 0;
    }

    /// <summary>Lower-case words without punctuation or apostrophes ("What's left?" gives whats, left).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    /// <summary>Removes quotes around a title and stray ones at its ends.</summary>
    public static string Unquote(string text) => TrimEdges(text.Trim().Trim(Quotes));

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The segments inside double quotes ("add "salt and pepper"" keeps its "and").</summary>
    public static IReadOnlyList<string> QuotedSegments(string text)
    {
        var segments = new List<string>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '"' or '“' or '”' or '«' or '»')
            {
                if (open < 0)
                {
                    open = i;
                }
                else
                {
                    segments.Add(text[(open + 1)..i]);
                    open = -1;
                }
            }
        }
        return segments;
    }

    private static int IndexOfWord(string text, string word)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }
            if (IsBoundary(text, at) && IsBoundary(text, at + word.Length))
            {
                return at;
            }
            from = at + 1;
        }
        return -1;
    }

    // A phrase matches whole words only: "add" must not match the start of "address".
    private static bool IsBoundary(string text, int index) =>
        index <= 0 || index >= text.Length || !char.IsLetterOrDigit(text[index - 1]) || !char.IsLetterOrDigit(text[index]);

    private static string TrimEdges(string text) => text.Trim().Trim(',', ';', ':', '.', '!', '?', '-', '–', '—').Trim();
}
