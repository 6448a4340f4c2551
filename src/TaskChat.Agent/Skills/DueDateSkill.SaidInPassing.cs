namespace TaskChat.Agent;

/// <summary>
/// When a task is due, said in passing rather than asked for with "move" or "set": "do milk on friday", "the garage can
/// wait till next week", "milk should be done by friday", "milk has no deadline" (before, none of them was understood).
/// </summary>
internal sealed partial class DueDateSkill
{
    private static readonly string[] CanWait = ["can wait till", "can wait until", "can wait til", "could wait till", "could wait until", "can wait for"];

    // "milk should be done by friday", "the report needs to be finished by monday", "the slides must be ready for tuesday".
    private static readonly string[] DoneBy =
    [
        .. (from must in new[] { "should be", "needs to be", "need to be", "has to be", "have to be", "must be" }
            from done in new[] { "done", "finished", "ready", "completed" }
            from then in new[] { "by", "on", "for" }
            select $"{must} {done} {then}"),
        "needs doing by", "need doing by",
    ];

    private static readonly string[] NoDeadline =
        [.. (from has in new[] { "has no", "no longer has a", "no longer needs a", "doesnt have a", "doesn't have a", "does not have a", "doesnt need a", "doesn't need a", "does not need a" }
             from deadline in new[] { "deadline", "due date" }
             select $"{has} {deadline}")];

    // "the dentist moved to thursday", "the dentist got pushed to friday", "the dentist is now at 4pm": news of a task there.
    private static readonly string[] MovedTo =
    [
        .. (from was in new[] { "", "got ", "was ", "has been ", "is " }
            from moved in new[] { "moved", "pushed", "rescheduled", "postponed" }
            from to in new[] { "to", "for" }
            select $"{was}{moved} {to}"),
        "has moved to", "is now at", "is now on",
    ];

    private static readonly string[] NoDeadlineFor = ["no deadline for", "no due date for", "no deadline on", "no due date on"];

    // "I need to call mom on saturday instead": what the user is to do, said as an add says it.
    private static readonly string[] ToDo =
        ["i need to", "i have to", "i must", "i should", "i gotta", "i've got to", "ive got to", "i got to", "need to", "i'll", "i will", "i can", "i'd rather", "id rather"];

    private static readonly string[] Instead = ["instead"];

    private static readonly string[] Do = ["do"];

