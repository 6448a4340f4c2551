using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// Reads how a message points at tasks: by number ("3", "#3", "task 3", "tasks 2 and 4") or by words of a
/// title ("the milk one"). Filler words are dropped here and again when titles are compared
/// (<see cref="TitleMatcher"/>), so "the rent task" and "rent" find the same task.
/// </summary>
internal static partial class TaskReference
{
    /// <summary>Words that never identify a task: articles, "one", "task", possessives, linking words.</summary>
    public static readonly HashSet<string> StopWords =
    [
        "the", "a", "an", "one", "ones", "task", "tasks", "my", "about", "that", "this", "those", "these", "item", "items",
        "thing", "things", "called", "named", "titled", "todo", "with", "for", "of", "to", "on", "in", "at", "it", "is", "entry",
    ];

    // Words that may surround numbers: "task number 3", "no. 3", "tasks 2 and 4", "ids 5 & 6".
    private static readonly HashSet<string> NumberWords =
        ["the", "task", "tasks", "number", "numbers", "no", "nr", "item", "items", "id", "ids", "and", "one", "ones", "my"];

    private static readonly HashSet<string> Everything =
        ["all", "everything", "every", "each", "completed", "done", "finished", "pending", "list", "whole", "entire"];

    // "the last task": the one the conversation last acted on (the one just added, usually), as "it" is; right after a
    // list of several, the last one that list showed (TaskTarget.SaysLast).
    private static readonly HashSet<string> Pronouns =
        ["it", "that", "this", "that one", "this one", "the last one", "last one", "the last task", "last task", "the latest one", "the latest task"];

    private static readonly HashSet<string> LastWords = ["the last one", "last one", "the last task", "last task"];

    // "the second one", "the 3rd task on the list", "the first and the third": places in a list the agent showed.
    private static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    // "both", "them", "all of them", "those two", "all 3": the tasks the previous reply listed (TaskTarget.Listed). Said
    // with a title's words ("both milk ones", "all the milk"), they are every task those words match instead.
    private static readonly HashSet<string> ListedWords = ["both", "them", "those", "these"];

    private static readonly HashSet<string> ListedFillers = ["all", "each", "every", "one", "ones", "of", "the", "task", "tasks", "items", "please"];

    private static readonly string[] CountWords = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static readonly HashSet<string> PositionFillers =
        ["the", "one", "ones", "task", "tasks", "item", "items", "thing", "entry", "on", "in", "of", "from", "list", "my", "your", "that", "this", "and", "shown"];

    public static TaskTarget? Parse(string text)
    {
        var words = Phrase.Words(text);
        if (Pronouns.Contains(string.Join(' ', words)))
        {
            return LastWords.Contains(string.Join(' ', words)) ? TaskTarget.It with { SaysLast = true } : TaskTarget.It;
        }
        if (IsNewest(words))
        {
            return TaskTarget.Newest;
        }
        if (ListedSaid(words) is { } listed)
        {
            return listed;
        }
        if (Positions(words) is { Count: > 0 } positions)
        {
            return new TaskTarget([], []) { Positions = positions };
        }
        var numbers = words.Where(w => !NumberWords.Contains(w)).ToList();
        if (numbers.Count > 0 && numbers.All(IsId))
        {
            return new TaskTarget([.. numbers.Select(n => long.Parse(n, CultureInfo.InvariantCulture)).Distinct()], []);
        }
        if (EveryMatchSaid(words) is { Count: > 0 } every && MeaningfulWords(every) is { Count: > 0 } named)
        {
            // "both the milk and the eggs": still two tasks named, each by its words.
            return new TaskTarget([], named) { EveryMatch = true, Parts = Several(Quantifier().Replace(text, "")) };
        }
        var meaningful = MeaningfulWords(words);
        return meaningful.Count == 0 ? null : new TaskTarget([], meaningful) { Parts = Several(text) };
    }

