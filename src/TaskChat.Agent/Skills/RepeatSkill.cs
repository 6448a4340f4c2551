using System.Globalization;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "make 3 repeat every week", "the plants repeat every 3 days", "repeat 3 every monday and thursday",
/// "make it repeat every other friday", "stop repeating 3", "stop repeating" (the task just talked about). Needs update_task's <c>recurrence</c>.
/// </summary>
internal sealed class RepeatSkill : Skill
{
    private static readonly string[] StopPhrases =
        ["stop repeating", "don't repeat", "dont repeat", "no longer repeat", "stop the repeat of", "remove the repeat from", "remove the repeat of", "cancel the repeat of", "make it stop repeating"];

    public override string Name => "repeat";

    public override int Precedence => 46;

    public override string Capability => "repeat tasks (“every monday”, “every 3 days”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, TaskToolArguments.Recurrence)];

    public override IReadOnlyList<string> Examples =>
        ["make 3 repeat every week", "repeat 3 every monday and thursday", "stop repeating 3", "stop repeating", "the plants should repeat every 3 days", "make it repeat every month on the 1st",
        "make it repeat every other friday", "make the book club repeat on the first monday of every month"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        if (Phrase.TryStripStart(text, StopPhrases, out var rest))
        {
            return new RepeatRequest(rest.Length == 0 ? TaskTarget.It : TaskReference.Parse(rest) ?? TaskTarget.It, null);
        }
        if (Phrase.TryStripEnd(text, ["stop repeating", "should stop repeating", "no longer repeats", "shouldn't repeat", "should not repeat"], out rest))
        {
            // "make the gym stop repeating": the task between the verb and the end.
            Phrase.TryStripStart(rest, ["make", "have"], out rest);
            return TaskReference.Parse(rest) is { } stopped ? new RepeatRequest(stopped, null) : null;
        }
        // "stop the gym repeating", "stop the gym from repeating" (before: not understood).
        if (Phrase.TryStripStart(text, ["stop"], out var inner) && Phrase.TryStripEnd(inner, ["from repeating", "repeating"], out var named) && named.Length > 0)
        {
            return TaskReference.Parse(named) is { } stopped ? new RepeatRequest(stopped, null) : null;
        }
        if (!Repeats.TryExtract(text, out var before, out var repeat))
        {
            return null;
        }
        // "make it weekly", "make that every monday": the task just talked about (before: a task “Make it” was added).
        if (Phrase.TryStripStart(before, ["make"], out var made) && TaskReference.IsPronoun(made))
        {
            return new RepeatRequest(TaskTarget.It, repeat);
        }
        // "change pay rent to every 2 weeks", "set it to monthly": a new repeat, not a new title (before: renamed “Every 2 weeks”).
        if (Phrase.TryStripStart(before, ["change", "update", "switch", "set"], out var changed) && Phrase.TryStripEnd(changed, ["to repeat", "to"], out changed)
            && !Phrase.Words(changed).Any(w => w is "title" or "name" or "description" or "note" or "notes"))
        {
            return TaskReference.Parse(changed) is { } changedTarget ? new RepeatRequest(changedTarget, repeat) : null;
        }
        // "the rent is due every friday", "the rent is due on the 1st of every month": a task there, its days said as when it
        // is due (before: not understood). Days alone ("is due mon and wed") are not enough, as for a new task's repeat.
        if (!repeat.Implied && !utterance.IsQuestion && Phrase.TryStripEnd(before, ["is due on", "is due", "are due on", "are due", "'s due on", "'s due", "s due on", "s due"], out var dueTask)
            && Phrase.Words(dueTask) is [not ("add" or "what" or "whats" or "which" or "anything" or "something"), ..] && TaskReference.Parse(dueTask) is { } dueTarget)
        {
            return new RepeatRequest(dueTarget, repeat);
        }
        // "taxes every year", "the garage weekly", "milk every week": a task named by a few words and a repeat, no verb, is that
        // task made to repeat, as "make the taxes yearly" is; with none still to do of those words, adding it is offered
        // (before: not understood, or offered as “Taxes yearly”). "water the plants every 3 days" (a verb first) is an add.
        if (!repeat.Implied && !utterance.IsQuestion && Phrase.Words(before) is [var first, ..] nameWords && !Verbs.IsImperative(first) && !AddSkill.StartsWithVerb(before)
            && !nameWords.Any(w => w.StartsWith("repeat", StringComparison.Ordinal) || w.StartsWith("recur", StringComparison.Ordinal) || w is "same" or "time" or "times" or "once" or "twice")
            && Fallback.Sought([.. nameWords], utterance.Context.Clock) is { } sought && TaskReference.Parse(sought.Named) is { ByWords: true } soughtTarget)
        {
            var add = $"{Fallback.Plain(sought.Named)} {repeat.Words.ToLowerInvariant()}";
            return new RepeatRequest(soughtTarget, repeat)
            {
                AddInstead = new Say($"{Fallback.AddOffer}{AddSkill.Title(sought.Named)}” as a task, repeating {repeat.Words}? Say “add {add}” (or “yes”) and I will."),
            };
        }
        // "make 3 repeat every week", "repeat 3 every monday", "the plants should repeat every 3 days": a repeat of a task
        // that exists needs the word "repeat" (or "recur"); without it, "water the plants every 3 days" is a new task.
        if (!utterance.Words.Any(w => w.StartsWith("repeat", StringComparison.Ordinal) || w.StartsWith("recur", StringComparison.Ordinal)))
        {
            return null;
        }
        Phrase.TryStripStart(before, ["make", "set", "repeat", "have"], out var target);
        Phrase.TryStripEnd(target, ["repeat", "recur", "to repeat", "repeating", "repeats", "recurs", "should repeat", "should recur", "must repeat", "should", "must", "to"], out target);
        return TaskReference.Parse(target) is { } t ? new RepeatRequest(t, repeat) : null;
    }
}

