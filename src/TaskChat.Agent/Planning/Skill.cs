namespace TaskChat.Agent;

/// <summary>What the agent does next: call tools (one round) or answer in words, which ends the turn.</summary>
internal abstract record NextStep;

internal sealed record CallTools(IReadOnlyList<ToolCall> Calls) : NextStep;

internal sealed record Answer(string Text) : NextStep;

/// <summary>Everything a skill may read besides the words: the user's clock, the tools on offer, the conversation so far.</summary>
internal sealed record AgentContext(UserClock Clock, ToolCatalog Tools, ChatState Chat);

/// <summary>
/// A message ready for the skills: <see cref="Text"/> without politeness and fillers ("please", "can you"), with the
/// user's casing (titles keep it); <see cref="Words"/> lower case; <see cref="Raw"/> as typed.
/// </summary>
internal sealed record Utterance(string Raw, string Text, IReadOnlyList<string> Words, AgentContext Context)
{
    public string Joined => string.Join(' ', Words);

    public bool IsQuestion =>
        Raw.TrimEnd().EndsWith('?')
        || Words is [var first, ..] && first is "what" or "whats" or "how" or "why" or "when" or "where" or "who" or "which"
            or "is" or "are" or "do" or "does" or "can" or "could" or "will" or "would" or "should" or "did";
}

/// <summary>
/// One capability of the offline agent (adding, completing, dates, undo...): it owns its phrases, reads a message
/// into a request, and the request owns its tool calls and its reply. Skills are tried by <see cref="Precedence"/>,
/// lowest first; <see cref="Examples"/> are phrases it must win, checked by a unit test against every other skill,
/// so a new phrase cannot silently capture another skill's messages.
/// </summary>
internal abstract class Skill
{
    public abstract string Name { get; }

    /// <summary>Lower is tried first. Unique across skills.</summary>
    public abstract int Precedence { get; }

    /// <summary>Messages this skill must understand (the first two are shown by "help").</summary>
    public abstract IReadOnlyList<string> Examples { get; }

    /// <summary>"add tasks", "set due dates": what "help" says the skill does.</summary>
    public abstract string Capability { get; }

    /// <summary>The tools (and arguments) without which the skill cannot do anything; "help" leaves it out then.</summary>
    public virtual IReadOnlyList<ToolNeed> Needs => [];

    /// <summary>The request in this message, or null when the message is not for this skill.</summary>
    public abstract SkillRequest? Read(Utterance utterance);

    /// <summary>A reply to a question the agent asked in the previous turn ("yes" to "Shall I delete them?").</summary>
    public virtual SkillRequest? ReadAnswer(Utterance utterance, PastTurn previous) => null;
}

/// <summary>
/// What a message asks for, read by a skill. The planner runs it the same way for every skill: a lookup round
/// when it needs to see tasks first, then its calls, then its reply from their results. Each request writes its own
/// reply from what it knows it did; nothing is inferred from the arguments sent.
/// </summary>
internal abstract record SkillRequest
{
    /// <summary>Tools and arguments this request sends; when one is missing the agent says so instead (<see cref="CannotYet"/>).</summary>
    public virtual IReadOnlyList<ToolNeed> Needs => [];

    /// <summary>The sentence when <see cref="Needs"/> are not met (what the agent cannot do yet), or null for the general one.</summary>
    public virtual string? CannotYet => null;

    /// <summary>A first round that reads tasks before acting (to find a task by words, to remember what it was), or null.</summary>
    public virtual ToolCall? Lookup(AgentContext context) => null;

    /// <summary>
    /// A second lookup round when the first one's <paramref name="found"/> tasks are not enough (a search by words that
    /// matched nothing reads the plain list, for a near miss), or null; decided from <paramref name="found"/> alone.
    /// </summary>
    public virtual ToolCall? LookupAgain(IReadOnlyList<TaskSnapshot> found, AgentContext context) => null;

    /// <summary>The calls to make, or an answer instead; <paramref name="tasks"/> is the last lookup's result when there was one.</summary>
    public abstract NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context);

    /// <summary>
    /// One more round after the request's own calls, decided from what they returned (undoing the deletion of a done
    /// task completes the task it re-created, whose number only the re-creation gives), or null.
    /// </summary>
    public virtual IReadOnlyList<ToolCall>? FollowUp(IReadOnlyList<ToolExchange> acted, AgentContext context) => null;

    /// <summary>The reply once the calls came back; <paramref name="done"/> are those that succeeded (failures are told apart).</summary>
    public abstract string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context);
}

/// <summary>A request answered in words alone (help, a question back, something the agent cannot do).</summary>
internal sealed record Say(string Text) : SkillRequest
{
    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => new Answer(Text);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => Text;
}
