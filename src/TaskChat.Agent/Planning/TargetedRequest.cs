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
    /// <summary>The question asked when several tasks match; <see cref="WhichAnswer"/> reads the next message as its answer.</summary>
    public const string WhichOpening = "Which one: ";

    /// <summary>
    /// The question as it was asked before "Which one: 1. “Pay rent” (#8) …" (its tasks by number, "Reply with its
    /// number."): still answered in a conversation that stopped at it, a bare number then being the task's.
    /// </summary>
    public const string EarlierWhichOpening = "Which one did you mean: ";

    /// <summary>
    /// True when <paramref name="reply"/> asks which task the user meant, in either wording: at its start, or after what
    /// another request of the same message did ("Added “Eggs” (task 5). Which one: …", <see cref="Replies.InOrder"/>).
    /// </summary>
    public static bool AsksWhich(string reply) =>
        reply.StartsWith(WhichOpening, StringComparison.Ordinal) || reply.StartsWith(EarlierWhichOpening, StringComparison.Ordinal)
        || reply.Contains(". " + WhichOpening, StringComparison.Ordinal);

    /// <summary>Which tasks a lookup lists: completing only concerns pending tasks, reopening done ones.</summary>
    protected virtual string LookupStatus => ListStatus.All;

    /// <summary>True when the request must see a task's current fields before it acts (delete, edits: for undo and for the reply).</summary>
    protected virtual bool NeedsCurrentFields => false;

    /// <summary>
    /// True when <see cref="SkillRequest.Reply"/> already tells the user how to take the change back (a deletion's "Say
    /// “undo” to bring them back."): a request for many at once (<see cref="EachOfRequest"/>) then adds no second hint.
    /// </summary>
    public virtual bool ReplySaysHowToUndo => false;

    /// <summary>"complete", "delete": the verb of the questions this request asks.</summary>
    protected abstract string Verb { get; }

    /// <summary>The words the mcp's search must find, each as the start of a word: those every match needs.</summary>
    protected virtual IReadOnlyList<string> SearchWords => Target.Words;

    /// <summary>
    /// Words: the mcp's search, which looks at all the user's tasks, not one page of them (the plain list when the mcp
    /// has no search or the words cannot be searched as they are). Numbers: those tasks alone (task_ids), when the
    /// request must see their fields first. Before this a lookup read the first page, 50 tasks by number, and a user with
    /// more was told "I couldn't find task 55".
    /// </summary>
    public override ToolCall? Lookup(AgentContext context)
    {
        if (Target.ByWords)
        {
            return Search(context) ?? Listing(context);
        }
        var ids = KnownIds(context, ListedJustBefore(context));
        if (Target.IsNewest && ids.Count == 0)
        {
            // Every task, those changed last first: the newest is among them (numbers grow), whatever its status.
            return WhereServed(WithPageSize(ToolCall.List(ListStatus.All), context), TaskToolArguments.Sort, TaskSorts.Updated, context);
        }
        if (!NeedsCurrentFields)
        {
            return null;
        }
        if (ids.Count == 0)
        {
            return null; // "it" with nothing before it: Act asks which task.
        }
        return ids.Count <= TaskToolArguments.TaskIdsMax && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.TaskIds)
            ? ToolCall.Of(ToolNames.ListTasks, (ToolArguments.Status, LookupStatus), (TaskToolArguments.TaskIds, ids.Distinct().ToArray()))
            : Listing(context);
    }

    /// <summary>
    /// A search that matched nothing: the plain list, where a near miss ("by milk" for "buy milk") can still be found.
    /// The tasks changed last when the mcp can sort so (one page: for a user with more than 200, the task just added or
    /// edited rather than the oldest 200), as the web's tasks beside the chat show them.
    /// </summary>
    public override ToolCall? LookupAgain(IReadOnlyList<TaskSnapshot> found, AgentContext context) =>
        Target.ByWords && Search(context) is not null && Match(found).Count == 0
            ? WhereServed(Listing(context), TaskToolArguments.Sort, TaskSorts.Updated, context)
            : null;

    // The search matches each word as the start of a word of the title or description (PostgreSQL) or anywhere in
    // them (SQLite), so the stems ("plant" for "plants") find every task the title matcher would take, and more,
    // which Match then leaves out. Words with other than ASCII letters and digits are not searched: SQLite's LIKE
    // ignores case for ASCII only, and a search that finds some matches but not all would hide a question to ask.
    private ToolCall? Search(AgentContext context)
    {
        if (!context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Search))
        {
            return null;
        }
        var stems = SearchWords.Select(TitleMatcher.Stem).Distinct().ToList();
        var query = string.Join(' ', stems);
        return stems.Count == 0 || query.Length > TaskToolArguments.SearchMax || !stems.All(w => w.All(char.IsAsciiLetterOrDigit))
            ? null
            : WithPageSize(ToolCall.Of(ToolNames.ListTasks, (ToolArguments.Status, LookupStatus), (TaskToolArguments.Search, query)), context);
    }

    private ToolCall Listing(AgentContext context) => WithPageSize(ToolCall.List(LookupStatus), context);

    /// <summary>The largest page the mcp gives: the matcher sees as many tasks as one call can bring.</summary>
    internal static ToolCall WithPageSize(ToolCall call, AgentContext context) =>
        WhereServed(call, TaskToolArguments.Limit, TaskToolArguments.PageMax, context);

    // A refinement the mcp's tool may not have (an older mcp, an outside server): sent only where its tools/list names it,
    // and a text value only where the argument's listed values (if any) include it: an mcp older than the sort by last
    // change has `sort` but would refuse "updated".
    private static ToolCall WhereServed(ToolCall call, string argument, object value, AgentContext context) =>
        (value is string text ? context.Tools.Has(call.Name, argument, text) : context.Tools.Has(call.Name, argument)) ? call.With(argument, value) : call;

    // The numbers the target stands for without a lookup: its own, the task "it" is, the tasks at the places said in the
    // last list shown ("the second one"), or the task this conversation added last ("the task I just added"). Empty for
    // words, and for "it", places or the newest when the conversation has none. No list is read again for places: as for
    // a number, the task is the one the user saw there, and a lookup by number follows where the request needs one.
    // listed: ListedJustBefore, read once by the caller, which also words its questions with it.
    private IReadOnlyList<long> KnownIds(AgentContext context, IReadOnlyList<TaskSnapshot> listed) => Target switch
    {
        { ByPosition: true } => context.Chat.LastShown is { } shown && Target.Positions.Select(p => Placed(shown, p)).ToList() is var found && found.All(t => t is not null)
            ? [.. found.Select(t => t!.Id).Distinct()]
            : [],
        // "the last one" right after a list of several: the last it showed, not the task acted on before it.
        { IsIt: true, SaysLast: true } when context.Chat.Previous is { } previous && ChatState.Shown(previous) is { Count: > 1 } justShown => [justShown[^1].Id],
        { IsIt: true } => context.Chat.LastTaskId is { } last ? [last] : [],
        // "both", "them": what the reply just before listed, all of it, and only when the count said is its count.
        { Listed: true } => listed.Count > 0 && (Target.ListedCount ?? listed.Count) == listed.Count ? [.. listed.Select(t => t.Id)] : [],
        { IsNewest: true } => context.Chat.LastAddedId is { } added ? [added] : [],
        _ => Target.Ids,
    };

    // The tasks the previous reply listed, as it showed them, else the tasks it added or changed when they were several
    // ("add eggs, bread and milk", then "tag them #shopping"): "both" and "them" reach no further back than that reply.
    // Empty for a target that is not "both" or "them", which needs no reading of the previous reply.
    private IReadOnlyList<TaskSnapshot> ListedJustBefore(AgentContext context) =>
        !Target.Listed || context.Chat.Previous is not { } previous ? []
        : ChatState.Shown(previous) is { Count: > 0 } shown ? shown
        : ChatState.Changed(previous) is { Count: > 1 } changed ? changed
        : [];

    /// <summary>The task at a 1-based place of a list (<see cref="TaskTarget.Last"/>: its last), or null past its end.</summary>
    internal static TaskSnapshot? Placed(IReadOnlyList<TaskSnapshot> list, int position) =>
        position == TaskTarget.Last ? (list.Count > 0 ? list[^1] : null) : position >= 1 && position <= list.Count ? list[position - 1] : null;

    public sealed override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        var listed = ListedJustBefore(context);
        var ids = KnownIds(context, listed);
        if (Target.IsIt && ids.Count == 0)
        {
            return new Answer($"Which task should I {Verb}? Tell me its number or a few words of its title.");
        }
        if (Target.ByPosition && ids.Count == 0)
        {
            // No list to count in, or a place past its end: asked, never guessed.
            return new Answer(context.Chat.LastShown is { } shown
                ? $"The last list I showed had {Replies.Count(shown.Count, "task")}: {Replies.Join(shown.Select(Replies.Label))}. Which one should I {Verb}? Tell me its number."
                : $"Which task should I {Verb}? I haven't listed any tasks in this conversation yet: tell me its number or a few words of its title, or say “show my tasks” first.");
        }
        if (Target.Listed && ids.Count == 0)
        {
            // Nothing listed just before, or not as many as said: asked, never guessed.
            var said = Target.ListedCount == 2 ? "both" : Target.ListedCount is { } n ? $"those {n}" : "them";
            return new Answer(listed.Count > 0
                ? $"My last reply named {Replies.Count(listed.Count, "task")}: {Replies.Join(listed.Select(Replies.Label))}. Which should I {Verb}? Tell me their numbers."
                : $"Which tasks do you mean by “{said}”? My last reply didn't name any: tell me their numbers or a few words of their titles, or say “show my tasks” first.");
        }
        if (Target.Listed && ids.Count > 1 && !TakesAllAnswered)
        {
            return new Answer($"I can only {Verb} one task at a time: which of {Replies.Join(listed.Select(Replies.Label), "or")}? Tell me its number.");
        }
        if (Target.IsNewest && ids.Count == 0)
        {
            return tasks?.MaxBy(t => t.Id) is { } newest ? ActOn([newest], context) : new Answer("You have no tasks yet. Try “add buy milk”.");
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
            0 when TakesSeveral && Target.Parts.Count > 1 => ActOnEach(tasks ?? [], context),
            0 => ActOnNoMatch(tasks ?? [], context),
            1 => ActOn(matches, context),
            _ when Target.EveryMatch && TakesAllAnswered => ActOn(matches, context),
            _ => ActOnSeveral(matches, context),
        };
    }

    /// <summary>
    /// True when the words may name several tasks, each by a few words ("delete the eggs and the bread", "move the milk and
    /// the eggs to friday"): for requests that act on whole tasks (complete, delete, reopen) and the fields
    /// <see cref="FieldChangeRequest"/> says. A rename, a repeat or a reminder of several stays a question.
    /// </summary>
    protected virtual bool TakesSeveral => false;

    /// <summary>Words that match several tasks: which one? (<see cref="WhichAnswer"/> reads the next message as the answer.)</summary>
    protected virtual NextStep ActOnSeveral(IReadOnlyList<TaskSnapshot> matches, AgentContext context) =>
        new Answer(WhichQuestion(matches, HowToAnswer(matches.Count)));

    /// <summary>
    /// "Which one: 1. “Pay rent” (#8) 2. “Pay the bills” (#9)? …": the question, however it is asked again. Each task
    /// has its place, which "the first" or "1" answers, and its number ("#8"), which the tasks page shows too.
    /// </summary>
    public static string WhichQuestion(IReadOnlyList<TaskSnapshot> candidates, string then) =>
        WhichOpening + string.Join(" ", candidates.Select((t, i) => Replies.Choice(t, i + 1))) + "? " + then;

    /// <summary>"Say “the first”, “both”, or a number.": the answers that suit this request ("both" only where it takes several).</summary>
    public string HowToAnswer(int candidates) =>
        TakesAllAnswered ? $"Say “the first”, “{(candidates == 2 ? "both" : "all of them")}”, or a number." : "Say “the first” or a number.";

    /// <summary>True when "both" or "all of them", answering which one, may apply the request to every task the question listed.</summary>
    protected virtual bool TakesAllAnswered => TakesSeveral;

    /// <summary>The request again for the tasks an answer to "which one?" chose (a reply asking again when it takes one only).</summary>
    public SkillRequest For(IReadOnlyList<TaskSnapshot> chosen, IReadOnlyList<TaskSnapshot> candidates) =>
        chosen.Count > 1 && !TakesAllAnswered
            ? new Say(WhichQuestion(candidates, $"I can only {Verb} one at a time: say “the first” or a number."))
            : this with { Target = new TaskTarget([.. chosen.Select(t => t.Id)], []) };

    /// <summary>The tasks one part of several points at ("the bread" in "delete the eggs and the bread").</summary>
    protected virtual IReadOnlyList<TaskSnapshot> MatchPart(IReadOnlyList<TaskSnapshot> tasks, IReadOnlyList<string> part) => TitleMatcher.Match(tasks, part);

    // "complete 5 and the milk": a part that is a number is that task, when the lookup listed it.
    private IReadOnlyList<TaskSnapshot> FindPart(IReadOnlyList<TaskSnapshot> tasks, IReadOnlyList<string> part) =>
        TaskReference.Parse(string.Join(' ', part)) is { Ids: [var id] } ? [.. tasks.Where(t => t.Id == id)] : MatchPart(tasks, part);

    // The whole words matched no task: each part must point at exactly one, or nothing is done and the reply says what
    // each part found, with the numbers to use instead (a bare number would answer for one part only).
    private NextStep ActOnEach(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        var found = Target.Parts.Select(part => (Said: string.Join(' ', part), Tasks: FindPart(tasks, part))).ToList();
        if (found.All(f => f.Tasks.Count == 1))
        {
            return ActOn([.. found.Select(f => f.Tasks[0]).DistinctBy(t => t.Id)], context);
        }
        var missing = found.Where(f => f.Tasks.Count == 0).Select(f => Replies.Quoted(f.Said)).ToList();
        if (missing.Count == found.Count)
        {
            return new Answer($"I couldn't find a{StatusWord} task matching {Replies.Join(missing, "or")}. Say “show my tasks” to see them all.");
        }
        var told = found.Where(f => f.Tasks.Count > 0).Select(f => f.Tasks.Count == 1
            ? $"{Replies.Quoted(f.Said)} is {Replies.Label(f.Tasks[0])}"
            : $"{Replies.Quoted(f.Said)} matches {Replies.Join(f.Tasks.Select(Replies.Label))}");
        var notFound = missing.Count == 0 ? "" : $" I couldn't find a{StatusWord} task matching {Replies.Join(missing, "or")}.";
        var example = string.Join(" and ", found.Where(f => f.Tasks.Count > 0).Select(f => f.Tasks[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Answer($"I haven't {Past} anything yet: {string.Join("; ", told)}.{notFound} Tell me which by number, for example “{ByNumbers(example, context)}”.");
    }

    /// <summary>"completed", "deleted": what the reply says was not done yet.</summary>
    protected virtual string Past => Verb + "d";

    /// <summary>
    /// The request said again with task numbers ("delete 1 and 3", "move 1 and 3 to Friday"): the example a reply gives
    /// when words did not each name one task.
    /// </summary>
    protected virtual string ByNumbers(string numbers, AgentContext context) => $"{Verb} {numbers}";

    /// <summary>
    /// True when the words name at least one of <paramref name="tasks"/> as this request would find it, or, for words of
    /// several tasks ("milk and taxes"), each part names at least one: whether "and delete the garage" after an add is a
    /// request of its own (<see cref="TwoInOne"/>).
    /// </summary>
    public bool NamesOneOf(IReadOnlyList<TaskSnapshot> tasks) =>
        Target.ByWords && (Match(tasks).Count > 0 || NamesSeveral && Target.Parts.All(part => FindPart(tasks, part).Count > 0));

    /// <summary>
    /// Words that may name several tasks, each by its part ("delete milk and taxes"): no one title has them all, so the
    /// search by all of them finds nothing and the parts are looked for in the plain list (<see cref="LookupAgain"/>).
    /// </summary>
    public bool NamesSeveral => Target.ByWords && TakesSeveral && Target.Parts.Count > 1;

    /// <summary>The tasks the words point at; a skill may look further ("I bought the milk" tries "milk" alone).</summary>
    protected virtual IReadOnlyList<TaskSnapshot> Match(IReadOnlyList<TaskSnapshot> tasks) => TitleMatcher.Match(tasks, Target.Words);

    /// <summary>The calls for the resolved tasks (or an answer when there is nothing to do).</summary>
    protected abstract NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context);

    /// <summary>The calls for tasks another request found (<see cref="EachOfRequest"/>: every task due today).</summary>
    public NextStep ActOnFound(IReadOnlyList<TaskSnapshot> targets, AgentContext context) => ActOn(targets, context);

    /// <summary>
    /// Words that match no task: said so. A request may do something else instead ("remind me about the dentist at 5"
    /// with no dentist among the tasks adds it, as it did before such a message could name a task already there).
    /// </summary>
    protected virtual NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => new Answer(NoMatch(tasks));

    protected virtual string NoMatch(IReadOnlyList<TaskSnapshot> tasks) =>
        $"I couldn't find a{StatusWord} task matching “{Target.Phrase}”. Say “show my tasks” to see them all.";

    private string StatusWord => LookupStatus switch { ListStatus.Pending => " pending", ListStatus.Completed => " completed", _ => "" };

    private string StatusNote => LookupStatus switch
    {
        ListStatus.Pending => " among your pending tasks",
        ListStatus.Completed => " among your completed tasks",
        _ => "",
    };
}
