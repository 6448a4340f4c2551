using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "remind me an hour before" (the task just talked about), "remind me about 3 a day before", "remind me 30 minutes
/// before the dentist", "set a reminder for dinner 30 minutes before", "remind me about the lunch with sarah at 11am".
/// A reminder is a time before the task is due, or a moment. Removing and changing them ("remove the reminders from
/// call mom", "make the reminder 30 minutes before instead") is read by <see cref="ReminderChanges"/>. Needs
/// update_task's <c>reminders</c>.
/// </summary>
internal sealed partial class ReminderSkill : Skill
{
    // "remind me about the dentist at 5" with no dentist among the tasks is a new task, read as "add" reads it.
    private static readonly AddSkill Adding = new();

    public override string Name => "reminders";

    public override int Precedence => 48;

    public override string Capability => "remind you before a task is due (“remind me an hour before”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, TaskToolArguments.Reminders)];

    public override IReadOnlyList<string> Examples =>
        ["remind me an hour before", "remind me about 3 a day before", "remind me 30 minutes before the dentist", "remind me about it 2 hours before",
         "remind me about it tomorrow at 10am", "remind me about the lunch with sarah at 11am", "remind me at 5 about milk", "ping me at 5 about milk", "remove the reminders from call mom",
         "don't remind me about the chem exam", "stop reminding me about call mom", "cancel the reminder for call mom",
         "remove the 1 hour reminder from call mom", "make the reminder for call mom 30 minutes before instead", "no reminder for it",
         "remove the reminder", "remind me 30 minutes before instead"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (ReminderChanges.Read(utterance) is { } change)
        {
            return change;
        }
        // "remind me 30 minutes before instead": the reminder the task has, moved (before: a task “Instead” was looked for).
        var instead = Phrase.TryStripEnd(utterance.Text, ["instead"], out var text);
        if (Before().Match(text) is not { Success: true } match)
        {
            return At(utterance, text, instead);
        }
        if (Offset(match) is not { } offset)
        {
            return null;
        }
        var targetText = match.Groups["about"].Success ? match.Groups["about"].Value : match.Groups["after"].Value;
        var target = targetText.Trim().Length == 0 ? TaskTarget.It : TaskReference.Parse(targetText) ?? TaskTarget.It;
        if (match.Groups["to"].Success)
        {
            // "remind me to call mom an hour before": the task "call mom" there, as "remind me about call mom an hour before"
            // (before: a task “Call mom an hour before” was added beside it). "remind me to take the pills 2 hours before the
            // flight" names the thing the reminder is before: a new task, read as "add" reads it.
            // "remind me to pay rent friday at 9am, remind me 2 hours before": a new task with its own day, read by the add.
            if (match.Groups["after"].Success || instead || target.ByNumber || targetText.Contains("remind me", StringComparison.OrdinalIgnoreCase)
                || When.TryExtract(targetText, utterance.Context.Clock, out _, out _))
            {
                return null;
            }
            var what = Fallback.Plain(targetText);
            return new ReminderRequest(target, offset.Iso, offset.Words)
            {
                AddInstead = new Say($"I found no task “{AddSkill.Title(targetText)}” still to do to remind you about. A reminder {offset.Words} before needs a due date: say “add {what} tomorrow at 5pm and remind me {offset.Words} before”, with its own day and time."),
            };
        }
        return instead
            ? new ReplaceReminderRequest(target, null, new NewReminder(new ReminderOffset(offset.Iso, offset.Words), null))
            : new ReminderRequest(target, offset.Iso, offset.Words);
    }

    /// <summary>
    /// "remind me about it tomorrow at 10am", "remind me of 3 on friday", "remind me about the lunch with sarah at 11am":
    /// a reminder at that time for a task already there, named by "it", its number or words (before, "it" added a task
    /// titled “It”, and words always a new task: “The lunch with sarah” beside “Lunch with Sarah”). Words that name no
    /// task still add one, as "remind me to …" does. A day without a time reminds at 09:00, the hour an all-day task's
    /// reminders count from.
    /// </summary>
    private static SkillRequest? At(Utterance utterance, string text, bool instead)
    {
        var clock = utterance.Context.Clock;
        // "remind me at 5 about milk", "ping me tomorrow about the taxes": the when said first, read as "remind me about milk
        // at 5" (before: a task “At 5 about milk” was added).
        if (AboutAfterWhen().Match(text) is { Success: true } whenFirst && When.ParseWhole(whenFirst.Groups["when"].Value, clock) is not null)
        {
            text = $"remind me about {whenFirst.Groups["what"].Value} {whenFirst.Groups["when"].Value}";
        }
        // "set a reminder for the milk at 5pm" as "remind me about the milk at 5pm" (before: "What should I change?").
        if (!Phrase.TryStripStart(text, ["remind me about", "remind me of", "set a reminder for", "set a reminder about", "set reminder for", "add a reminder for", "create a reminder for"], out var about)
            || !When.TryExtract(about, clock, out var named, out var when)
            || TaskReference.Parse(named) is not { } target)
        {
            return null;
        }
        // Where the task service cannot change reminders, words stay the new task they always were: add_task may still
        // take a due date and a reminder, and an older mcp would otherwise be told "I can't set reminders yet".
        if (target.ByWords && !instead && !utterance.Context.Tools.Has(ToolNames.UpdateTask, TaskToolArguments.Reminders))
        {
            return null;
        }
        var at = when with { Time = when.Time ?? TaskReminders.AllDayTime };
        if (clock.At(at.Date, at.Time!.Value) <= clock.Now)
        {
            return new Say($"{Phrase.Capitalize(at.Describe(clock))} has already passed. When should I remind you? For example “remind me about it tomorrow at 9am”.");
        }
        if (instead)
        {
            return new ReplaceReminderRequest(target, null, new NewReminder(null, at));
        }
        // No such task: a new one, read as "remind me about …" reads it, however the reminder was asked for.
        return new ReminderAtRequest(target, at) { AddInstead = target.ByWords ? Adding.Read(Utterances.From("remind me about " + about, utterance.Context)) : null };
    }

