using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "set 3 due to friday", "the dentist is due tomorrow at 9", "move the report to next tuesday", "postpone 3 to
/// next week", "change the due date of 3 to 5 Dec", "change the dinner to 8pm", "remove the due date from 3". Needs
/// update_task's <c>due</c>.
/// </summary>
internal sealed partial class DueDateSkill : Skill
{
    private static readonly string[] SetDueOf =
        ["set the due date of", "set the due date for", "change the due date of", "change the due date for", "update the due date of",
         "move the due date of", "set due date of", "set due date for", "set the deadline of", "set the deadline for", "change the deadline of"];

    private static readonly string[] ClearDueOf =
        ["remove the due date of", "remove the due date from", "clear the due date of", "clear the due date from", "delete the due date of",
         "remove the deadline from", "remove the deadline of", "clear the deadline of"];

    // "change 3's description to before friday" is the description's, whatever it says.
    private static readonly HashSet<string> OtherFields =
        ["description", "title", "name", "note", "notes", "details", "priority", "tag", "tags", "reminder", "reminders", "repeat", "recurrence"];

    // "schedule the dentist for friday" with no dentist among the tasks is a new task, read as "add" reads it.
    private static readonly AddSkill Adding = new();

    private static readonly string[] MoveVerbs = ["move", "postpone", "push", "push back", "reschedule", "defer", "delay", "bump", "snooze", "put off"];

    public override string Name => "due date";

    public override int Precedence => 40;

    public override string Capability => "set due dates (“set 3 due to friday”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(Contract.ToolNames.UpdateTask, TaskToolArguments.Due)];

