using System.Globalization;
using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "remind me an hour before" (the task just talked about), "remind me about 3 a day before", "remind me 30 minutes
/// before the dentist". A reminder is a time before the task is due. Needs update_task's <c>reminders</c>.
/// </summary>
internal sealed partial class ReminderSkill : Skill
{
    public override string Name => "reminders";

    public override int Precedence => 48;

    public override string Capability => "remind you before a task is due (“remind me an hour before”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, TaskToolArguments.Reminders)];

    public override IReadOnlyList<string> Examples => ["remind me an hour before", "remind me about 3 a day before", "remind me 30 minutes before the dentist", "remind me about it 2 hours before"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (Before().Match(utterance.Text) is not { Success: true } match || Offset(match) is not { } offset)
        {
            return null;
        }
        var targetText = match.Groups["about"].Success ? match.Groups["about"].Value : match.Groups["after"].Value;
        var target = targetText.Trim().Length == 0 ? TaskTarget.It : TaskReference.Parse(targetText) ?? TaskTarget.It;
        return new ReminderRequest(target, offset.Iso, offset.Words);
    }

    private static (string Iso, string Words)? Offset(Match match)
    {
        var n = match.Groups["n"].Value.ToLowerInvariant() switch
        {
            "a" or "an" or "one" => 1,
            "two" => 2,
            "three" => 3,
            "half an" => -30,
            var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0,
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

    [GeneratedRegex(@"^remind me\s+(?:(?:about|of|for)\s+(?<about>.+?)\s+)?(?<n>\d+|a|an|one|two|three|half an)\s+(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:before|earlier|ahead)(?:\s+(?:it'?s\s+due|it|that|the deadline|(?<after>.+)))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();
}

internal sealed record ReminderRequest(TaskTarget Target, string Offset, string Words) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Reminders;

    protected override string Feature => "reminders";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        targets.FirstOrDefault(t => t.Known && t.DueText is null) is { } undated
            ? new Answer($"“{undated.Title}” has no due date, so there is nothing to remind you before. Give it one first, for example “set {undated.Id} due tomorrow at 5pm”.")
            : base.ActOn(targets, context);

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => task.Reminders.Append(Offset).Distinct().ToArray();

    protected override string Changed(string title, AgentContext context) => $"I'll remind you about “{title}” {Words} before it's due.";
}
