using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "undo", "undo that", "take that back": reverses the last change of this conversation, once. An add is deleted, a
/// completion reopened (reopen_task), a reopening completed, a deletion restored (restore_task: the same task, with its
/// own number; an mcp without it gets the task re-created with the fields it had, from the lookup before it), an edit
/// set back to the previous values. The conversation is the only memory it needs. "redo" makes again the change an undo
/// just took back (the undo's own changes reversed), so undo and redo can go back and forth.
/// </summary>
internal sealed partial class UndoSkill : Skill
{
    private static readonly string[] Phrases =
        ["undo", "undo that", "undo it", "undo this", "undo the last change", "undo last change", "undo the last one", "undo last",
         "revert", "revert that", "revert it", "revert the last change", "take that back", "take it back", "undo what you just did",
         "undo my last change", "oops undo", "undo please", "cancel that", "reverse that", "put it back", "bring it back", "bring them back"];

    private static readonly string[] RedoPhrases =
        ["redo", "redo that", "redo it", "redo please", "undo the undo", "undo that undo", "undo undo", "redo the last change", "redo last change"];

    // Said in answer to a change that was not wanted: that change is what they take back, if it is the one just made (a
    // change some turns back is not what "oops" is about, and is left to an explicit "undo").
    private static readonly string[] Reactions =
        ["oops", "whoops", "oops that was wrong", "that was wrong", "thats wrong", "that was a mistake", "my mistake", "my bad", "wrong one",
         "i didnt mean that", "i did not mean that", "didnt mean that", "not that one"];

    // "I've renewed my passport" … "oops, not yet": the completion is what they take back, and nothing else is.
    private static readonly string[] NotYet =
        ["not yet", "not done yet", "its not done", "its not done yet", "it isnt done", "it isnt done yet", "i havent yet", "i havent done it yet",
         "no not yet", "not finished yet", "not quite yet"];

    public override string Name => "undo";

    public override int Precedence => 20;

    public override string Capability => "undo your last change (“redo” makes it again)";

    public override IReadOnlyList<string> Examples => ["undo that", "undo", "take that back", "bring it back", "redo"];

    public override SkillRequest? Read(Utterance utterance)
    {
        if (IsRedo(utterance.Raw))
        {
            return new UndoRequest(Redo: true);
        }
        if (Phrases.Contains(string.Join(' ', Phrase.Words(Phrase.Clean(utterance.Raw)))) || Phrases.Contains(utterance.Joined))
        {
            return new UndoRequest();
        }
        if (Reactions.Contains(string.Join(' ', Phrase.Words(Phrase.Clean(utterance.Raw)))) || Reactions.Contains(utterance.Joined))
        {
            return new UndoRequest(JustMade: true);
        }
        if (NotYet.Contains(utterance.Joined))
        {
            return new UndoRequest(OnlyCompletions: true, JustMade: true);
        }
        // "bring back the gym", "put the gym back", "restore the gym": the undo of the deletion that took it.
        return BringBack().Match(utterance.Text) is { Success: true } back && TaskReference.MeaningfulWords(Phrase.Words(back.Groups["q"].Value)) is { Count: > 0 } named
            && !TaskReference.IsPronoun(back.Groups["q"].Value)
            ? new UndoRequest(named)
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:bring|put)\s+back\s+(?<q>.+)|(?:bring|put|get)\s+(?<q>.+?)\s+back|(?:restore|undelete|recover)\s+(?<q>.+))$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BringBack();

    public static bool IsRedo(string message) => RedoPhrases.Contains(string.Join(' ', Phrase.Words(Phrase.Clean(message))));

    public static bool IsUndo(string message)
    {
        var words = Phrase.Words(Phrase.Clean(message));
        // "oops, not yet", "wait, not yet": the fillers Read had stripped before it saw "not yet".
        var notYet = words.SkipWhile(w => w is "oops" or "whoops" or "wait" or "actually" or "sorry" or "oh" or "um" or "hmm");
        return Phrases.Contains(string.Join(' ', words)) || Reactions.Contains(string.Join(' ', words)) || NotYet.Contains(string.Join(' ', notYet));
    }
}

