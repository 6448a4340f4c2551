using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// The answer to a message no skill reads: a suggestion that fits it ("buy milk" → “add buy milk”, unless a task still to
/// do has that title; "3" → what to do with task 3; "milk" → the tasks with that word), never a nonsense one ("add I bought
/// the milk"), else a few examples and "help".
/// </summary>
internal static partial class Fallback
{
    private const string Examples = "“add buy milk”, “what's due today?”, “I bought the milk” or “undo that”";

    /// <summary>The reply to a message nothing reads: a few examples and "help".</summary>
    public const string NotUnderstood = "Sorry, I didn't quite get that. I look after your tasks: try " + Examples + ", or say “help” to see everything I understand.";

    /// <summary>How the offer to add a message that looks like a task begins: a "yes" to it adds it (<see cref="AddSkill"/>).</summary>
    public const string AddOffer = "Should I add “";

    // Words that say something about the chat or the user, not what a task is about: a message with one is not a search.
    private static readonly HashSet<string> NotATasksWord =
    [
        "i", "im", "ive", "id", "ill", "me", "myself", "you", "youre", "your", "u", "we", "us", "they", "he", "she", "it", "its", "is", "are",
        "was", "were", "be", "been", "am", "do", "does", "did", "dont", "doesnt", "didnt", "not", "no", "yes", "can", "cant", "could", "will",
        "wont", "would", "should", "shall", "may", "might", "must", "have", "has", "had", "what", "why", "how", "when", "where", "who", "which",
        "whats", "please", "thanks", "hi", "hello", "hey", "ok", "okay", "so", "just", "very", "really", "if", "then", "but", "or", "because",
        "and", "too", "also", "there", "here", "this", "that", "lol", "hmm", "um", "uh", "huh", "oh", "wow", "yeah", "yep", "nope", "nah",
        "sorry", "bye", "goodbye", "test", "testing", "nothing", "something", "anything", "everything", "stop", "wait", "again",
        "never", "mind", "neither", "none", "nor", "either", "blah", "whatever",
        // Places in a list, said with nothing to answer ("second").
        "first", "second", "third", "fourth", "fifth", "last", "next", "previous", "both", "all",
        // What happened, not a thing to do ("lost my keys"; regular past tenses are told by their ending).
        "lost", "found", "forgot", "forgotten", "got", "went", "gone", "left", "felt", "saw", "seen", "made", "took", "came",
        // A day or a span ("friday the 13th"): a date alone is no task's name.
        "today", "tonight", "tomorrow", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "weekend", "week", "month", "year", "morning", "afternoon", "evening", "night",
    ];

    private static readonly HashSet<string> QuestionWords = ["what", "whats", "why", "how", "when", "where", "who", "which", "is", "are", "do", "does", "did", "can", "could", "will", "would", "should"];

