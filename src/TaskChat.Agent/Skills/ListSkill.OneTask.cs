using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// Questions about one task, named as people name it: "when is the dentist?", "when's mom's call?", "what's the priority of
/// the taxes?", "show me the plumber task", "tell me about the taxes".
/// </summary>
internal sealed partial class ListSkill
{
    // Words of a "when is …" question that say which occurrence or what kind of thing, not what its title says.
    private static readonly HashSet<string> WhenNotTitle = ["next", "upcoming", "session", "appointment"];

    // The question about one task the text asks, or null: its words searched for, each of which the title must have.
    private static ListRequest? AboutOneTask(string text)
    {
        // "what's the priority of the taxes?", "how important is the taxes?": that task's priority in a sentence (before: not
        // understood, or the high priority tasks listed).
        if (PriorityOf().Match(text) is { Success: true } priorityOf
            && TaskReference.MeaningfulWords(Phrase.Words(priorityOf.Groups["q"].Value)) is { Count: > 0 } ofTask && !ofTask.All(NamesTasksOrState))
        {
            return new ListRequest(ListStatus.All, new SearchFilter(string.Join(' ', ofTask)) { AsksPriority = true });
        }
        // A question about one task ("when is the dentist?", "show me the plumber task") names it as people do, not as its
        // title reads ("Dentist appointment"): its meaningful words are searched, each of which the title must have.
        var whenIs = WhenIs().Match(text);
        // "show details of the taxes", "tell me about the taxes", "what's the note on the taxes?": the same (before: a task
        // “Details of the taxes” offered, or not understood). "when's mom's call?": the possessive's "s" is no part of what
        // the title says (“Call mom”), and a search for "moms" finds no "mom" (before: "I found no task matching “moms call”").
        if ((whenIs.Success ? whenIs : OneTask().Match(text) is { Success: true } one ? one : TaskDetails().Match(text)) is { Success: true } question
            && TaskReference.MeaningfulWords(Phrase.Words(Possessive().Replace(question.Groups["q"].Value, ""))) is { Count: > 0 } named
            && !named.All(w => NamesTasksOrState(w) || w is "first" or "last" or "most" or "important" or "urgent" or "top"))
        {
            if (whenIs.Success && named.Where(w => !WhenNotTitle.Contains(w)).ToList() is { Count: > 0 } kept)
            {
                named = kept; // "when's my next gym session?": the gym, whose next occurrence is the one still to do.
            }
            return new ListRequest(ListStatus.All, new SearchFilter(string.Join(' ', named), AsksWhen: whenIs.Success));
        }
        return null;
    }

    // "when is dinner with sam?", "when's the dentist due": the tasks those words find, each with its due date.
    // "when do I have to call mom?", "when should I file taxes?": the task named by what is to be done.
    [GeneratedRegex(@"^(?:when(?:'s|s| is| are| was| were)|what day is|what time is|when\s+(?:do|should|must)\s+(?:i|we)(?:\s+(?:have|need|got)\s+to|\s+gotta)?)\s+(?<q>.+?)(?:\s+(?:due|happening|again|by))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhenIs();

    // "mom's", "the plumber's": the "'s" of a possessive.
    [GeneratedRegex(@"(?<=\p{L})'s\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^(?:what(?:'s|s| is)\s+the\s+priority\s+(?:of|on|for)|what\s+priority\s+(?:is|has)|how\s+(?:important|urgent)\s+is)\s+(?<q>.+?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorityOf();

    // "show me the plumber task", "what's the plumber one about?": one task, not the whole list.
    [GeneratedRegex(@"^(?:(?:show|find|open|get|display)(?:\s+me)?|what(?:'s|s| is)|whats)\s+(?:the|my)\s+(?<q>.+?)\s+(?:task|one|todo|item)(?:\s+about)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneTask();

    // "show details of the taxes", "info on the taxes", "tell me about the taxes", "more about the taxes", "what's the note on
    // the taxes?", "what are the details of the taxes task?", "what does the taxes note say?": one task, with its description.
    [GeneratedRegex(@"^(?:(?:(?:show|give|tell|get)(?:\s+me)?\s+)?(?:all\s+)?(?:the\s+)?(?:details|detail|info|information|notes?|description)\s+(?:of|on|for|about|in)|(?:tell\s+me\s+)?(?:more\s+)?about|what(?:'s|s| is| are)\s+(?:the\s+)?(?:details|notes?|description|info)\s+(?:of|on|for|in))\s+(?!(?:yourself|you|taskchat)$)(?<q>.+?)(?:\s+(?:task|one|todo|item))?$|^what\s+does\s+(?:the|my)\s+(?<q>.+?)\s+(?:note|description)\s+say$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TaskDetails();
}
