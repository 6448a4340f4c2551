using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// The next message after "Which one: 1. “Pay rent” (#8) 2. “Pay the bills” (#9)?", read as its answer: a number ("2":
/// the place, "#9" or "9": the task), a place ("the first one", "the 2nd", "the last one"), "both" / "all of them" /
/// "all 3" (the request for each, when it suits several), "the one due friday" or "the one tagged home", words of one
/// candidate's title ("the oat one"), or "neither" / "never mind" (the question dropped). The request is the one that
/// asked, read again from its message; anything else is not an answer, and the skills read it as they would.
/// </summary>
internal static partial class WhichAnswer
{
    private static readonly HashSet<string> Nothing =
        ["neither", "neither of them", "neither one", "none", "none of them", "none of those", "never mind", "nevermind", "nvm", "no", "nope", "no thanks",
         "nothing", "cancel", "forget it", "forget about it", "leave it", "leave them", "leave it be", "not those", "not any of them", "skip it"];

    // Words around "both" and "all" that say nothing more: "both of them please", "all of those tasks".
    private static readonly HashSet<string> AllFillers = ["of", "them", "those", "these", "the", "ones", "tasks", "please", "do", "i", "mean", "meant"];

    private static readonly string[] Counts = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    public static SkillRequest? Read(Utterance utterance, AgentContext context, Func<Utterance, SkillRequest?> read)
    {
        if (context.Chat.Previous is not { } previous || !TargetedRequest.AsksWhich(previous.Reply) || Asking(context, read) is not { } asking)
        {
            return null;
        }
        var (asked, candidates) = asking;
        var said = Phrase.Words(Phrase.Clean(utterance.Raw));
        if (Nothing.Contains(string.Join(' ', said)))
        {
            return new Say("OK, never mind: I left them as they were.");
        }
        if (TaskReference.Parse(utterance.Text) is { ByNumber: true } chosen)
        {
            return previous.Reply.Contains(TargetedRequest.WhichOpening, StringComparison.Ordinal)
                ? Numbered(chosen.Ids, utterance.Raw, asked, candidates)
                : asked with { Target = chosen };
        }
        if (AllCount(said, candidates) is { } all)
        {
            return all == candidates.Count
                ? asked.For(candidates, candidates)
                : new Say(TargetedRequest.WhichQuestion(candidates, $"There are {candidates.Count}: say “{(candidates.Count == 2 ? "both" : "all of them")}” or one's number."));
        }
        var target = TaskReference.Parse(utterance.Text);
        if (target is { ByPosition: true } || target is { SaysLast: true })
        {
            var places = target.ByPosition ? target.Positions : [TaskTarget.Last];
            var found = places.Select(p => TargetedRequest.Placed(candidates, p)).ToList();
            return found.All(t => t is not null)
                ? asked.For([.. found.Select(t => t!).DistinctBy(t => t.Id)], candidates)
                : new Say(TargetedRequest.WhichQuestion(candidates, $"There are only {candidates.Count}: say “the first”, “the last” or a number."));
        }
        var described = Described(utterance.Text, candidates, context);
        if (described is [var one])
        {
            return asked.For([one], candidates);
        }
        // Words of one title: taken as they are, or as a near miss when no skill reads the message otherwise ("show my
        // tasks" is not a typo for "Buy gifts at the shop").
        return TaskReference.Parse(utterance.Text) is { ByWords: true } words && TitleMatcher.Match(candidates, words.Words) is [var titled]
            && (HasEvery(titled, words.Words) || read(utterance) is null)
            ? asked.For([titled], candidates)
            : null;
    }

    /// <summary>
    /// Numbers answering the question, which shows each task at its place and with its number ("1. “Pay rent” (#8)"): a
    /// number said as the task's ("#8", "task 8") is that task; a bare one is its place in the list ("2"), or the task
    /// with that number when no place has it ("8"). A bare number that is a place and another choice's number (“2” for
    /// “1. “Buy milk” (#2) 2. “Oat milk” (#5)”) is asked about, not guessed. A number of a task the question did not list
    /// is that task, as before.
    /// </summary>
    private static SkillRequest Numbered(IReadOnlyList<long> numbers, string raw, TargetedRequest asked, IReadOnlyList<TaskSnapshot> candidates)
    {
        var ids = new List<long>();
        foreach (var number in numbers)
        {
            var placed = number <= candidates.Count && !TaskNumber(raw, number) ? candidates[(int)number - 1] : null;
            var numbered = candidates.FirstOrDefault(c => c.Id == number);
            if (placed is not null && numbered is not null && placed.Id != numbered.Id)
            {
                var place = Replies.Ordinal((int)number);
                return new Say(TargetedRequest.WhichQuestion(candidates,
                    $"By “{number}”, do you mean the {place} (“{placed.Title}”) or #{number} (“{numbered.Title}”)? Say “the {place}” or “#{number}”."));
            }
            ids.Add(placed?.Id ?? number);
        }
        var chosen = ids.Distinct().Select(id => candidates.FirstOrDefault(c => c.Id == id)).ToList();
        return chosen.All(c => c is not null)
            ? asked.For([.. chosen.Select(c => c!)], candidates)
            : asked with { Target = new TaskTarget([.. ids.Distinct()], []) };
    }

