namespace TaskChat.Agent;

/// <summary>
/// Finds the tasks a few words point at ("milk" in "mark the milk one done"): a task matches when every
/// meaningful word of the query is a word of its title, ignoring case, filler words and simple endings
/// ("plants"/"plant", "watering"/"water"); failing that, words close to them ("by milk") or two of them written as one ("pickup").
/// When several match and one title is exactly the query, that one is meant ("buy milk" beside
/// "buy milk and eggs"); otherwise the caller asks rather than guesses.
/// </summary>
internal static class TitleMatcher
{
    public static IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks, IReadOnlyList<string> query)
    {
        if (query.Count == 0)
        {
            return [];
        }
        var matches = tasks.Where(t => ContainsAll(Phrase.Words(t.Title), query)).ToList();
        if (matches.Count == 0)
        {
            // A typo or a near miss ("by milk" for "buy milk"): every word close to a word of the title.
            return [.. tasks.Where(t => ContainsAllNearly(Phrase.Words(t.Title), query))];
        }
        if (matches.Count > 1)
        {
            var exact = matches.Where(t => TaskReference.MeaningfulWords(Phrase.Words(t.Title)).Select(Stem).SequenceEqual(query.Select(Stem))).ToList();
            if (exact.Count == 1)
            {
                return exact;
            }
        }
        return matches;
    }

    private static bool ContainsAllNearly(IReadOnlyList<string> titleWords, IReadOnlyList<string> query)
    {
        // Two words of the title written as one also count ("the kids pickup" for "Pick up the kids", "checkin" for "check in").
        var stems = titleWords.Select(Stem).Concat(titleWords.Zip(titleWords.Skip(1), (first, second) => Stem(first + second))).ToList();
        return query.All(word => stems.Any(stem => IsNear(Stem(word), stem)));
    }

    /// <summary>
    /// One letter added, dropped, changed or two swapped ("by"/"buy", "mlik"/"milk"); two for words of seven letters
    /// or more. Short words must share their first letter, so "a" never matches "I".
    /// </summary>
    internal static bool IsNear(string word, string other)
    {
        if (word == other)
        {
            return true;
        }
        if (word.Length < 2 || other.Length < 2 || word[0] != other[0] && Math.Min(word.Length, other.Length) < 5)
        {
            return false;
        }
        var allowed = Math.Min(word.Length, other.Length) >= 7 ? 2 : 1;
        return Math.Abs(word.Length - other.Length) <= allowed && Distance(word, other) <= allowed;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static bool ContainsAll(IReadOnlyList<string> titleWords, IReadOnlyList<string> query)
    {
        var stems = titleWords.Select(Stem).ToHashSet();
        return query.All(word => stems.Contains(Stem(word)));
    }

    /// <summary>
    /// A rough stem, enough for "eggs"/"egg", "watering"/"water" and "called"/"call" without a
    /// dictionary: a plural "s", then "ing" or "ed" (and a doubled last consonant: "shopping"/"shop").
    /// Short words stay as they are, so "bed" or "sing" are not cut down to nothing.
    /// </summary>
    internal static string Stem(string word)
    {
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            word = word[..^1];
        }
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed"])
        {
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                return stem.Length > 3 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;
            }
        }
        return word;
    }
}