    public static SkillRequest For(Utterance utterance)
    {
        if (TaskReference.Parse(utterance.Text) is { ByNumber: true } bare)
        {
            var n = string.Join(", ", bare.Ids);
            return new Say($"What should I do with task {n}? For example “complete {n}”, “delete {n}” or “rename {n} to …”.");
        }
        // "tomorrow: eggs, bread", "friday: milk and bread": a list under a day, without "add", is offered as "add tomorrow:
        // eggs, bread" would add it, each item due that day; "yes" adds them (before: "Sorry, I didn't quite get that").
        if (!utterance.IsQuestion && DayList().Match(utterance.Text) is { Success: true } list && When.ParseWhole(list.Groups["when"].Value, utterance.Context.Clock) is not null
            && new AddSkill().Read(Utterances.From("add " + utterance.Text, utterance.Context)) is AddRequest { Titles.Count: > 1, Due: { } listDue } items)
        {
            return new Say($"{AddOffer}{string.Join("”, “", items.Titles.SkipLast(1))}” and “{items.Titles[^1]}” as tasks, due {listDue.Describe(utterance.Context.Clock)}? " +
                $"Say “add {Plain(utterance.Text)}” (or “yes”) and I will.");
        }
        // "tomorrow call mom" is offered as "call mom tomorrow" is: the when moved to the end, where adding reads it.
        // "tomorrow milk" is read as "milk tomorrow" (below).
        var text = utterance.IsQuestion ? utterance.Text
            : LeadingWhen.MovedToEnd(utterance.Text, utterance.Context.Clock) ?? LeadingWhen.DayThenName(utterance.Text, utterance.Context.Clock) ?? utterance.Text;
        if (!utterance.IsQuestion && Phrase.Words(text) is [var first, _, ..] && Verbs.IsImperative(first) && text.Length <= 80)
        {
            return new AddOfferRequest(text);
        }
        // "milk tomorrow", "the garage saturday", "tomorrow milk", "friday: the garage": a task named with a day is moved
        // there, as "milk due friday" is; with none still to do matching, adding it with that day is offered (before: "Sorry,
        // I didn't quite get that"). A time alone ("milk at 5") or a day gone by is not a move.
        if (!utterance.IsQuestion && When.TryExtract(text, utterance.Context.Clock, out var named, out var due) && named.Length > 0
            && !due.DayFromTime && due.Date >= utterance.Context.Clock.Today
            && Sought([.. Phrase.Words(named)], utterance.Context.Clock) is { } thing && TaskReference.Parse(named) is { ByWords: true } target)
        {
            // Offered as the thing named ("the dentist tomorrow" offers “Dentist”, as "the dentist" does).
            var offered = text.StartsWith(named, StringComparison.Ordinal) ? $"{thing.Named} {text[named.Length..].Trim()}" : text;
            return new DueRequest(target, due) { AddInstead = new Say(Offer(offered, utterance.Context.Clock)) };
        }
        // "milk", "the milk one", "what about the dentist?": a few words that make no request are looked for among the tasks,
        // as the search box would, and adding them is offered when none has them (before: "Sorry, I didn't quite get that").
        if (Sought(utterance) is { } sought)
        {
            return new ListRequest(ListStatus.All, new SearchFilter(sought.Query) { Named = sought.Named });
        }
        return new Say(NotUnderstood);
    }

    /// <summary>
    /// The words to look for when the message only names something ("milk", "the dentist one?"), and the thing named ("the
    /// dentist"), or null.
    /// </summary>
    private static (string Query, string Named)? Sought(Utterance utterance) => Sought([.. utterance.Words], utterance.Context.Clock);

    internal static (string Query, string Named)? Sought(string[] words, UserClock clock)
    {
        if (words is ["what" or "how", "about", .. var about])
        {
            words = about;
        }
        else if (words is [var first, ..] && QuestionWords.Contains(first))
        {
            return null;
        }
        if (words is ["the" or "my" or "a" or "an" or "our", .. var unarticled])
        {
            words = unarticled;
        }
        if (words is [.. var before, "one" or "task" or "thing" or "item" or "todo"] && before.Length > 0)
        {
            words = before;
        }
        // Not a past tense ("lost my keys" says what happened) nor a day ("friday the 13th").
        var said = string.Join(' ', words);
        if (words.Length is 0 or > 4 || words is [var only] && Verbs.IsImperative(only) || Verbs.BaseOfPast(words[0]) is not null
            || words.Any(w => NotATasksWord.Contains(w) || ListSkill.NamesAList(w) || When.IsMonthName(w) || !w.All(char.IsLetterOrDigit))
            || When.TryExtract(said, clock, out _, out _))
        {
            return null;
        }
        return TaskReference.MeaningfulWords(words) is { Count: > 0 } meaningful ? (string.Join(" ", meaningful), said) : null;
    }

    /// <summary>The message an offer said "yes" adds ("add call mom tomorrow"), when <paramref name="reply"/> made one; else null.</summary>
    public static string? Offered(string reply) =>
        reply.Contains(AddOffer, StringComparison.Ordinal) && OfferedMessage().Match(reply) is { Success: true } offered ? offered.Groups["add"].Value : null;

