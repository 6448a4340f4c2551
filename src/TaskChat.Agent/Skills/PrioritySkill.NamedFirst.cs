using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// A priority said after the task's words: "change taxes priority to low", "set taxes priority high", "taxes priority: high",
/// "taxes to high priority", "taxes no priority", and "remove priority from taxes" (before, each was "I couldn't find a task
/// matching “taxes priority”" or offered as a task “Taxes priority high”).
/// </summary>
internal sealed partial class PrioritySkill
{
    private static readonly string[] RemovePriority =
    [
        "remove the priority from", "remove the priority of", "remove the priority on", "remove priority from", "remove priority on",
        "clear the priority of", "clear the priority from", "clear the priority on", "clear priority from", "clear priority of",
        "take the priority off", "take priority off", "deprioritize", "deprioritise",
    ];

    private static readonly string[] ChangeVerbs = ["change", "set", "make", "mark", "flag", "update", "switch", "turn", "bump", "put"];

    // The levels said as "<level> priority" at the end of a message without a verb ("taxes to high priority").
    private static readonly string[] LevelsAtTheEnd = ["high priority", "low priority", "medium priority", "normal priority", "top priority", "no priority"];

    private static readonly string[] Articles = ["the", "my"];

    private static PriorityRequest? NamedThenPriority(Utterance utterance)
    {
        if (utterance.IsQuestion)
        {
            return null;
        }
        var text = utterance.Text;
        var verb = Phrase.TryStripStart(text, ChangeVerbs, out var rest);
        string named;
        string? level;
        // "taxes priority high", "change taxes priority to low": the words before "priority" name the task, those after are the level.
        if (Phrase.TrySplit(rest, PriorityWord, out named, out var said) && said.Length > 0)
        {
            level = Level(said);
        }
        // "taxes to high priority", "taxes: no priority" (with a verb, "make taxes high priority" is read by Read's last step).
        else if (!verb && Phrase.TryStripEnd(rest, LevelsAtTheEnd, out named) && Phrase.Words(rest) is [.., var end, _])
        {
            Phrase.TryStripEnd(named, ToOrAs, out named);
            level = Level(end); // the word before "priority": "high", "no"
        }
        else
        {
            return null;
        }
        if (level is null || named.Length == 0 || Phrase.Words(named) is not [var first, ..] words || words.Count > 8
            || !verb && (Verbs.IsImperative(first) || Verbs.BaseOfPast(first) is not null || AddSkill.StartsWithVerb(named) || first is "add" or "new" or "create")
            || words.Any(w => w is "is" or "are" or "be" or "its" or "was" or "now") // "it is high priority": Read's last step
            || TaskReference.IsEverything(named) || ListSkill.StartsAsking(words) || ListSkill.OnlyNamesTasks(words)
            || TaskReference.Parse(named) is not { } target)
        {
            return null;
        }
        var request = new PriorityRequest(target, level);
        if (verb || !target.ByWords)
        {
            return request;
        }
        // Without a verb the words may be a new task's ("website redesign high priority"): none still to do matching, adding it is offered.
        Phrase.TryStripStart(named, Articles, out var thing);
        var add = level == TaskPriorities.None ? Fallback.Plain(thing) : $"{Fallback.Plain(thing)} {level} priority";
        var offered = level == TaskPriorities.None ? "" : $", {level} priority";
        return request with { AddInstead = new Say($"{Fallback.AddOffer}{AddSkill.Title(thing)}” as a task{offered}? Say “add {add}” (or “yes”) and I will.") };
    }
}
