using TaskChat.Contract;
using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// Priority and tags written into a message: "high priority", "urgent", "important", "!!" (high), "low priority",
/// "!high", "!low" (as Todoist and TickTick write them), "#work" (a tag). They are taken out of the text, so the title is what is left.
/// </summary>
internal static partial class Markers
{
    /// <summary>
    /// Two or more "!" ending the line as typed ("fix the sink!!", "pay rent friday !!"): where they start and how many,
    /// or null. Cleaning a message drops its closing punctuation before the readers see it, so the adds read these here.
    /// </summary>
    public static (int Start, int Length)? TrailingBangs(string typed)
    {
        var end = typed.TrimEnd().Length;
        var start = end;
        while (start > 0 && typed[start - 1] == '!')
        {
            start--;
        }
        return end - start >= 2 ? (start, end - start) : null;
    }

    public static bool TryExtractPriority(string text, out string rest, out string priority)
    {
        rest = text;
        priority = "";
        if (PriorityWords().Match(text) is { Success: true } words)
        {
            priority = Normalize(words.Groups["level"].Value);
            rest = Collapse(text.Remove(words.Index, words.Length));
            return true;
        }
        if (BangWord().Match(text) is { Success: true } bangWord)
        {
            priority = Normalize(bangWord.Groups["level"].Value);
            rest = Collapse(text.Remove(bangWord.Index, bangWord.Length));
            return true;
        }
        if (Bangs().Match(text) is { Success: true } bangs)
        {
            priority = bangs.Groups["bangs"].Length >= 2 ? TaskPriorities.High : TaskPriorities.Medium;
            rest = Collapse(text.Remove(bangs.Index, bangs.Length));
            return true;
        }
        return false;
    }

    /// <summary>"high", "urgent", "top", "important" give high; "normal"/"medium" medium; "low" low; "no" none.</summary>
    public static string Normalize(string level) => level.ToLowerInvariant() switch
    {
        "high" or "urgent" or "top" or "important" or "highest" or "critical" => TaskPriorities.High,
        "medium" or "normal" or "mid" => TaskPriorities.Medium,
        "low" or "lowest" or "minor" => TaskPriorities.Low,
        _ => TaskPriorities.None,
    };

    /// <summary>The "#home" tags of <paramref name="text"/> (lower case), and the text without them; those in <paramref name="except"/> (lower case, without '#') are left in it as typed.</summary>
    public static IReadOnlyList<string> ExtractTags(string text, out string rest, IReadOnlySet<string>? except = null)
    {
        bool Read(Match tag) => except is null || !except.Contains(tag.Groups["tag"].Value.ToLowerInvariant());
        var tags = HashTag().Matches(text).Where(Read).Select(m => m.Groups["tag"].Value.ToLowerInvariant()).Distinct().ToList();
        rest = tags.Count == 0 ? text : Collapse(HashTag().Replace(text, m => Read(m) ? "" : m.Value));
        return tags;
    }

    /// <summary>The "#tags" ending <paramref name="text"/> split off it (" #bills", with its space), and the text before them.</summary>
    public static (string Before, string Tags) SplitTrailingTags(string text) =>
        TrailingTags().Match(text) is { Success: true, Index: > 0 } tags ? (text[..tags.Index], tags.Value.TrimEnd()) : (text, "");

    /// <summary>A list's name said in words as its tag: "party supplies" is #party-supplies, as people write a tag of two words.</summary>
    public static string? ListTag(string name) => Tag(string.Join('-', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>A label as the tools take it: lower case, letters, digits, '-' and '_', at most 32 characters.</summary>
    public static string? Tag(string word)
    {
        var tag = new string([.. word.Trim().TrimStart('#').ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);
        return tag.Length is > 0 and <= 32 ? tag : null;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim().Trim(',', ';', ':', '-').Trim();

    [GeneratedRegex(@"(?:^|\s|,)(?:(?:with|as|at|,)\s+)?(?:(?:a|an)\s+)?(?<level>high|low|medium|normal|top|urgent|highest|lowest)[\s-]+priority\b|(?:^|\s|,)(?:it'?s\s+|it\s+is\s+)?(?<level>urgent|important)(?=\s*[.!]*$)|^(?<level>urgent|important)\s*[:!-]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorityWords();

    [GeneratedRegex(@"(?:^|\s)(?<bangs>!{1,3})(?=\s|$)|(?<=\w)(?<bangs>!{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Bangs();

    [GeneratedRegex(@"(?:^|\s)!(?<level>high|medium|normal|low|urgent|top)(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BangWord();

    [GeneratedRegex(@"(?:^|(?<=\s))#(?<tag>[\p{L}\p{N}_-]{1,32})\b", RegexOptions.CultureInvariant)]
    private static partial Regex HashTag();

    [GeneratedRegex(@"(?:\s+#[\p{L}\p{N}_-]{1,32}\b)+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTags();
}
