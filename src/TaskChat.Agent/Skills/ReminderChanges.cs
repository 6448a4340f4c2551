using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// The reminders a task already has, taken away or changed: "remove the reminders from call mom", "don't remind me about
/// the chem exam", "stop reminding me about call mom", "cancel the reminder for call mom", "remove the 1 hour reminder from
/// call mom", "no reminder for it", "make the reminder for call mom 30 minutes before instead". Read by
/// <see cref="ReminderSkill"/>; before, each of these was a new task, a task to delete or "I'm not sure what you mean".
/// </summary>
internal static partial class ReminderChanges
{
    private const string AskWhich = "Which task should I remove the reminders from? Tell me its number or a few words of its title, for example “remove the reminders from 3”.";

    public static SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        if (Removal().Match(text) is { Success: true } removal)
        {
            var all = removal.Groups["all"].Success || removal.Groups["noun"].Value.EndsWith('s');
            ReminderOffset? which = null;
            if (removal.Groups["n"].Success)
            {
                if (ReminderSkill.Offset(removal) is not { } offset)
                {
                    return null;
                }
                which = new ReminderOffset(offset.Iso, offset.Words);
            }
            return Target(removal) is { } target ? new RemoveRemindersRequest(target, all && which is null, which) : new Say(AskWhich);
        }
        if (NoMore().Match(text) is { Success: true } noMore)
        {
            return Target(noMore) is { } target ? new RemoveRemindersRequest(target, All: true, null) : new Say(AskWhich);
        }
        return Replacement().Match(text) is { Success: true } replacement ? Replace(replacement, utterance.Context.Clock) : null;
    }

    // "… from call mom": those words; "its reminders", or nothing after the reminders: the task just talked about. A
    // preposition with nothing after it ("remove the reminders from") or only filler words names no task: null, and the
    // user is asked which (the task last talked about is not guessed at).
    private static TaskTarget? Target(Match match)
    {
        if (match.Groups["its"].Success || !match.Groups["prep"].Success)
        {
            return TaskTarget.It;
        }
        var named = match.Groups["target"].Value;
        return TaskReference.IsEverything(named) ? null : TaskReference.Parse(named);
    }

    // "make the reminder for call mom 30 minutes before instead", "change the 1 hour reminder of 3 to 2 hours before",
    // "set the reminder for 3 to tomorrow at 10am": the new reminder is at the end, the task before it.
    private static SkillRequest? Replace(Match replacement, UserClock clock)
    {
        ReminderOffset? which = null;
        if (replacement.Groups["n"].Success)
        {
            if (ReminderSkill.Offset(replacement) is not { } old)
            {
                return null;
            }
            which = new ReminderOffset(old.Iso, old.Words);
        }
        Phrase.TryStripEnd(replacement.Groups["rest"].Value, ["instead"], out var rest);
        string targetText;
        NewReminder wanted;
        if (NewOffset().Match(rest) is { Success: true } before && ReminderSkill.Offset(before) is { } offset)
        {
            (targetText, wanted) = (before.Groups["head"].Value, new NewReminder(new ReminderOffset(offset.Iso, offset.Words), null));
        }
        else if (When.TryExtract(rest, clock, out var named, out var when))
        {
            var at = when with { Time = when.Time ?? TaskReminders.AllDayTime };
            if (clock.At(at.Date, at.Time!.Value) <= clock.Now)
            {
                return new Say($"{Phrase.Capitalize(at.Describe(clock))} has already passed. When should I remind you? For example “make the reminder tomorrow at 9am”.");
            }
            Phrase.TryStripEnd(named, ["to", "for", "at"], out targetText);
            wanted = new NewReminder(null, at);
        }
        else
        {
            return null;
        }
        Phrase.TryStripStart(targetText, ["for", "of", "on", "about", "to"], out targetText);
        if (replacement.Groups["its"].Success || targetText.Length == 0)
        {
            return new ReplaceReminderRequest(TaskTarget.It, which, wanted);
        }
        return TaskReference.Parse(targetText) is { } target && !TaskReference.IsEverything(targetText)
            ? new ReplaceReminderRequest(target, which, wanted)
            : new Say("Which task's reminder should I change? Tell me its number or a few words of its title, for example “make the reminder for 3 30 minutes before”.");
    }

    private const string Count = @"\d+|a|an|one|two|three|half an|the";

    private const string Unit = @"minutes?|mins?|hours?|hrs?|days?|weeks?";

    // "remove the reminders from call mom", "cancel the reminder for call mom", "remove the 1 hour reminder from call mom",
    // "delete the reminder 2 days before from 3", "turn off all reminders for it", "remove the reminder" (the task just
    // talked about), "remove the reminders from" (which task?).
    [GeneratedRegex(@"^(?:remove|delete|cancel|clear|drop|turn\s+off|switch\s+off|disable|get\s+rid\s+of|stop)\s+(?:(?<all>all)\s+(?:of\s+)?)?(?:(?<its>its)\s+|(?:the|my|any|that|this|those|these)\s+)?(?:(?<n>" + Count + @")[\s-]+(?<unit>" + Unit + @")(?:\s+before)?\s+)?(?<noun>reminders?)(?:\s+(?<n>" + Count + @")\s+(?<unit>" + Unit + @")\s+before)?(?:\s+(?<prep>from|for|of|on|about|off|in|to)(?:\s+(?<target>.+))?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Removal();

    // "don't remind me about the chem exam", "stop reminding me about call mom", "no reminder for it", "no more reminders
    // for 3", "don't remind me about it anymore".
    [GeneratedRegex(@"^(?:(?:do\s+not|don'?t|never)\s+remind\s+me|stop\s+reminding\s+me|no\s+(?:more\s+)?reminders?|no\s+need\s+to\s+remind\s+me)(?:\s+(?<prep>about|of|for|on|to)(?:\s+(?<target>.+?))?)?(?:\s+(?:any\s?more|any\s+longer|again))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoMore();

    // "make the reminder …", "change the 1 hour reminder …", "set its reminder …": what follows is read by Replace.
    [GeneratedRegex(@"^(?:make|change|set|switch|update)\s+(?:(?<its>its)\s+|(?:the|my)\s+)(?:(?<n>" + Count + @")[\s-]+(?<unit>" + Unit + @")(?:\s+before)?\s+)?reminder\b\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Replacement();

    // "for call mom 30 minutes before", "of 3 to 2 hours before it's due": the task's words, then the time before.
    [GeneratedRegex(@"^(?<head>.*?)(?:^|\s+)(?:(?:to|for|at)\s+)?(?<n>" + Count + @")\s+(?<unit>" + Unit + @")\s+(?:before|earlier|ahead)(?:\s+(?:it'?s\s+due|it|the\s+due\s+time|the\s+deadline))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewOffset();
}

/// <summary>A time before the due time as a message said it: "PT1H" and "1 hour".</summary>
internal sealed record ReminderOffset(string Iso, string Words)
{
    /// <summary>True for a task's reminder just as long before the due time, however the task service wrote it ("PT60M" is "PT1H").</summary>
    public bool Matches(string reminder) => TaskReminders.DescribeBefore(reminder) is { } said && said == TaskReminders.DescribeBefore(Iso);
}

/// <summary>The reminder a message asks for: <paramref name="Before"/> the due time, or <paramref name="At"/> a moment.</summary>
internal sealed record NewReminder(ReminderOffset? Before, Due? At)
{
    public string Argument(TaskSnapshot task, UserClock clock) => Before?.Iso ?? Moment(At!, task, clock).ToArgument(clock);

    /// <summary>"30 minutes before it's due", "Friday at 11:00".</summary>
    public string Words(TaskSnapshot task, UserClock clock) => Before is { } before ? $"{before.Words} before it's due" : Moment(At!, task, clock).Describe(clock);

    /// <summary>
    /// A time said without a day is on the day the task is due, when that day is still to come: "remind me about the lunch
    /// with sarah at 11am" for a lunch on Friday reminds Friday at 11:00, not today, as a due time said alone keeps the
    /// task's day. Otherwise the moment as read (the next 11:00).
    /// </summary>
    public static Due Moment(Due at, TaskSnapshot task, UserClock clock) =>
        at.DayFromTime && task.DueText is { } dueText && Due.FromArgument(dueText, clock) is { } due && due.Date > at.Date
            ? at.OnDay(due.Date)
            : at;
}

/// <summary>A task's reminder in words, as the chat says it: "1 hour before", "at the due time", "tomorrow at 10:00".</summary>
internal static class ReminderWords
{
    public static string Of(string reminder, UserClock clock)
    {
        if (TaskReminders.CountsFromDue(reminder))
        {
            return TaskReminders.DescribeBefore(reminder) ?? reminder; // Not a duration this reads: said as the service wrote it.
        }
        return DateTimeOffset.TryParse(reminder, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? Due.At(at, clock).Describe(clock)
            : reminder;
    }

    /// <summary>"its reminder is 1 hour before", "its reminders are 1 day before and Friday at 09:00".</summary>
    public static string Its(TaskSnapshot task, UserClock clock) => task.Reminders.Count == 1
        ? $"its reminder is {Of(task.Reminders[0], clock)}"
        : $"its reminders are {Replies.Join(task.Reminders.Select(r => Of(r, clock)))}";

    /// <summary>"1 hour" for "the 1 hour reminder" in an example to say, from the first reminder before the due time; null when there is none.</summary>
    public static string? Example(TaskSnapshot task) =>
        task.Reminders.Select(TaskReminders.DescribeBefore).FirstOrDefault(w => w is not null && w.EndsWith(" before", StringComparison.Ordinal)) is { } words
            ? words[..^" before".Length]
            : null;
}