    /// <summary>The request when the message says when a task is due in passing, or null.</summary>
    private static SkillRequest? SaidInPassing(Utterance utterance)
    {
        var text = utterance.Text;
        var clock = utterance.Context.Clock;
        if (utterance.Raw.TrimEnd().EndsWith('?'))
        {
            return null;
        }
        // "milk no longer has a deadline", "no deadline for milk": the due date removed, as "remove the due date from milk".
        Phrase.TryStripEnd(text, ["anymore", "any more"], out var still);
        if ((Phrase.TryStripEnd(still, NoDeadline, out var undated) || Phrase.TryStripStart(text, NoDeadlineFor, out undated))
            && Named(undated, utterance) is { } cleared)
        {
            return new DueRequest(cleared, null);
        }
        // "do milk on friday", "do it tomorrow": "do" is asked as a question ("do I have anything friday?"), so the task's words
        // are checked to name a task, and a day must be said ("do the dishes at 5" is not a move of a task there).
        if (Phrase.TryStripStart(text, ["do"], out var done) && When.TryExtract(done, clock, out var doneWhat, out var doneWhen)
            && doneWhat.Length > 0 && !doneWhen.DayFromTime && Named(doneWhat, utterance) is { } doneTarget)
        {
            var move = new DueRequest(doneTarget, doneWhen);
            return doneTarget.ByWords ? move with { AddInstead = new Say(Fallback.Offer(text, clock)) } : move;
        }
        // "I need to call mom on saturday instead", "I'll do the garage on sunday instead", "I'll do it tomorrow instead":
        // "instead" says it is another day for a task already there, moved as "move mom to saturday" is (before: a new task
        // “Call mom on saturday instead”, or not understood). None still to do matching: the add, without the "instead",
        // which is no part of a title ("I need to call dad on saturday instead" adds “Call dad” due Saturday), or where the
        // words are no add ("I'll call dad …"), adding it offered.
        if (Phrase.TryStripEnd(text, Instead, out var rather) && Phrase.TryStripStart(rather, ToDo, out var redone)
            && When.TryExtract(redone, clock, out var redoneWhat, out var redoneWhen) && redoneWhat.Length > 0
            && Named(Phrase.TryStripStart(redoneWhat, Do, out var doing) && doing.Length > 0 ? doing : redoneWhat, utterance) is { } redoneTarget)
        {
            var again = new DueRequest(redoneTarget, redoneWhen);
            return redoneTarget.ByWords
                ? again with { AddInstead = Adding.Read(Utterances.From(rather, utterance.Context)) ?? new Say(Fallback.Offer(redone, clock)) }
                : again;
        }
        // "the garage can wait till next week": postponed, as "push the garage to next week" is.
        if (Phrase.TrySplit(text, CanWait, out var waiting, out var until) && Named(waiting, utterance) is not null)
        {
            var wait = Due(waiting, until, clock);
            return wait is DueRequest postponed && Phrase.Words(until) is ["next", "week" or "month"] period
                ? postponed with { Postponed = period[1] == "week" ? PostponedTo.NextWeek : PostponedTo.NextMonth }
                : wait;
        }
        if (Phrase.TryStripEnd(text, ["can wait", "could wait"], out var later) && Named(later, utterance) is not null)
        {
            return new Say($"Until when? For example “{later.ToLowerInvariant()} can wait till friday” or “push {later.ToLowerInvariant()} back 2 days”.");
        }
        // "the dentist moved to thursday", "the dentist is at 4pm now", "the dentist is on friday" (before: offered as a task “Dentist moved to”, or not
        // understood): its new due date, a time alone on its day. None still to do matching: adding it then is offered.
        // ("now" at the end is a filler, gone from the text.)
        if ((Phrase.TrySplit(text, MovedTo, out var moved, out var to) || Phrase.TrySplit(text, ["is"], out moved, out to) && Phrase.Words(to) is ["at" or "on", _, ..])
            && Named(moved, utterance) is not null && Due(moved, to, clock) is DueRequest movedTo)
        {
            Phrase.TryStripStart(moved, ["the", "my"], out var thing);
            return movedTo.Target.ByWords ? movedTo with { AddInstead = new Say(Fallback.Offer($"{thing} {to}", clock)) } : movedTo;
        }
        // "milk should be done by friday": its due date. None still to do matching: adding it with that date is offered.
        if (Phrase.TrySplit(text, DoneBy, out var task, out var by) && Named(task, utterance) is not null
            && Due(task, by, clock) is DueRequest due)
        {
            Phrase.TryStripStart(task, ["the", "my"], out var thing); // "the report should be done by friday" offers “Report”
            return due.Target.ByWords ? due with { AddInstead = new Say(Fallback.Offer($"{thing} by {by}", clock)) } : due;
        }
        return null;
    }

    // The task the words name: a task's words alone ("the milk", not "I", "what", "tasks", "everything"), its number, or "it".
    // A title may start with its verb here ("call mom can wait till next week"): what follows says it is a task there.
    private static TaskTarget? Named(string text, Utterance utterance) =>
        text.Length > 0 && !TaskReference.IsEverything(text)
        && (TaskReference.IsPronoun(text) || IsNamedAlone(text, utterance)
            || Phrase.Words(text) is [var verb, _, ..] && Verbs.IsImperative(verb) && text.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space
               && IsNamedAlone(text[(space + 1)..], utterance))
            ? TaskReference.Parse(text)
            : null;
}
