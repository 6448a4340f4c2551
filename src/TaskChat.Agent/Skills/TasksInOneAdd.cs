using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// The words of an add that may name several tasks ("add eggs, bread and milk", "add a #home tomorrow, b friday"): where
/// one task ends and the next begins, a "not" that clarifies the task before it, and whose tags are whose.
/// </summary>
internal static partial class TasksInOneAdd
{
    /// <summary>
    /// "add buy milk, not oat milk", "add call mom tomorrow, not today", "add buy milk but not the oat one": a part that
    /// says what the task is not clarifies the one before it, and is no task of its own (before, “Not oat milk” was added
    /// too). "not" inside a title stays ("add do not disturb sign"), as does a part after a comma that does not start with it.
    /// </summary>
    public static string WithoutNotClauses(string text, UserClock clock) =>
        NotClause().Replace(text, clause => When.TryExtract(clause.Groups["not"].Value, clock, out var before, out _) && before.Length > 0
            && clause.Groups["not"].Value is var said && said.StartsWith(before, StringComparison.Ordinal)
            ? " " + said[before.Length..].Trim() // "add buy milk, not oat milk, tomorrow" is still due tomorrow
            : "").Trim();

    /// <summary>
    /// "add buy milk - not oat milk", "add call Bob — re: contract": the words after a dash with spaces around it say more
    /// about the task before it, its description (before, “Buy milk - not oat milk” was the title). Not a dash without
    /// spaces ("2-for-1 coupons", "chapters 3-5"), nor one that reads as part of the title or a date: a number after it
    /// (a range, "pages 10 - 20", "9am - 5pm"), a date alone ("meeting - tomorrow 3pm", read as the due date), words all
    /// capitalised (a subtitle, "watch Star Wars - A New Hope"), or a list before it ("eggs, bread - …").
    /// </summary>
    public static bool TrySplitDash(string text, UserClock clock, out string title, out string description)
    {
        (title, description) = (text, "");
        if (SpacedDash().Match(text) is not { Success: true } dash)
        {
            return false;
        }
        var before = text[..dash.Index].Trim();
        var after = text[(dash.Index + dash.Length)..].Trim();
        if (Phrase.Words(before).Count == 0 || after.Length == 0 || before.IndexOfAny([',', ';']) >= 0 || char.IsDigit(after[0])
            || When.ParseWhole(after, clock) is not null || IsSubtitle(after))
        {
            return false;
        }
        (title, description) = (before, after);
        return true;
    }

    private static bool IsSubtitle(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var each && each.Any(w => char.IsLetter(w[0]))
        && each.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]));

    [GeneratedRegex(@"\s+(?:--?|–|—)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDash();

    /// <summary>
    /// The tags of each task of a list, when a task before the last has tags of its own ("add a #home tomorrow, b friday":
    /// “A” is #home, “B” is not); null when the tags are every task's: said at the end ("add milk, eggs #shopping") or at
    /// the start ("add #shopping milk, eggs"), which tags every task as before. Tags at the start of the list are every
    /// task's either way.
    /// </summary>
    public static List<IReadOnlyList<string>>? TagsOfEach(string text)
    {
        var parts = Titles(text);
        if (parts.Count < 2)
        {
            return null;
        }
        var lead = LeadingTags().Match(parts[0]);
        var leading = Markers.ExtractTags(lead.Value, out _);
        parts[0] = parts[0][lead.Length..];
        var own = parts.Select(p => Markers.ExtractTags(p, out _)).ToList();
        if (own.Take(own.Count - 1).All(t => t.Count == 0))
        {
            return null;
        }
        return [.. own.Select(t => (IReadOnlyList<string>)[.. leading.Concat(t).Distinct()])];
    }

    [GeneratedRegex(@"^(?:#[\p{L}\p{N}_-]{1,32}\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTags();

    // ", not oat milk" or "; not today" up to the next comma; " but not …" and a trailing " not the …" without one, unless
    // the word before makes "not" part of the title ("do not", "is not", "whether or not").
    [GeneratedRegex(@"\s*[,;]\s*(?:(?:and|but)\s+)?not\s+(?<not>[^,;]+)|\s+but\s+not\s+(?<not>[^,;]+)|(?<!\b(?:do|does|did|is|are|was|were|am|be|can|could|should|would|will|must|may|might|or|if|whether|why|dont|doesnt|didnt))\s+(?:and\s+)?not\s+(?<not>(?:the|a|an|my|that|this)\s+[^,;]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotClause();

    // Quoted titles are taken as they are; commas and semicolons separate tasks, and so does "and" in a list with
    // commas ("eggs, bread and milk") or between pieces that each start with a verb ("buy milk and call mom").
    // Otherwise "and" belongs to the title ("salt and pepper", "fish and chips").
    public static List<string> Titles(string text)
    {
        var quoted = Phrase.QuotedSegments(text);
        if (quoted.Count > 0)
        {
            return [.. quoted];
        }
        var parts = text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var isList = parts.Count > 1;
        return [.. parts.SelectMany(part => SplitOnAnd(part, isList))];
    }

    private static List<string> SplitOnAnd(string part, bool isList)
    {
        Phrase.TryStripStart(part, ["and also", "and", "&"], out var rest);
        // "add milk and also call mom": "also" says there is another task, whatever its first word.
        var also = false;
        var pieces = new List<string>();
        while (Phrase.TrySplit(rest, ["and also", "and", "&"], out var before, out var after))
        {
            also |= Phrase.TrySplit(rest, ["and also"], out var beforeAlso, out _) && beforeAlso == before;
            pieces.Add(before);
            rest = after;
        }
        pieces.Add(rest);
        var separate = isList || also || pieces.All(p => Phrase.Words(p) is [var first, ..] && Agent.Verbs.IsImperative(first));
        return pieces.Count > 1 && !separate ? [string.Join(" and ", pieces)] : pieces;
    }
}
