using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// A request that acts on tasks the user named. The target is resolved the same way for every skill: by number
/// (directly, or checked against a lookup when the request needs to know the task first), "it" (the task the
/// conversation last acted on), or by words: list first, act on a single match (a near miss counts when it is the
/// only one), ask which one when several match.
/// </summary>
internal abstract record TargetedRequest(TaskTarget Target) : SkillRequest
{
    /// <summary>The question asked when several tasks match; a bare number in the next message answers it.</summary>
    public const string WhichOpening = "Which one did you mean: ";

    /// <summary>Which tasks a lookup lists: completing only concerns pending tasks, reopening done ones.</summary>
    protected virtual string LookupStatus => ListStatus.All;

    /// <summary>True when the request must see a task's current fields before it acts (delete, edits: for undo and for the reply).</summary>
    protected virtual bool NeedsCurrentFields => false;

    /// <summary>"complete", "delete": the verb of the questions this request asks.</summary>
    protected abstract string Verb { get; }

    public override ToolCall? Lookup(AgentContext context) =>
        Target.ByWords || NeedsCurrentFields ? ToolCall.List(LookupStatus) : null;

    public sealed override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        var ids = Target.IsIt ? context.Chat.LastTaskId is { } last ? [last] : [] : Target.Ids;
        if (Target.IsIt && ids.Count == 0)
        {
            return new Answer($"Which task should I {Verb}? Tell me its number or a few words of its title.");
        }
        if (!Target.ByWords)
        {
            if (tasks is null)
            {
                return ActOn([.. ids.Select(TaskSnapshot.ById)], context);
            }
            var missing = ids.Where(id => tasks.All(t => t.Id != id)).ToList();
            return missing.Count > 0
                ? new Answer(missing.Count == 1 ? $"I couldn't find task {missing[0]}{StatusNote}." : $"I couldn't find tasks {Replies.Join(missing.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)))}{StatusNote}.")
                : ActOn([.. ids.Select(id => tasks.First(t => t.Id == id))], context);
        }
        var matches = Match(tasks ?? []);
        return matches.Count switch
        {
            0 => new Answer(NoMatch(tasks ?? [])),
            1 => ActOn(matches, context),
            _ => new Answer(WhichOpening + string.Join(", ", matches.Select(Replies.Label)) + "? Reply with its number."),
        };
    }

    /// <summary>The tasks the words point at; a skill may look further ("I bought the milk" tries "milk" alone).</summary>
    protected virtual IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks) => TitleMatcher.Match(tasks, Target.Words);

    /// <summary>The calls for the resolved tasks (or an answer when there is nothing to do).</summary>
    protected abstract NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context);

    protected virtual string NoMatch(IReadOnlyList<TaskSnapshot> tasks) =>
        $"I couldn't find a{(LookupStatus == ListStatus.Pending ? " pending" : LookupStatus == ListStatus.Completed ? " completed" : "")} task matching “{Target.Phrase}”. Say “show my tasks” to see them all.";

    private string StatusNote => LookupStatus switch
    {
        ListStatus.Pending => " among your pending tasks",
        ListStatus.Completed => " among your completed tasks",
        _ => "",
    };
}