    public override IReadOnlyList<string> Examples =>
        ["set 3 due to friday", "the dentist is due tomorrow at 9", "move the report to next tuesday", "postpone 3 to next week",
         "change the due date of 3 to 5 Dec", "remove the due date from 3", "make 3 due tomorrow", "move everything due today to tomorrow",
         "push all overdue tasks to friday", "postpone the dentist by a week", "push the dentist to next week", "push the report back 2 days", "move the milk and the eggs to friday",
         "schedule the milk for friday", "put the milk on monday", "set the milk for friday", "milk due friday",
         "do milk on friday", "the garage can wait till next week", "milk should be done by friday", "milk needs to be done by friday",
         "milk no longer has a deadline", "no deadline for milk", "I need to call mom on saturday instead"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        var clock = utterance.Context.Clock;
        if (Phrase.TryStripStart(text, ClearDueOf, out var cleared))
        {
            return Target(cleared) is { } clearTarget ? new DueRequest(clearTarget, null) : null;
        }
        if (Phrase.TryStripStart(text, SetDueOf, out var rest))
        {
            return Phrase.TrySplit(rest, ["to", "as", "for", ":"], out var target, out var when) ? Due(target, when, clock) : null;
        }
        if (Phrase.TryStripStart(text, ["set", "make"], out rest) && Phrase.TrySplit(rest, ["due"], out var setTarget, out var setWhen))
        {
            Phrase.TryStripStart(setWhen, ["to", "for"], out setWhen);
            return Due(setTarget, setWhen, clock);
        }
        // "set the milk for friday", "set 3 to monday at 9": a task and when, no "due" said (before, "What should I change?").
        // Not a reminder, an alarm or another field ("set a reminder for 5pm", "set 3 to high priority" read elsewhere).
        if (Phrase.TryStripStart(text, ["set"], out rest) && Phrase.TrySplit(rest, ["for", "to"], out var setNamed, out var setFor)
            && Phrase.Words(setNamed) is [var firstSet, ..] setWords && firstSet is not ("up" or "a" or "an") && !setWords.Any(w => OtherFields.Contains(w) || w is "alarm" or "timer")
            && Due(setNamed, setFor, clock) is { } set)
        {
            return set;
        }
        // "schedule the dentist for friday", "put the milk on monday": the task already there moved, a new one added when none
        // still to do matches (as these always added: before, "schedule milk for friday" beside “Buy milk” added “Milk”).
        // "schedule a haircut for tuesday" is a new one, read by the add.
        if (Phrase.TryStripStart(text, ["schedule", "put"], out rest) && !Phrase.TryStripStart(rest, ["a", "an", "off", "in"], out _)
            && Phrase.TrySplit(rest, ["for", "on"], out var scheduled, out var scheduledFor)
            && Due(scheduled, scheduledFor, clock) is DueRequest schedule
            && (!schedule.Target.ByWords || utterance.Context.Tools.Has(ToolNames.UpdateTask, TaskToolArguments.Due)))
        {
            return schedule.Target.ByWords ? schedule with { AddInstead = Adding.Read(utterance) } : schedule;
        }
        // "postpone the dentist by a week", "push the report back 2 days": from the due date it has.
        if (Shift().Match(text) is { Success: true } shift && ShiftBy(shift) is { } by)
        {
            var shiftedText = shift.Groups["t"].Value;
            // "push everything by a day", "push all my tasks back a week": each task still to do that has a due date, and
            // "push everything due today by a day" each of that range, as moving them to a day does; "undo" puts them all
            // back (before: "I couldn't find a task matching “everything”").
            var each = EachOf.Read(shiftedText, clock) ?? (TaskReference.IsEverything(shiftedText) ? new DatedFilter() : null);
            if (each is not null)
            {
                return new EachOfRequest(each, new ShiftDueRequest(TaskTarget.It, by.Days, by.Months, by.Minutes));
            }
            if (TaskReference.Parse(shiftedText) is { } shifted)
            {
                return new ShiftDueRequest(shifted, by.Days, by.Months, by.Minutes);
            }
        }
        // "postpone the dentist", "snooze it": later, but not said when. Asked rather than guessed (a day? a week?).
        if (Phrase.TryStripStart(text, ["postpone", "snooze", "delay", "defer", "put off", "push back", "reschedule"], out var later)
            && !Phrase.TrySplit(later, ["to", "until", "till", "by", "for"], out _, out _) && Target(later) is not null)
        {
            return new Say($"Until when? For example “move {later} to friday” or “push {later} back 2 days”.");
        }
        if (Phrase.TryStripStart(text, MoveVerbs, out rest) && Phrase.TrySplit(rest, ["to", "until", "till"], out var moved, out var movedTo))
        {
            var move = Due(moved, movedTo, clock);
            // "push the dentist to next week" when it is already due next week: a postpone moves it later, not nowhere.
            return move is DueRequest due && !Phrase.TryStripStart(text, ["move", "reschedule"], out _) && Phrase.Words(movedTo) is ["next", "week" or "month"] period
                ? due with { Postponed = period[1] == "week" ? PostponedTo.NextWeek : PostponedTo.NextMonth }
                : move;
        }
        // "change the dinner to 8pm": a new value that is only a day or a time is when, not a title (before, the task was
        // renamed “8pm”). "rename" still renames.
        if (Phrase.TryStripStart(text, ["change", "update", "switch"], out rest) && Phrase.TrySplit(rest, ["to"], out var changed, out var changedTo)
            && !Phrase.Words(changed).Any(OtherFields.Contains) && Due(changed, changedTo, clock) is { } change)
        {
            return change;
        }
        // "actually make that tomorrow at 9", "make it friday": the task just talked about, when what follows is only when.
        if (Phrase.TryStripStart(text, ["make", "change", "move"], out rest) && Phrase.TryStripStart(rest, ["it", "that", "this", "that one", "this one"], out var makeWhen))
        {
            Phrase.TryStripStart(makeWhen, ["for", "on", "to"], out makeWhen);
            if (makeWhen.Length > 0 && Due("it", makeWhen, clock) is { } made)
            {
                return made;
            }
        }
        if (SaidInPassing(utterance) is { } inPassing)
        {
            return inPassing;
        }
        if (!utterance.IsQuestion && Phrase.TrySplit(text, ["is due", "are due", "should be due", "is now due"], out var subject, out var dueWhen))
        {
            return Due(subject, dueWhen, clock);
        }
        // "milk due friday", "rent due on the 1st": a task and when, said as a note. None still to do matching: adding it is
        // offered, as for any message that looks like a task ("yes" adds it). Not a list's question ("tasks due friday",
        // "anything due today"), nor a message that starts with a verb ("call mom due friday" is offered as a task, "complete
        // the report due friday" completes it).
        if (!utterance.IsQuestion && Phrase.TrySplit(text, ["due"], out var noted, out var notedWhen) && IsNamedAlone(noted, utterance)
            && Due(noted, notedWhen, clock) is DueRequest { Target.ByWords: true } note)
        {
            return note with { AddInstead = new Say(Fallback.Offer("add " + text, utterance.Context.Clock)) };
        }
        return utterance.IsQuestion ? null : Correction(text, clock);
    }

