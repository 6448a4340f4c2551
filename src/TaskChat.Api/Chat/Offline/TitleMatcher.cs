namespace TaskChat.Api.Chat.Offline;

/// <summary>
/// Finds the tasks a few words point at ("milk" in "mark the milk one done"): a task matches when every
/// meaningful word of the query is a word of its title, ignoring case, filler words and simple endings
/// ("plants"/"plant", "watering"/"water").
/// When several match and one title is exactly the query, that one is meant ("buy milk" beside
/// "buy milk and eggs"); otherwise the caller asks rather than guesses.
/// </summary>
internal static class TitleMatcher
{
    public static IReadOnlyList<TaskSummary> Match(IReadOnlyList<TaskSummary> tasks, IReadOnlyList<string> query)
    {
        if (query.Count == 0)
        {
            return [];
        }
        var matches = tasks.Where(t => ContainsAll(Phrase.Words(t.Title), query)).ToList();
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