/// <summary>
/// The undo of the conversation's last change. <paramref name="Named"/>: the words of a task to bring back ("bring back
/// the gym"), which that change must have deleted: a deletion further back cannot be reversed, and is not guessed at.
/// <paramref name="OnlyCompletions"/>: "not yet", which takes back a change that marked tasks done and no other.
/// <paramref name="JustMade"/>: "oops", "not yet", which are about the change of the turn just before, and no older one.
/// <paramref name="Redo"/>: "redo", which reverses the conversation's last change only when that change was an undo.
/// </summary>
internal sealed partial record UndoRequest(IReadOnlyList<string>? Named = null, bool OnlyCompletions = false, bool JustMade = false, bool Redo = false) : SkillRequest
{
    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        var chat = context.Chat;
        var last = LastChange(chat);
        if (Named is null && chat.Previous is { } asked && ConfirmedList.IsAsking(asked.Reply))
        {
            // "undo" said to "I'll delete 4 tasks: … Shall I go ahead?": the question is what they take back (nothing has
            // changed yet); before, the change before the question was undone, which nobody saying it meant. It answers the
            // question, so a "yes" after it no longer acts; an "undo" after that is about the change before.
            return new Answer("OK, I won't go ahead: nothing has changed." + (last is null ? "" : " Say “undo” again to take back your change before that."));
        }
        if (Redo && (last is null || !UndoSkill.IsUndo(last.UserText)))
        {
            return new Answer("There's nothing to redo: “redo” makes again a change you just took back with “undo”.");
        }
        if (Named is not null && (last is null || !DeletedOneNamed(last, chat)))
        {
            return new Answer($"I can only bring back a task this conversation's last change deleted, and “{string.Join(' ', Named)}” wasn't one. " +
                "Say “add …” to add it again.");
        }
        if (JustMade && last is not null && !ReferenceEquals(last, chat.Previous))
        {
            last = null; // The turn just before changed nothing: "oops" is not about a change further back.
        }
        if (last is null)
        {
            return new Answer(OnlyCompletions ? NotACompletion
                : JustMade ? "No harm done: my last reply didn't change anything. If you want a change taken back, say “undo”."
                : "There's nothing to undo in this conversation yet.");
        }
        if (!Redo && UndoSkill.IsUndo(last.UserText))
        {
            return new Answer("I already undid the last change. Say “redo” to make it again.");
        }
        if (OnlyCompletions && Changes(last).Any(c => c.Tool != ToolNames.CompleteTask))
        {
            return new Answer(NotACompletion);
        }
        var calls = new List<ToolCall>();
        foreach (var change in ToReverse(last, Redo))
        {
            if ((Redo ? Repeated(change, last, chat) : null) is { } again)
            {
                calls.Add(again);
                continue;
            }
            if (Reverse(change, chat, context.Tools) is not { } reverse)
            {
                return new Answer($"Sorry, I can't undo that: {WhyNot(change)}.");
            }
            calls.Add(reverse);
        }
        return new CallTools(calls);
    }

    /// <summary>
    /// An edit or a skip a redo makes again: the call the undo took back, as it was made. The task as last seen before the
    /// undo is not always as that call left it (a reply that only said "is now due Friday" carries no task), so the undo's
    /// own change cannot be reversed from it.
    /// </summary>
    private static ToolCall? Repeated(ToolExchange undo, PastTurn undoTurn, ChatState chat)
    {
        if (undo.Tool != ToolNames.UpdateTask || (undo.Outcome.TaskId ?? undo.ArgumentId) is not { } id)
        {
            return null;
        }
        return UndoneBy(undoTurn, chat)?.Exchanges.LastOrDefault(e => e.Changed && e.Tool is ToolNames.UpdateTask or TaskToolNames.SkipTask && (e.Outcome.TaskId ?? e.ArgumentId) == id) is { } original
            ? new ToolCall(original.Tool, original.Arguments)
            : null;
    }

    /// <summary>
    /// Without restore_task, a deleted task that was done comes back done: add_task re-creates it (pending, with a new
    /// number), then it is completed. Before, "clear completed tasks", "yes", "undo" brought every one of them back as still
    /// to do. restore_task brings it back as it was, done included.
    /// </summary>
    private const string NotACompletion =
        "My last change didn't mark anything done. To mark a task not done, say “reopen …” with its name or number.";

    public override IReadOnlyList<ToolCall>? FollowUp(IReadOnlyList<ToolExchange> acted, AgentContext context)
    {
        var changes = LastChange(context.Chat) is { } last ? ToReverse(last, Redo) : [];
        return [.. changes.Zip(acted)
            .Where(pair => pair.First.Tool == ToolNames.DeleteTask && WasDone(pair.First, context.Chat)
                && pair.Second is { Tool: ToolNames.AddTask, Outcome: { Succeeded: true, TaskId: { } } })
            .Select(pair => ToolCall.Of(ToolNames.CompleteTask, (ToolArguments.TaskId, pair.Second.Outcome.TaskId!.Value)))];
    }

    // The turn whose changes "undo" reverses, and those changes, in the order Act reverses them (FollowUp pairs them
    // with the reversals by that order).
    private static PastTurn? LastChange(ChatState chat) => chat.Earlier.LastOrDefault(t => t.Exchanges.Any(e => e.Changed));

    private static List<ToolExchange> Changes(PastTurn turn) => [.. turn.Exchanges.Where(e => e.Changed)];

    // The turn whose change an undo took back: the last one before it that changed anything.
    private static PastTurn? UndoneBy(PastTurn undoTurn, ChatState chat) =>
        chat.Earlier.TakeWhile(t => !ReferenceEquals(t, undoTurn)).LastOrDefault(t => t.Exchanges.Any(e => e.Changed));

    // What a redo reverses: the undo's changes, but not the completion of a task that undo re-created (done, since the
    // deleted task was): deleting the re-created task again takes both back.
    private static List<ToolExchange> ToReverse(PastTurn turn, bool redo)
    {
        var changes = Changes(turn);
        var added = changes.Where(c => c.Tool == ToolNames.AddTask).Select(c => c.Outcome.TaskId).OfType<long>().ToHashSet();
        return redo ? [.. changes.Where(c => !(c.Tool == ToolNames.CompleteTask && c.ArgumentId is { } id && added.Contains(id)))] : changes;
    }

    private bool DeletedOneNamed(PastTurn last, ChatState chat) =>
        TitleMatcher.Match([.. Changes(last).Where(c => c.Tool == ToolNames.DeleteTask)
            .Select(c => (c.Outcome.TaskId ?? c.ArgumentId) is { } id ? chat.SeenBefore(id, c) : null).OfType<TaskSnapshot>()], Named!).Count > 0;

    private static bool WasDone(ToolExchange deletion, ChatState chat) =>
        (deletion.Outcome.TaskId ?? deletion.ArgumentId) is { } id && chat.SeenBefore(id, deletion) is { Completed: true };

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        if (done.Count > 0 && done.All(d => d.Tool == ToolNames.RestoreTask))
        {
            // The same tasks, with their own numbers: what the chat's earlier replies called them still holds.
            return "Brought back " + Replies.Join(done.Select(d => $"“{d.Outcome.Title}” (task {d.Outcome.TaskId})")) + ".";
        }
        // An edit or a skip made again by its own call: the reply that call had says what it did ("“Dentist” is now due
        // Friday at 16:00."), where "has your change again" would not.
        if (Redo && done.Count > 0 && done.All(d => d.Tool is ToolNames.UpdateTask or TaskToolNames.SkipTask && d.Outcome.Succeeded)
            && LastChange(context.Chat) is { } undoTurn && UndoneBy(undoTurn, context.Chat) is { } undone
            && undone.Exchanges.Where(e => e.Changed).All(e => e.Tool is ToolNames.UpdateTask or TaskToolNames.SkipTask))
        {
            return "Redone: " + SayUndo().Replace(undone.Reply, "").Trim();
        }
        var added = done.Where(d => d.Tool == ToolNames.AddTask).Select(d => d.Outcome.TaskId).OfType<long>().ToHashSet();
        var doneAgain = done.Where(d => d.Tool == ToolNames.CompleteTask && d.ArgumentId is { } id && added.Contains(id)).Select(d => d.ArgumentId!.Value).ToHashSet();
        return (Redo ? "Redone: " : "Undone: ") + Replies.Join(done.Where(d => !(d.Tool == ToolNames.CompleteTask && d.ArgumentId is { } id && doneAgain.Contains(id))).Select(d => d.Tool switch
        {
            ToolNames.DeleteTask => $"removed “{d.Outcome.Title}” again",
            ToolNames.RestoreTask => $"“{d.Outcome.Title}” is back (task {d.Outcome.TaskId})",
            ToolNames.AddTask => $"“{d.Outcome.Title}” is back (as task {d.Outcome.TaskId}{(doneAgain.Contains(d.Outcome.TaskId ?? 0) ? ", done" : "")})",
            TaskToolNames.ReopenTask => $"“{d.Outcome.Title}” is not done again",
            ToolNames.CompleteTask => $"“{d.Outcome.Title}” is done again",
            _ when Redo => $"“{d.Outcome.Title}” has your change again",
            _ => $"“{d.Outcome.Title}” is back to how it was",
        })) + ".";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*Say “undo”[^.]*\.", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SayUndo();

    private static ToolCall? Reverse(ToolExchange change, ChatState chat, ToolCatalog tools)
    {
        var id = change.Outcome.TaskId ?? change.ArgumentId;
        if (id is not { } taskId)
        {
            return null;
        }
        switch (change.Tool)
        {
            case ToolNames.AddTask:
                return ToolCall.Of(ToolNames.DeleteTask, (ToolArguments.TaskId, taskId));
            case ToolNames.CompleteTask:
                return tools.Has(TaskToolNames.ReopenTask) ? ToolCall.Of(TaskToolNames.ReopenTask, (ToolArguments.TaskId, taskId)) : null;
            case TaskToolNames.ReopenTask:
                return ToolCall.Of(ToolNames.CompleteTask, (ToolArguments.TaskId, taskId));
            case ToolNames.RestoreTask:
                // "bring back the gym", or an undo that restored it: deleted again (restore_task brings it back once more).
                return ToolCall.Of(ToolNames.DeleteTask, (ToolArguments.TaskId, taskId));
            case ToolNames.DeleteTask when tools.Has(ToolNames.RestoreTask):
                return ToolCall.Of(ToolNames.RestoreTask, (ToolArguments.TaskId, taskId));
            case ToolNames.DeleteTask:
                var gone = chat.SeenBefore(taskId, change);
                var title = gone?.Title is { Length: > 0 } t ? t : change.Outcome.Title;
                if (title is null)
                {
                    return null;
                }
                // Every field the task had that add_task takes back. A done task is completed again once re-created
                // (FollowUp): its repeat lives on in the next occurrence its completion made (completing a copy that
                // repeats would make another), and its reminders would go off before the completion.
                string[] fields = gone is { Completed: true }
                    ? [ToolArguments.Description, TaskToolArguments.Due, TaskToolArguments.Priority, TaskToolArguments.Tags]
                    : [ToolArguments.Description, TaskToolArguments.Due, TaskToolArguments.Priority, TaskToolArguments.Tags, TaskToolArguments.Recurrence, TaskToolArguments.Reminders];
                return ToolCall.Of(ToolNames.AddTask, [(ToolArguments.Title, title),
                    .. fields.Where(f => tools.Has(ToolNames.AddTask, f)).Select(f => (f, Present(gone?.Field(f))))]);
            case TaskToolNames.SkipTask:
                // Back to the occurrence it was on: its due date, and its reminders (one at a set moment moved with it).
                return chat.SeenBefore(taskId, change) is { } skipped && tools.Has(ToolNames.UpdateTask, TaskToolArguments.Due)
                    ? ToolCall.Of(ToolNames.UpdateTask, [(ToolArguments.TaskId, taskId), (TaskToolArguments.Due, Previous(skipped, TaskToolArguments.Due)),
                        .. tools.Has(ToolNames.UpdateTask, TaskToolArguments.Reminders) ? [(TaskToolArguments.Reminders, Previous(skipped, TaskToolArguments.Reminders))] : Array.Empty<(string, object?)>()])
                    : null;
            case ToolNames.UpdateTask:
                // As the task was before this change: a list shown since shows it changed (undoing to that changed nothing).
                var before = chat.SeenBefore(taskId, change);
                if (before is null)
                {
                    return null;
                }
                var changed = change.Arguments.Keys.Where(k => k != ToolArguments.TaskId).ToList();
                if (changed.Contains(TaskToolArguments.Recurrence) && !changed.Contains(TaskToolArguments.Due)
                    && change.Outcome.Due != before.DueText && tools.Has(ToolNames.UpdateTask, TaskToolArguments.Due))
                {
                    changed.Add(TaskToolArguments.Due); // A new repeat moved the due date to its first day (the task service does): back too.
                }
                return ToolCall.Of(ToolNames.UpdateTask, [(ToolArguments.TaskId, taskId), .. changed.Select(f => (f, Previous(before, f)))]);
            default:
                return null;
        }
    }

    // A field that was empty is left out when re-creating, so the tools' defaults apply.
    private static object? Present(object? value) => value switch
    {
        string { Length: 0 } or TaskPriorities.None => null,
        string[] { Length: 0 } => null,
        _ => value,
    };

    // What a field was before the edit; an absent field is cleared the way update_task clears it.
    private static object Previous(TaskSnapshot before, string field) =>
        before.Field(field) ?? field switch
        {
            TaskToolArguments.Tags or TaskToolArguments.Reminders => Array.Empty<string>(),
            TaskToolArguments.Priority => TaskPriorities.None,
            _ => "",
        };

    private static string WhyNot(ToolExchange change) => change.Tool switch
    {
        ToolNames.CompleteTask => $"I can't mark “{change.Outcome.Title}” as not done yet; the task service doesn't offer that",
        _ => "I don't know what the task was like before",
    };
}