    [GeneratedRegex(@"Say “(?<add>add .+)” \(or “yes”\) and I will\.$", RegexOptions.CultureInvariant)]
    private static partial Regex OfferedMessage();

    // A day, a colon, then items with a comma or an "and" between them.
    [GeneratedRegex(@"^(?<when>[^:,;]{1,40}?)\s*:\s+(?=\S)(?=.*(?:,|\s(?:and|&)\s))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayList();

    /// <summary>
    /// "Should I add “Call mom” as a task? Say “add call mom tomorrow” (or “yes”) and I will.": the offer to add what
    /// <paramref name="text"/> says, titled as the add will title it ("call mom tomorrow" offers “Call mom”); "yes" to it
    /// adds the message it answers, read as if it began with "add".
    /// </summary>
    public static string Offer(string text, UserClock clock) => $"{AddOffer}{OfferedTitle(text, clock)}” as a task? Say “add {Plain(text)}” (or “yes”) and I will.";

    /// <summary>The title an offer names: "call mom tomorrow" offers “Call mom”.</summary>
    public static string OfferedTitle(string text, UserClock clock)
    {
        var what = Plain(text);
        return AddSkill.Title(When.TryExtract(what, clock, out var before, out _) && before.Length > 0 ? before : what);
    }

    /// <summary>The message as "add" would take it: "call mom tomorrow" (a leading "add" dropped, the first letter in lower case).</summary>
    public static string Plain(string text)
    {
        Phrase.TryStripStart(text, ["add"], out var what);
        return char.ToLowerInvariant(what[0]) + what[1..];
    }
}

/// <summary>
/// The offer to add a message that looks like a task ("call mom"), made after a look among the tasks still to do: one with
/// that title already is named instead, so that a "yes" does not add it twice (before, "call mom" beside a pending “Call
/// mom” offered to add it again). Without list_tasks' search, or for words it cannot search, the offer alone, as before.
/// </summary>
internal sealed record AddOfferRequest(string Text) : SkillRequest
{
    /// <summary>The tasks still to do with the title's words (the plain list where the mcp has no search), one page.</summary>
    public override ToolCall? Lookup(AgentContext context)
    {
        var stems = TaskReference.MeaningfulWords(Phrase.Words(Fallback.OfferedTitle(Text, context.Clock))).Select(TitleMatcher.Stem).Distinct().ToList();
        var query = string.Join(' ', stems);
        var call = TargetedRequest.WithPageSize(ToolCall.List(ListStatus.Pending), context);
        return context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Search) && stems.Count > 0 && query.Length <= TaskToolArguments.SearchMax
            && stems.All(w => w.All(char.IsAsciiLetterOrDigit))
            ? call.With(TaskToolArguments.Search, query)
            : call;
    }

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        var title = Fallback.OfferedTitle(Text, context.Clock);
        if (tasks?.FirstOrDefault(t => !t.Completed && string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase)) is not { } there)
        {
            return new Answer(Fallback.Offer(Text, context.Clock));
        }
        // "call mom tomorrow" beside a “Call mom” due Friday: another for tomorrow ("again" before the when, where the add
        // reads it), or this one moved.
        var plain = Fallback.Plain(Text);
        var when = plain.StartsWith(title, StringComparison.OrdinalIgnoreCase) ? plain[title.Length..].Trim() : "";
        var due = there.DueText is null ? "" : ", due " + ListRequest.DescribeDue(there, context);
        var another = $"add {title.ToLowerInvariant()} again{(when.Length > 0 ? " " + when : "")}";
        return new Answer(when.Length > 0
            ? $"{Replies.Label(there)} is already on your list{due}. To add another, say “{another}”; to move this one, say “move {there.Id} to {when}”."
            : $"{Replies.Label(there)} is already on your list{due}. To add another, say “{another}”.");
    }

    // Act always answers in words: there is no call to reply to.
    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => "";
}
