using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "remind me an hour before" (the task just talked about), "remind me about 3 a day before", "remind me 30 minutes
/// before the dentist", "set a reminder for dinner 30 minutes before". A reminder is a time before the task is due. Needs update_task's <c>reminders</c>.
/// </summary>
internal sealed partial class ReminderSkill : Skill
{
    public override string Name => "reminders";

    public override int Precedence => 48;

    public override string Capability => "remind you before a task is due (“remind me an hour before”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, TaskToolArguments.Reminders)];

    public override IReadOnlyList<string> Examples =>
        ["remind me an hour before", "remind me about 3 a day before", "remind me 30 minutes before the dentist", "remind me about it 2 hours before",
         "remind me about it tomorrow at 10am"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (Before().Match(utterance.Text) is not { Success: true } match)
        {
            return At(utterance);
        }
        if (Offset(match) is not { } offset)
        {
            return null;
        }
        var targetText = match.Groups["about"].Success ? match.Groups["about"].Value : match.Groups["after"].Value;
        var target = targetText.Trim().Length == 0 ? TaskTarget.It : TaskReference.Parse(targetText) ?? TaskTarget.It;
        return new ReminderRequest(target, offset.Iso, offset.Words);
    }

    /// <summary>
    /// "remind me about it tomorrow at 10am", "remind me of 3 on friday": a reminder at that time for a task already there,
    /// named by "it" or its number (before, a task titled “It” was added). A day without a time reminds at 09:00, the hour
    /// an all-day task's reminders count from. Words ("remind me about the dentist at 5") stay a new task to add, as
    /// "remind me to …" is.
    /// </summary>
    private static SkillRequest? At(Utterance utterance)
    {
        var clock = utterance.Context.Clock;
        if (!Phrase.TryStripStart(utterance.Text, ["remind me about", "remind me of"], out var about)
            || !When.TryExtract(about, clock, out var named, out var when)
            || TaskReference.Parse(named) is not { ByWords: false } target)
        {
            return null;
        }
        var at = when with { Time = when.Time ?? TaskReminders.AllDayTime };
        return clock.At(at.Date, at.Time!.Value) <= clock.Now
            ? new Say($"{Phrase.Capitalize(at.Describe(clock))} has already passed. When should I remind you? For example “remind me about it tomorrow at 9am”.")
            : new ReminderAtRequest(target, at);
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

    [GeneratedRegex(@"^(?:remind me|(?:set|add|put|create)\s+(?:a\s+)?reminder)\s+(?:(?:about|of|for|on)\s+(?<about>.+?)\s+)?(?<n>\d+|a|an|one|two|three|half an|the)\s+(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:before|earlier|ahead)(?:\s+(?:it'?s\s+due|it|that|the deadline|(?<after>.+)))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    /// <summary>"… and remind me the day before", "…, remind me an hour before": a reminder clause at the end of an add.</summary>
    [GeneratedRegex(@"(?:\s*,\s*|\s+)(?:and\s+)?remind me\s+(?:about it\s+)?(?<n>\d+|a|an|one|two|three|half an|the)\s+(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:before|earlier|ahead)(?:\s+(?:it'?s\s+due|it))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex TrailingBefore();
}

internal sealed record ReminderRequest(TaskTarget Target, string Offset, string Words) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Reminders;

    protected override string Feature => "reminders";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        UpdatesOfDated(targets, context, undated =>
            $"“{undated.Title}” has no due date, so there is nothing to remind you before. Give it one first, for example “set {undated.Id} due tomorrow at 5pm”.");

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => task.Reminders.Append(Offset).Distinct().ToArray();

    protected override string Changed(string title, AgentContext context) => $"I'll remind you about “{title}” {Words} before it's due.";
}

/// <summary>A reminder at a set time (the tools take a date-time as well as a time before the due date).</summary>
internal sealed record ReminderAtRequest(TaskTarget Target, Due At) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Reminders;

    protected override string Feature => "reminders";

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => task.Reminders.Append(At.ToArgument(context.Clock)).Distinct().ToArray();

    protected override string Changed(string title, AgentContext context) => $"I'll remind you about “{title}” {At.Describe(context.Clock)}.";
}