    /// <summary>
    /// A correction of when the task just talked about is due: "I meant wednesday", "no, friday at 5", "due wednesday, not
    /// tomorrow", "thursday not friday" (before, the last was read as a question about what is due tomorrow). A day or time
    /// alone, without such words, is not one ("friday" could answer anything).
    /// </summary>
    private static DueRequest? Correction(string text, UserClock clock)
    {
        var corrected = false;
        if (Phrase.TryStripStart(text, ["i meant", "i mean", "no i meant", "no i mean", "no", "nope", "no no", "not that"], out var meant))
        {
            (text, corrected) = (meant, true);
        }
        if (NotThat().Match(text) is { Success: true } not)
        {
            (text, corrected) = (text[..not.Index].TrimEnd(',', ' '), true);
        }
        if (!corrected || text.Length == 0)
        {
            return null;
        }
        Phrase.TryStripStart(text, ["it's due", "it is due", "its due", "due on", "due", "on", "for", "to"], out text);
        return When.ParseWhole(text, clock) is { } due ? new DueRequest(TaskTarget.It, due) : null;
    }

    private static SkillRequest? Due(string targetText, string whenText, UserClock clock)
    {
        // "move the haircut to 4": a clock hour alone after "to" is a time (a bare number is not one elsewhere: "add buy 4").
        var when = whenText.Trim();
        if (BareClockHour().IsMatch(when))
        {
            when = "at " + when;
        }
        // "move the milk to fri": a weekday's short name is a day after "to" too (elsewhere only after "on", "by"…: "sat", "sun").
        else if (WeekdayAlone().IsMatch(when))
        {
            when = "on " + when;
        }
        // "move the passport to march": a month alone after "to" is that month (elsewhere only after "by", "in"…: "call may").
        else if (When.IsMonthName(when))
        {
            when = "in " + when;
        }
        if (When.ParseWhole(when, clock) is not { } due)
        {
            return null;
        }
        // "push everything due today to tomorrow": each pending task due today, not a task titled "everything due today".
        if (EachOf.Read(targetText, clock) is { } range)
        {
            return new EachOfRequest(range, new DueRequest(TaskTarget.It, due));
        }
        if (Phrase.Words(targetText) is ["everything", ..] || TaskReference.IsEverything(targetText))
        {
            return new Say("I move tasks by name or number (“move the milk and the eggs to friday”, “move 2 and 4 to friday”), or all those of a day or a tag (“move everything due today to tomorrow”, “move all overdue tasks to today”, “move everything tagged #home to saturday”). Which ones?");
        }
        return TaskReference.Parse(targetText) is { } target ? new DueRequest(target, due, WeekdayAlone().IsMatch(when)) : null;
    }

    // Words that say who or what is done, not which task: "I have a report due friday" is an add, "change the description of
    // the rent to due on the 1st" an edit, "remove everything due today" a deletion.
    private static readonly HashSet<string> NotANamedTask =
    [
        "i", "im", "ive", "we", "you", "they", "there", "theres", "change", "update", "rename", "set", "make", "move", "put", "schedule",
        "add", "remove", "delete", "complete", "mark", "tag", "untag", "finish", "skip", "reopen", "push", "postpone", "reschedule",
        "remind", "create", "edit", "cancel", "clear", "show", "list", "find", "search", "get", "give", "tell", "check", "done",
    ];

    // Words that only name a task ("milk", "the report"): no verb, no one doing something, no question, no list, not "everything".
    private static bool IsNamedAlone(string text, Utterance utterance) =>
        Phrase.Words(text) is [var first, ..] words && !Verbs.IsImperative(first) && Verbs.BaseOfPast(first) is null
        && !words.Any(w => NotANamedTask.Contains(w) || OtherFields.Contains(w)) && !ListSkill.StartsAsking(words) && !ListSkill.OnlyNamesTasks(words)
        && !ListSkill.NamesAList(first) && !TaskReference.IsEverything(text) && !AddSkill.StartsWithVerb(text) && utterance.Words.Count <= 12;

    private static TaskTarget? Target(string text) => TaskReference.IsEverything(text) ? null : TaskReference.Parse(text);

