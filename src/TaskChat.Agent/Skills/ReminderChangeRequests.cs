namespace TaskChat.Agent;

/// <summary>
/// Reminders taken from a task: <paramref name="All"/> of them ("remove the reminders from call mom", "don't remind me
/// about the chem exam"), the one <paramref name="Which"/> names ("remove the 1 hour reminder from call mom": the others
/// kept), or "the reminder" (the only one; asked which when there are several). Reminders are a whole set: the task's
/// current ones are looked up and those left are sent, which is also what "undo" puts back.
/// </summary>
internal sealed record RemoveRemindersRequest(TaskTarget Target, bool All, ReminderOffset? Which) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Reminders;

    protected override string Feature => "reminders";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        targets.Select(t => NothingToDo(t, context.Clock)).FirstOrDefault(why => why is not null) is { } answer
            ? new Answer(answer)
            : base.ActOn(targets, context);

    // Why nothing changes for this task (and nothing is sent), or null when something is removed.
    private string? NothingToDo(TaskSnapshot task, UserClock clock)
    {
        if (task.Reminders.Count == 0)
        {
            return $"“{task.Title}” has no reminders, so there is nothing to remove.";
        }
        if (Which is { } which && !task.Reminders.Any(which.Matches))
        {
            return $"“{task.Title}” has no reminder {which.Words} before; {ReminderWords.Its(task, clock)}.";
        }
        if (!All && Which is null && task.Reminders.Count > 1)
        {
            var example = ReminderWords.Example(task) is { } words ? $"For example “remove the {words} reminder from {task.Id}”, or “remove the reminders from {task.Id}” to remove them all." : $"Say “remove the reminders from {task.Id}” to remove them all.";
            return $"“{task.Title}” has {task.Reminders.Count} reminders: {Replies.Join(task.Reminders.Select(r => ReminderWords.Of(r, clock)))}. Which one should I remove? {example}";
        }
        return null;
    }

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => Kept(task);

    private string[] Kept(TaskSnapshot task) => Which is { } which ? [.. task.Reminders.Where(r => !which.Matches(r))] : [];

    protected override string Changed(string title, AgentContext context) =>
        All ? $"“{title}” has no reminders now." : $"Removed the reminder from “{title}”.";

    protected override string Changed(string title, TaskSnapshot? before, AgentContext context)
    {
        if (All || before is null)
        {
            return Changed(title, context);
        }
        var removed = before.Reminders.Except(Kept(before)).Select(r => ReminderWords.Of(r, context.Clock)).Distinct().ToList();
        return $"Removed the {(removed.Count == 1 ? "reminder" : "reminders")} {Replies.Join(removed)} from “{title}”.";
    }
}

/// <summary>
/// A task's reminder moved to <paramref name="New"/>: "make the reminder for call mom 30 minutes before instead". The one
/// <paramref name="Which"/> names, else the only one (asked which when there are several); a task without reminders
/// just gets the new one.
/// </summary>
internal sealed record ReplaceReminderRequest(TaskTarget Target, ReminderOffset? Which, NewReminder New) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Reminders;

    protected override string Feature => "reminders";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context)
    {
        if (targets.Select(t => NothingToDo(t, context.Clock)).FirstOrDefault(why => why is not null) is { } answer)
        {
            return new Answer(answer);
        }
        return New.Before is null ? base.ActOn(targets, context) : UpdatesOfDated(targets, context, ReminderRequest.Undated);
    }

    private string? NothingToDo(TaskSnapshot task, UserClock clock)
    {
        if (Which is { } which && !task.Reminders.Any(which.Matches))
        {
            return task.Reminders.Count == 0
                ? $"“{task.Title}” has no reminders. Say “remind me about {task.Id} {New.Words(task, clock).Replace(" it's due", "", StringComparison.Ordinal)}” to set one."
                : $"“{task.Title}” has no reminder {which.Words} before; {ReminderWords.Its(task, clock)}.";
        }
        if (Which is null && task.Reminders.Count > 1)
        {
            var wanted = New.Words(task, clock).Replace(" it's due", "", StringComparison.Ordinal);
            var example = ReminderWords.Example(task) is { } words
                ? $"For example “change the {words} reminder of {task.Id} to {wanted}”."
                : $"Say “remove the reminders from {task.Id}”, then “remind me about {task.Id} {wanted}”.";
            return $"“{task.Title}” has {task.Reminders.Count} reminders: {Replies.Join(task.Reminders.Select(r => ReminderWords.Of(r, clock)))}. Which one should be {wanted}? {example}";
        }
        var replaced = Replaced(task);
        if (replaced.Count > 0 && replaced.All(r => r == New.Argument(task, clock) || New.Before?.Matches(r) == true))
        {
            return $"“{task.Title}” already reminds you {New.Words(task, clock)}.";
        }
        return null;
    }

    // The reminders the new one takes the place of: those Which names, else the only one (none when the task has none).
    private List<string> Replaced(TaskSnapshot task) => Which is { } which ? [.. task.Reminders.Where(which.Matches)] : [.. task.Reminders];

    protected override object? NewValue(TaskSnapshot task, AgentContext context) =>
        task.Reminders.Except(Replaced(task)).Append(New.Argument(task, context.Clock)).Distinct().ToArray();

    protected override string Changed(string title, AgentContext context) => $"Changed the reminder of “{title}”.";

    protected override string Changed(string title, TaskSnapshot? before, AgentContext context)
    {
        if (before is null)
        {
            return Changed(title, context);
        }
        var replaced = Replaced(before).Select(r => ReminderWords.Of(r, context.Clock)).Distinct().ToList();
        return $"I'll remind you about “{title}” {New.Words(before, context.Clock)}" + (replaced.Count > 0 ? $" instead of {Replies.Join(replaced)}." : ".");
    }
}