    /// <summary>"an hour", "the day", "30 minutes" (the groups n and unit of a match) as an ISO duration and in words.</summary>
    internal static (string Iso, string Words)? Offset(Match match)
    {
        var n = match.Groups["n"].Value.ToLowerInvariant() switch
        {
            "the" => 1,
            "half an" => -30,
            var count => When.CountOf(count),
        };
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        if (n == -30)
        {
            return ("PT30M", "30 minutes");
        }
        if (n is < 1 or > 1000)
        {
            return null;
        }
        return unit[0] switch
        {
            'm' => ($"PT{n}M", Replies.Count(n, "minute")),
            'h' => ($"PT{n}H", Replies.Count(n, "hour")),
            'd' => ($"P{n}D", Replies.Count(n, "day")),
            _ => ($"P{7 * n}D", Replies.Count(n, "week")),
        };
    }

    [GeneratedRegex(@"^(?:remind me|(?:set|add|put|create)\s+(?:a\s+)?reminder)\s+(?:(?:about|of|for|on|(?<to>to))\s+(?<about>.+?)\s+)?(?<n>\d+|a|an|one|two|three|half an|the)\s+(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:before|earlier|ahead)(?:\s+(?:it'?s\s+due|it|that|the deadline|(?<after>.+)))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    /// <summary>"… and remind me the day before", "…, remind me an hour before": a reminder clause at the end of an add.</summary>
    [GeneratedRegex(@"^remind me\s+(?<when>(?:today|tonight|tomorrow|on|next|this|at|in)\b.*?)\s+(?:about|of)\s+(?<what>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutAfterWhen();

    [GeneratedRegex(@"(?:\s*,\s*|\s+)(?:and\s+)?remind me\s+(?:about it\s+)?(?<n>\d+|a|an|one|two|three|half an|the)\s+(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:before|earlier|ahead)(?:\s+(?:it'?s\s+due|it))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex TrailingBefore();
}

internal sealed record ReminderRequest(TaskTarget Target, string Offset, string Words) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Reminders;

    protected override string Feature => "reminders";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) => UpdatesOfDated(targets, context, Undated);

    /// <summary>A reminder before the due time asked for a task that has none.</summary>
    internal static string Undated(TaskSnapshot undated) =>
        $"“{undated.Title}” has no due date, so there is nothing to remind you before. Give it one first, for example “set {undated.Id} due tomorrow at 5pm”.";

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => task.Reminders.Append(Offset).Distinct().ToArray();

    protected override string Changed(string title, AgentContext context) => $"I'll remind you about “{title}” {Words} before it's due.";
}

/// <summary>
/// A reminder at a set time (the tools take a date-time as well as a time before the due date). Named by words, the task
/// is looked for among those still to do; when none matches, <see cref="FieldChangeRequest.AddInstead"/> (the new task "add" reads in the
/// same message) is added, as such a message always did.
/// </summary>
internal sealed record ReminderAtRequest(TaskTarget Target, Due At) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Reminders;

    protected override string Feature => "reminders";

    // A done task is not what a reminder is for: "remind me about the dentist at 5" beside last month's done "Dentist" is a new one.
    protected override string LookupStatus => Target.ByWords ? ListStatus.Pending : ListStatus.All;

    protected override object? NewValue(TaskSnapshot task, AgentContext context) =>
        task.Reminders.Append(NewReminder.Moment(At, task, context.Clock).ToArgument(context.Clock)).Distinct().ToArray();

    protected override string Changed(string title, AgentContext context) => $"I'll remind you about “{title}” {At.Describe(context.Clock)}.";

    protected override string Changed(string title, TaskSnapshot? before, AgentContext context) =>
        before is null ? Changed(title, context) : $"I'll remind you about “{title}” {NewReminder.Moment(At, before, context.Clock).Describe(context.Clock)}.";
}