    private static (int Days, int Months, int Minutes)? ShiftBy(System.Text.RegularExpressions.Match shift)
    {
        var n = shift.Groups["n"].Value.Equals("half an", StringComparison.OrdinalIgnoreCase) ? -30 : When.CountOf(shift.Groups["n"].Value);
        if (n == -30)
        {
            return (0, 0, shift.Groups["dir"].Value.Equals("earlier", StringComparison.OrdinalIgnoreCase) ? -30 : 30); // "half an hour"
        }
        if (n is < 1 or > 365)
        {
            return null;
        }
        var sign = shift.Groups["dir"].Value.Equals("earlier", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        var unit = shift.Groups["unit"].Value.ToLowerInvariant();
        return unit switch
        {
            _ when unit.StartsWith('d') => (sign * n, 0, 0),
            _ when unit.StartsWith('w') => (sign * 7 * n, 0, 0),
            _ when unit.StartsWith("mo", StringComparison.Ordinal) => (0, sign * n, 0),
            _ when unit.StartsWith('h') => (0, 0, sign * 60 * n),
            _ => (0, 0, sign * n), // minutes
        };
    }

    // ", not tomorrow", " not friday at 5" at the end: what the correction replaces.
    [System.Text.RegularExpressions.GeneratedRegex(@",?\s+(?:and\s+)?not\s+(?:on\s+|at\s+)?[\w\s:']+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotThat();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WeekdayAlone();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[1-9]|1[0-2])$")]
    private static partial System.Text.RegularExpressions.Regex BareClockHour();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:move|postpone|push back|push|reschedule|defer|delay|bump|put off|snooze)\s+(?<t>.+?)\s+(?:back\s+|out\s+)?(?:by\s+|for\s+)?(?<n>\d{1,3}|a|an|one|two|three|four|five|half an)\s+(?<unit>days?|weeks?|months?|hours?|hrs?|minutes?|mins?)(?:\s+(?<dir>later|earlier))?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Shift();
}

/// <summary>
/// The due date moved by a span ("postpone the dentist by a week", "push it back 2 days", "move 3 a day earlier",
/// "snooze the pickup by an hour"): from the date each task has, its time of day kept (or moved by the hours and
/// minutes). A task without a due date is not moved, nor one due all day by hours: the reply asks when.
/// </summary>
internal sealed record ShiftDueRequest(TaskTarget Target, int Days, int Months, int Minutes = 0) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Due;

    protected override string Feature => "due dates";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        Minutes != 0 && targets.FirstOrDefault(t => t.Known && t.DueText is { Length: <= 10 }) is { } allDay
            ? new Answer($"“{allDay.Title}” is due all day, without a time, so I move it by days. For example “push {allDay.Id} back a day”, or give it a time: “move {allDay.Id} to 5pm”.")
            : UpdatesOfDated(targets, context, undated => $"“{undated.Title}” has no due date to move from. When is it due? For example “move {undated.Id} to friday”.");

    protected override object? NewValue(TaskSnapshot task, AgentContext context)
    {
        if (task.DueText is not { } text || Due.FromArgument(text, context.Clock) is not { } current)
        {
            return null;
        }
        var date = current.Date.AddMonths(Months).AddDays(Days);
        if (Minutes != 0 && current.Time is { } time)
        {
            var moved = date.ToDateTime(time).AddMinutes(Minutes);
            return (current with { Date = DateOnly.FromDateTime(moved), Time = TimeOnly.FromDateTime(moved) }).ToArgument(context.Clock);
        }
        return (current with { Date = date }).ToArgument(context.Clock);
    }

    protected override string ReplyChanged(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        string.Join(' ', done.Select(d => d.Argument(Argument) is string sent && Due.FromArgument(sent, context.Clock) is { } due
            ? DueRequest.NowDue(d.Outcome.Title ?? "", due, context)
            : Changed(d.Outcome.Title ?? "", context)));

    protected override string Changed(string title, AgentContext context) => $"Moved the due date of “{title}”.";

    protected override string ByNumbers(string numbers, AgentContext context)
    {
        var (count, unit) = Months != 0 ? (Months, "month") : Days != 0 ? (Days % 7 == 0 ? (Days / 7, "week") : (Days, "day")) : Minutes % 60 == 0 ? (Minutes / 60, "hour") : (Minutes, "minute");
        return count > 0 ? $"push {numbers} back {Replies.Count(count, unit)}" : $"move {numbers} {Replies.Count(-count, unit)} earlier";
    }
}