    [GeneratedRegex(@"^\s*(?:all|every|both)\s+(?:(?:of|the|my)\s+)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantifier();

    // "all the milk", "all of the milk tasks", "every milk task", "both milk ones": the words after the quantifier, which
    // are to act on every task they match rather than ask which one; empty when the words do not start so.
    private static IReadOnlyList<string> EveryMatchSaid(IReadOnlyList<string> words) =>
        words.Count > 1 && words[0] is "all" or "every" or "both" ? [.. words.Skip(1).SkipWhile(w => w is "of" or "the" or "my")] : [];

    /// <summary>
    /// "the eggs and the bread", "eggs, bread and milk": the meaningful words of each task when the words may name
    /// several (split at commas, semicolons, "&amp;" and "and"), or none when they name one. Whether they do is only known
    /// once the tasks are seen: "salt and pepper" may be one task's title, which is looked for first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Several(string text)
    {
        var parts = new List<IReadOnlyList<string>>();
        foreach (var piece in text.Split([',', ';', '&']))
        {
            var rest = piece;
            while (Phrase.TrySplit(rest, ["and also", "and"], out var before, out var after))
            {
                Add(before);
                rest = after;
            }
            Add(rest);
        }
        return parts.Count > 1 ? parts : [];

        // "both the milk and the eggs", "the milk and also the eggs": words about the list, not of a title.
        void Add(string piece)
        {
            if (MeaningfulWords(Phrase.Words(piece)).SkipWhile(w => w is "both" or "also").ToList() is { Count: > 0 } words)
            {
                parts.Add(words);
            }
        }
    }

    /// <summary>
    /// "both", "them", "all of them", "each of them", "those two", "the three", "all 3": the tasks the previous reply
    /// listed, with the count said (2 for "both"), or null when the words say anything else. A bare number stays a task's
    /// ("delete 3"); with "all" it is a count ("all 3").
    /// </summary>
    private static TaskTarget? ListedSaid(IReadOnlyList<string> words)
    {
        var said = words.Where(w => !ListedFillers.Contains(w)).ToList();
        var counts = said.Where(w => !ListedWords.Contains(w)).ToList();
        int? count = counts switch
        {
            [] => said.Contains("both") ? 2 : null,
            [var n] when Array.IndexOf(CountWords, n) is var at and >= 0 => at + 2,
            [var n] when words.Contains("all") && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 2 => number,
            _ => -1,
        };
        var pointsBack = said.Any(ListedWords.Contains) || (counts.Count == 1 && words.Any(w => w is "all" or "the"));
        return count != -1 && pointsBack && !(said.Contains("both") && count != 2) ? new TaskTarget([], []) { Listed = true, ListedCount = count } : null;
    }

    /// <summary>
    /// "the second one", "the 2nd", "the first and the third", "the last on the list": 1-based places in a list the
    /// agent showed, <see cref="TaskTarget.Last"/> for the last; empty when the words say anything else ("the first aid kit").
    /// </summary>
    public static IReadOnlyList<int> Positions(IReadOnlyList<string> words)
    {
        var said = words.Where(w => !PositionFillers.Contains(w)).Select(Ordinal).ToList();
        return said.Count > 0 && said.All(p => p is not null) ? [.. said.Select(p => p!.Value).Distinct()] : [];
    }

    private static int? Ordinal(string word)
    {
        if (word == "last")
        {
            return TaskTarget.Last;
        }
        var index = Array.IndexOf(Ordinals, word);
        if (index >= 0)
        {
            return index + 1;
        }
        // "1st", "2nd", "23rd", "11th".
        return word.Length is >= 3 and <= 5 && word[^2..] is "st" or "nd" or "rd" or "th" && int.TryParse(word[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : null;
    }

    /// <summary>"all", "everything", "all my completed tasks": more than the agent acts on at once.</summary>
    public static bool IsEverything(string text)
    {
        var words = Phrase.Words(text).Where(w => !StopWords.Contains(w)).ToList();
        return words.Any(w => w is "all" or "everything" or "every") && words.All(Everything.Contains);
    }

    /// <summary>"it", "that": the task the conversation last acted on.</summary>
    public static bool IsPronoun(string text) => Pronouns.Contains(string.Join(' ', Phrase.Words(text)));

    /// <summary>"the task I just added", "the last one I added", "my newest task", "what I just added": the task added last.</summary>
    public static bool IsNewest(IReadOnlyList<string> words) => Newest().IsMatch(string.Join(' ', words));

    public static IReadOnlyList<string> MeaningfulWords(IEnumerable<string> words) => [.. words.Where(w => !StopWords.Contains(w))];

    // Read from the words (lower case, apostrophes dropped: "I've" is "ive"). "The last one" alone is "it" (above): the task
    // the conversation last acted on. Said with "added" (or "newest"), it is the task added last.
    [GeneratedRegex(@"^(?:(?:the|my) )?(?:(?:very )?(?:newest|most recent|most recently added|last added|latest added|recently added|just added) (?:task|one|thing|item|todo|entry)|(?:(?:very )?(?:last|latest|newest|most recent) )?(?:task|one|thing|item|todo|entry) (?:that |which )?(?:i|you|we|ive|youve) (?:have )?(?:just |last |most recently |recently )?(?:added|created|made|entered|put in|put down|wrote down|noted)(?: last| just now| a moment ago| earlier)?|newest|(?:latest|last|newest|most recent) addition)$|^what(?:ever)? (?:i|you|ive|youve) (?:have )?(?:just )?(?:added|created|made)(?: last| just now)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Newest();

    // Up to 18 digits always fits a long; a task id is positive.
    private static bool IsId(string word) =>
        word.Length is > 0 and <= 18 && word.All(char.IsAsciiDigit) && word.Any(c => c != '0');
}

/// <summary>
/// The tasks a message points at: ids when it gave numbers ("3", "#3", "tasks 2 and 4"), "it" (the task the
/// conversation last acted on), places in the last list shown ("the second one"), the newest ("the task I just added": the one this conversation added last, else the
/// user's task with the highest number), otherwise the meaningful words of a title ("the milk one" gives "milk"), which
/// need a list_tasks lookup first.
/// </summary>
internal sealed record TaskTarget(IReadOnlyList<long> Ids, IReadOnlyList<string> Words, bool IsIt = false, bool IsNewest = false)
{
    public static TaskTarget It { get; } = new([], [], IsIt: true);

    public static TaskTarget Newest { get; } = new([], [], IsNewest: true);

    /// <summary>"the last one": <see cref="Positions"/>' word for the last place in the list.</summary>
    public const int Last = -1;

    public bool ByNumber => Ids.Count > 0;

    /// <summary>Places in the last list the agent showed, from 1 (<see cref="Last"/> for the last): "the second one".</summary>
    public IReadOnlyList<int> Positions { get; init; } = [];

    public bool ByPosition => Positions.Count > 0;

    /// <summary>"it" said as "the last one": right after a list of several, the last task it showed.</summary>
    public bool SaysLast { get; init; }

    /// <summary>"all the milk": every task the words match is meant, so several matches are acted on, not asked about.</summary>
    public bool EveryMatch { get; init; }

    /// <summary>The words of each task when the words may name several ("the eggs and the bread"), else empty.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Parts { get; init; } = [];

    /// <summary>"both", "them", "all of them": the tasks the previous reply listed (<see cref="TaskReference"/>).</summary>
    public bool Listed { get; init; }

    /// <summary>How many of them were said ("both": 2, "those three": 3), or null for "them", "all of them".</summary>
    public int? ListedCount { get; init; }

    public bool ByWords => Ids.Count == 0 && !IsIt && !IsNewest && !ByPosition && !Listed;

    public string Phrase => string.Join(' ', Words);
}
