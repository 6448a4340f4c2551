namespace TaskChat.Agent;

/// <summary>
/// Which characters of a typed line each reading step took out. The readers work on text and hand back what is left
/// (and may reword it: "gym every tuesday evening" leaves "gym in the evening" for the due date), so each step's words are
/// lined up with the words before it (a longest common subsequence, ignoring case and edge punctuation): the words that
/// went are that step's, located by the typed word they came from; words a reader made up locate nothing.
/// </summary>
internal static class WordSpans
{
    private readonly record struct Word(string Key, int Start, int End)
    {
        public bool IsTyped => Start >= 0;
    }

    private static readonly char[] EdgePunctuation = ['.', ',', ';', ':', '!', '?', '-', '–', '—', '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']'];

    /// <param name="typed">The line as typed: the parts locate characters in it.</param>
    /// <param name="cleaned">The line as the readers got it (whitespace collapsed, closing punctuation dropped).</param>
    /// <param name="steps">Each step's text afterwards, in order.</param>
    /// <param name="name">A kind as the parts name it.</param>
    public static IReadOnlyList<Contract.ParsedPart> PartsOf(
        string typed, string cleaned, IReadOnlyList<TaskWordStep> steps, Func<TaskWordKinds, string> name)
    {
        var read = new List<(TaskWordKinds Kind, Word Word)>();
        var current = Align(Located(typed), cleaned, null, read);
        foreach (var step in steps)
        {
            current = Align(current, step.After, step.Kind, read);
        }
        var parts = new List<Contract.ParsedPart>();
        foreach (var (kind, word) in read.OrderBy(r => r.Word.Start))
        {
            // One part for a run of words of one kind with nothing but spaces and punctuation between them; but each tag its
            // own ("#home #bills": two), so that each can be kept as typed.
            if (kind != TaskWordKinds.Tags && parts.Count > 0 && parts[^1] is var last && last.Kind == name(kind)
                && typed[(last.Start + last.Length)..word.Start].All(c => char.IsWhiteSpace(c) || EdgePunctuation.Contains(c)))
            {
                parts[^1] = last with { Length = word.End - last.Start, Text = typed[last.Start..word.End] };
                continue;
            }
            parts.Add(new(name(kind), word.Start, word.End - word.Start, typed[word.Start..word.End]));
        }
        return parts;
    }

    private static List<Word> Located(string text)
    {
        var words = new List<Word>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            words.Add(new(Key(text[start..i]), start, i));
        }
        return words;
    }

    /// <summary>The words of <paramref name="after"/>, each located where its match in <paramref name="before"/> was; the unmatched words of before are <paramref name="kind"/>'s.</summary>
    private static List<Word> Align(List<Word> before, string after, TaskWordKinds? kind, List<(TaskWordKinds, Word)> read)
    {
        var next = Located(after);
        var (n, m) = (before.Count, next.Count);
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = before[i].Key == next[j].Key ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var aligned = new List<Word>(m);
        var (a, b) = (0, 0);
        while (a < n || b < m)
        {
            if (a < n && b < m && before[a].Key == next[b].Key && common[a, b] == common[a + 1, b + 1] + 1)
            {
                aligned.Add(before[a]);
                (a, b) = (a + 1, b + 1);
            }
            else if (a < n && (b == m || common[a + 1, b] >= common[a, b + 1]))
            {
                if (kind is { } k && before[a].IsTyped)
                {
                    read.Add((k, before[a]));
                }
                a++;
            }
            else
            {
                aligned.Add(next[b] with { Start = -1, End = -1 });
                b++;
            }
        }
        return aligned;
    }

    private static string Key(string word)
    {
        var lower = word.Replace('’', '\'').ToLowerInvariant();
        var trimmed = lower.Trim(EdgePunctuation);
        return trimmed.Length > 0 ? trimmed : lower;
    }
}