/// <summary>A new due date (null removes it).</summary>
/// <param name="Target">The task or tasks.</param>
/// <param name="Due">The new due date; null removes it.</param>
/// <param name="InTasksWeek">A weekday said alone ("move the dentist to thursday"): for a task due in a later week, that
/// week's Thursday, as a calendar moves an appointment within its week (the next Thursday otherwise).</param>
internal sealed record DueRequest(TaskTarget Target, Due? Due, bool InTasksWeek = false) : FieldChangeRequest(Target)
{
    /// <summary>
    /// "postpone …", "push …" to next week or next month: a task already due then or later goes to the week (month) after
    /// its own. On a Sunday, "push the dentist to next week" of a dentist due Monday left it there and said it "is now
    /// due tomorrow" (next week starts on Monday).
    /// </summary>
    public PostponedTo? Postponed { get; init; }

    protected override string Argument => TaskToolArguments.Due;

    protected override string Feature => "due dates";

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => For(task, context.Clock)?.ToArgument(context.Clock) ?? "";

    /// <summary>
    /// The due date for one task: a day without a time keeps the task's time of day ("move the dentist to tuesday" keeps
    /// its 09:00, as moving an appointment to another day in a calendar does), where a date alone would have made it
    /// due all day and its reminders, which count back from that time, would have moved with it; a time without a day
    /// keeps the task's day ("change the dinner to 8pm" is the same Friday at 20:00).
    /// </summary>
    private Due? For(TaskSnapshot task, UserClock clock)
    {
        var current = task.DueText is { } text ? Due.FromArgument(text, clock) : null;
        if (InTasksWeek && Due is { } weekday && current is { } dated && UserClock.WeekStart(dated.Date) > UserClock.WeekStart(weekday.Date))
        {
            var day = UserClock.WeekStart(dated.Date).AddDays(((int)weekday.Date.DayOfWeek + 6) % 7);
            return weekday with { Date = day, Time = weekday.Time ?? dated.Time };
        }
        var due = (Due, current) switch
        {
            ({ DayFromTime: true } time, { } day) => time.OnDay(day.Date),
            ({ Time: null } day, { Time: { } time }) => day with { Time = time },
            _ => Due,
        };
        if (Postponed is { } period && due is not null && current is { } was && due.Date <= was.Date)
        {
            return due with
            {
                Date = period == PostponedTo.NextWeek ? UserClock.WeekStart(was.Date).AddDays(7) : new DateOnly(was.Date.Year, was.Date.Month, 1).AddMonths(1),
            };
        }
        return due;
    }

    /// <summary>
    /// Removing a due date takes the reminders that count back from it along (the tools refuse a task without a due
    /// date that keeps them); reminders at a set moment stay.
    /// </summary>
    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        Due is not null ? base.ActOn(targets, context) : new CallTools([.. targets.Select(t => ToolCall.Of(ToolNames.UpdateTask,
            (ToolArguments.TaskId, t.Id),
            (TaskToolArguments.Due, ""),
            (TaskToolArguments.Reminders, TaskReminders.KeptWithoutDue(t.Reminders))))]);

    protected override string ReplyChanged(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        string.Join(' ', done.Select(d => Said(d.Outcome.Title ?? "", d.Argument(Argument) is string sent ? Due.FromArgument(sent, context.Clock) : Due, context)
            + (d.Arguments.ContainsKey(TaskToolArguments.Reminders) ? " Its reminders before the due time went with it." : "")));

    private string Said(string title, Due? due, AgentContext context)
    {
        if (Postponed is not { } period || due is null || Due is null || due.Date == Due.Date)
        {
            return Changed(title, due, context);
        }
        var (said, span) = period == PostponedTo.NextWeek ? ("next week", "week") : ("next month", "month");
        return $"“{title}” was already due {said}, so I pushed it to the {span} after: it is now due {due.Describe(context.Clock)}.";
    }

    protected override string Changed(string title, AgentContext context) => Changed(title, Due, context);

    protected override string ByNumbers(string numbers, AgentContext context) =>
        Due is null ? $"remove the due date from {numbers}" : $"move {numbers} to {Due.Describe(context.Clock)}";

    private static string Changed(string title, Due? due, AgentContext context) =>
        due is null ? $"Removed the due date of “{title}”." : NowDue(title, due, context);

    /// <summary>"“Call the dentist” is now due Monday at 15:00."</summary>
    public static string NowDue(string title, Due due, AgentContext context) => $"“{title}” is now due {due.Describe(context.Clock)}.";
}

/// <summary>Where a postpone said to go: "next week", "next month" (<see cref="DueRequest.Postponed"/>).</summary>
internal enum PostponedTo
{
    NextWeek,
    NextMonth,
}