/// <summary>A new repeat (null stops it).</summary>
internal sealed record RepeatRequest(TaskTarget Target, Repeat? Repeat) : FieldChangeRequest(Target)
{
    /// <summary>
    /// A task said with a repeat and no "add" ("call mom every sunday"), which a task still to do with that title already
    /// is: that one repeats, and only that title is it (“Call mom about the party” is another task, and the add goes
    /// ahead, <see cref="FieldChangeRequest.AddInstead"/>). Null for a repeat asked of a task by its words.
    /// </summary>
    public string? SameTitle { get; init; }

    /// <summary>
    /// The first occurrence said with the repeat ("call mom every sunday at 5pm": Sunday at 17:00), set as the task's due
    /// with it, as adding it sets it. Null: the task service keeps the due date, or moves it to the first day the repeat
    /// picks ("every sunday" of a task due Friday: that Sunday), which the reply then says.
    /// </summary>
    public Due? FirstDue { get; init; }

    protected override string Argument => TaskToolArguments.Recurrence;

    public override IReadOnlyList<ToolNeed> Needs => FirstDue is null ? base.Needs : [.. base.Needs, new(ToolNames.UpdateTask, TaskToolArguments.Due)];

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) => FirstDue is not { } first
        ? base.ActOn(targets, context)
        : new CallTools([.. targets.Select(t => ToolCall.Of(ToolNames.UpdateTask,
            (ToolArguments.TaskId, t.Id), (TaskToolArguments.Recurrence, NewValue(t, context)), (TaskToolArguments.Due, first.ToArgument(context.Clock))))]);

    protected override string Feature => "repeats";

    protected override object? NewValue(TaskSnapshot task, AgentContext context) => Repeat?.Rule ?? "";

    protected override IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks) => SameTitle is { } title
        ? [.. tasks.Where(t => !t.Completed && string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase))]
        : base.Match(tasks);

    // A title said whole has no near miss to look for among the tasks changed last: none the same, it is added.
    public override ToolCall? LookupAgain(IReadOnlyList<TaskSnapshot> found, AgentContext context) =>
        SameTitle is null ? base.LookupAgain(found, context) : null;

    // The repeat moved the due date to its first day (the task service does, for a rule that picks days): said, so that
    // "call mom every sunday" of a call due Friday does not leave the user thinking Friday still holds.
    protected override string ReplyChanged(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        string.Join(' ', done.Select(d =>
        {
            var before = tasks?.FirstOrDefault(t => t.Id == d.ArgumentId)?.DueText;
            var moved = Repeat is not null && FirstDue is null && before is not null && d.Outcome.Due is { } now && now != before
                ? Due.FromArgument(now, context.Clock)
                : null;
            return Said(d.Outcome.Title ?? "", moved, context);
        }));

    protected override string Changed(string title, AgentContext context) => Said(title, null, context);

    private string Said(string title, Due? moved, AgentContext context)
    {
        var next = moved is null ? "" : $", next due {moved.Describe(context.Clock)}";
        return (Repeat, SameTitle) switch
        {
            (null, _) => $"“{title}” no longer repeats.",
            (_, null) => $"“{title}” now repeats {Repeat.Words}{next}.",
            _ when FirstDue is { } first => $"“{title}” was already on your list, so it now repeats {Repeat.Words}, next due {first.Describe(context.Clock)} (I didn't add another). " +
                $"To add a second one, say “add {title.ToLowerInvariant()} again {Repeat.Words.ToLowerInvariant()} at {first.Time?.ToString("HH:mm", CultureInfo.InvariantCulture)}”.",
            _ => $"“{title}” was already on your list, so it now repeats {Repeat.Words}{next} (I didn't add another). To add a second one, say “add {title.ToLowerInvariant()} again {Repeat.Words.ToLowerInvariant()}”.",
        };
    }
}