    // "#8", "task 8", "id 8": the number is a task's, never a place.
    private static bool TaskNumber(string raw, long number) =>
        Regex.IsMatch(raw, $@"(?:#\s*|\btask\s+(?:number\s+|no\.?\s*)?|\bid\s+){number}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool HasEvery(TaskSnapshot task, IReadOnlyList<string> words)
    {
        var stems = Phrase.Words(task.Title).Select(TitleMatcher.Stem).ToHashSet();
        return words.All(w => stems.Contains(TitleMatcher.Stem(w)));
    }

    // The request that asked and the tasks its question listed. A question asked again ("both" to a rename: "I can only
    // rename one at a time") lists the same tasks: the turns back to the one whose request asked first are passed over.
    private static (TargetedRequest Asked, IReadOnlyList<TaskSnapshot> Candidates)? Asking(AgentContext context, Func<Utterance, SkillRequest?> read)
    {
        foreach (var turn in context.Chat.Earlier.Reverse())
        {
            if (!TargetedRequest.AsksWhich(turn.Reply))
            {
                return null;
            }
            if (ChatState.Shown(turn) is { Count: > 1 } candidates && Asked(turn.UserText, candidates, context, read) is { } asked)
            {
                return (asked, candidates);
            }
        }
        return null;
    }

    // The request of a past message that asked "which one?": the message's one request, or of its two requests
    // (TwoRequests), the one whose words the question's tasks all match.
    private static TargetedRequest? Asked(string said, IReadOnlyList<TaskSnapshot> candidates, AgentContext context, Func<Utterance, SkillRequest?> read)
    {
        if (TwoRequests.Read(said, context, read) is not { } two)
        {
            return read(Utterances.From(said, context)) is TargetedRequest { Target.ByWords: true } asked ? asked : null;
        }
        var byWords = two.Requests.Select(r => r.Request).OfType<TargetedRequest>().Where(r => r.Target.ByWords).ToList();
        return byWords.FirstOrDefault(r => TitleMatcher.Match(candidates, r.Target.Words).Count == candidates.Count) ?? byWords.LastOrDefault();
    }

    // "both", "all", "all of them", "all 3", "all three", "each of them": how many the answer takes (every candidate, or
    // the count said, which must be theirs), or null when it is not such an answer.
    private static int? AllCount(IReadOnlyList<string> said, IReadOnlyList<TaskSnapshot> candidates) =>
        said.Where(w => !AllFillers.Contains(w)).ToList() switch
        {
            ["both"] => 2,
            ["all"] or ["each"] or ["every", "one"] or ["everything"] => candidates.Count,
            ["all", var n] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            ["all", var n] when Array.IndexOf(Counts, n) is var at and >= 0 => at + 2,
            _ => null,
        };

    // "the one due friday", "the one for tomorrow", "the one tagged home", "the #home one": the candidates that fit.
    private static IReadOnlyList<TaskSnapshot> Described(string text, IReadOnlyList<TaskSnapshot> candidates, AgentContext context)
    {
        if (DueDescribed().Match(text) is { Success: true } due && When.ParseWhole(due.Groups["day"].Value, context.Clock) is { } day)
        {
            return [.. candidates.Where(t => t.DueAt(context.Clock.Zone) is { } at && context.Clock.DayOf(at) == day.Date)];
        }
        return TagDescribed().Match(text) is { Success: true } tagged && Markers.Tag(tagged.Groups["tag"].Value) is { } tag
            ? [.. candidates.Where(t => t.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))]
            : [];
    }

    [GeneratedRegex(@"^(?:the\s+)?(?:one|task)\s+(?:that's\s+|that\s+is\s+|which\s+is\s+)?(?:due|for|on)\s+(?<day>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DueDescribed();

    [GeneratedRegex(@"^(?:the\s+)?(?:(?:one|task)\s+(?:tagged|with\s+(?:the\s+)?tag|in)\s+#?(?<tag>[\w-]+)|#(?<tag>[\w-]+)\s+(?:one|task))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagDescribed();
}
