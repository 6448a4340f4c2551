namespace TaskChat.Agent;

/// <summary>
/// What a message asks (<see cref="Planner.ReadMessage"/>): one request, or two carried out in order; or, with
/// <see cref="OnlyIfNamed"/>, both: the two in order when that request's words name a task the user has, looked up first,
/// else the one.
/// </summary>
internal sealed record MessageReading(SkillRequest? One, IReadOnlyList<SaidRequest>? InOrder, TargetedRequest? OnlyIfNamed = null);

/// <summary>
/// Decides the next step of a turn, the same way for every skill: find the request (an answer to the agent's own
/// question first, then two requests in one message (<see cref="TwoRequests"/>), then the skills by precedence, then the
/// message read another way (<see cref="Rereadings"/>), then a helpful fallback), check the tools can take it, then run
/// it: its lookup round if it has one, its calls, and its reply once they came back; two requests one after the other.
/// There is no per-action branch here: what a request calls and says is the request's own business.
/// </summary>
internal sealed class Planner(IReadOnlyList<Skill> skills)
{
    public const int MaxRounds = 8;

    public IReadOnlyList<Skill> Skills { get; } = [.. skills.OrderBy(s => s.Precedence)];

    public NextStep Next(AgentContext context) => Next(ReadMessage(context), context);

    /// <summary>
    /// What the turn's message asks: an answer to the agent's own question, two requests in one, or one request. It depends
    /// on the message, the turns before it, the clock and the tools, never on the turn's own tool results, so a turn reads
    /// it once and takes each next step from it (<see cref="OfflineAgentChatClient"/>).
    /// </summary>
    public MessageReading ReadMessage(AgentContext context)
    {
        var message = context.Chat.Message;
        var utterance = Utterances.From(message, context);
        if (AnswerTo(utterance, context) is { } answer)
        {
            return new MessageReading(answer, null);
        }
        return TwoRequests.Read(message, context, Read) switch
        {
            { OnlyIfNamed: { } named } two => new MessageReading(ReadAsSaid(message, utterance, context), two.Requests, named),
            { } two => new MessageReading(null, two.Requests),
            null => new MessageReading(ReadAsSaid(message, utterance, context), null),
        };
    }

    /// <summary>The next step of the turn whose message asks <paramref name="reading"/>, from the rounds it has run so far.</summary>
    public static NextStep Next(MessageReading reading, AgentContext context) => reading switch
    {
        { OnlyIfNamed: { } named, InOrder: { } two } => TwoIfNamed(named, two, reading.One!, context),
        { InOrder: { } two } => RunInOrder(two, context),
        _ => Run(reading.One!, context),
    };

    /// <summary>
    /// "add eggs and delete the garage": the second request's lookup first, and the two requests in order when its words
    /// name one of the tasks found, the second acting on what that lookup found rather than looking again: the same call
    /// a round later found the same tasks, or also the one the first request had just added ("add garage door and delete
    /// the garage" then asked which garage, the new one among them). Else the message as one request, as it read before
    /// ("add wash the car and remove the roof box" adds that task). A lookup that failed finds nothing: the one request
    /// then, which changes nothing it was not asked to.
    /// </summary>
    private static NextStep TwoIfNamed(TargetedRequest named, IReadOnlyList<SaidRequest> two, SkillRequest one, AgentContext context)
    {
        var rounds = context.Chat.Rounds;
        var before = context with { Chat = context.Chat with { Rounds = [] } };
        // Tools that cannot take the change ("remind me" without reminders): the one request, which says what it can do.
        if (context.Tools.Missing(named.Needs) is not null || named.Lookup(before) is not { } lookup)
        {
            return Run(one, context);
        }
        if (rounds.Count == 0)
        {
            return Checked(new CallTools([lookup]), context);
        }
        var found = Found(rounds[0]);
        var used = 1;
        // "add eggs and delete milk and taxes": no one task has every word, so the parts are looked for in the plain list,
        // as the change said alone looks for them. Only then: one part ("remove the roof box") reads as the title it
        // always did, without a second round.
        if (!named.NamesOneOf(found) && named.NamesSeveral && named.LookupAgain(found, before) is { } again)
        {
            if (rounds.Count == 1)
            {
                return Checked(new CallTools([again]), context);
            }
            (found, used) = (Found(rounds[1]), 2);
        }
        var after = context with { Chat = context.Chat with { Rounds = [.. rounds.Skip(used)] } };
        return named.NamesOneOf(found) ? RunInOrder([two[0], two[1] with { Found = found }], after) : Run(one, after);
    }

    // What a lookup round found; a call that failed found nothing.
    private static List<TaskSnapshot> Found(IReadOnlyList<ToolExchange> round) => [.. round.Where(e => e.Outcome.Succeeded).SelectMany(e => e.Outcome.Tasks)];

    /// <summary>The request a message makes in this conversation (one request: two in one message are read by <see cref="TwoRequests"/>).</summary>
    public SkillRequest Understand(string message, AgentContext context)
    {
        var utterance = Utterances.From(message, context);
        return AnswerTo(utterance, context) ?? ReadAsSaid(message, utterance, context);
    }

    // An answer to the agent's own question in the turn before ("yes", "the second one"), or null.
    private SkillRequest? AnswerTo(Utterance utterance, AgentContext context) =>
        context.Chat.Previous is { } previous
            ? Skills.Select(s => s.ReadAnswer(utterance, previous)).FirstOrDefault(r => r is not null) ?? WhichAnswer.Read(utterance, context, Read)
            : null;

    private SkillRequest ReadAsSaid(string message, Utterance utterance, AgentContext context) =>
        Read(utterance)
            ?? Rereadings.Of(message).Select(m => Read(Utterances.From(m, context))).FirstOrDefault(r => r is not null)
            ?? Fallback.For(utterance);

    /// <summary>The first skill, by precedence, that reads the message, with its request.</summary>
    public SkillRequest? Read(Utterance utterance) =>
        Skills.Select(s => s.Read(utterance)).FirstOrDefault(r => r is not null);

    public static NextStep Run(SkillRequest request, AgentContext context) => Step(request, context).Next;

    /// <summary>
    /// The requests of one message, one after the other: each runs as it would alone, on the rounds after those of the
    /// one before, which it sees as a turn just before its own (what "delete the garage and add clean the garage" deleted
    /// is not a task "you already had"), and the reply tells every outcome. A "which one?" of one of them is asked last,
    /// once the other is done, so the next message answers it (<see cref="WhichAnswer"/> reads the request that asked
    /// from this message again).
    /// </summary>
    private static NextStep RunInOrder(IReadOnlyList<SaidRequest> requests, AgentContext context)
    {
        var rounds = context.Chat.Rounds;
        var used = 0;
        var earlier = context.Chat.Earlier.ToList();
        var outcomes = new List<(SaidRequest Request, string Reply, int Changes)>();
        foreach (var request in requests)
        {
            var own = rounds.Skip(used).ToList();
            var step = Step(request.Request, context with { Chat = context.Chat with { Rounds = own, Earlier = [.. earlier] } }, request.Found);
            if (step.Next is not Answer answer)
            {
                return step.Next;
            }
            var exchanges = own.Take(step.Used).SelectMany(r => r).ToList();
            outcomes.Add((request, answer.Text, exchanges.Count(e => e.Changed)));
            earlier.Add(new PastTurn(request.Said, exchanges, answer.Text));
            used += step.Used;
        }
        return new Answer(Replies.InOrder(outcomes));
    }

    /// <summary>
    /// The next step of <paramref name="request"/> from the turn's rounds, and how many of them it has used: once it
    /// answers, the rounds after those are another request's (<see cref="RunInOrder"/>). Every decision is made again
    /// from the rounds at every step, each on the rounds there were when it was first made. <paramref name="found"/>: what
    /// the request's lookup would find, found already (<see cref="SaidRequest.Found"/>): no lookup round then.
    /// </summary>
    private static (NextStep Next, int Used) Step(SkillRequest request, AgentContext context, IReadOnlyList<TaskSnapshot>? found = null)
    {
        if (context.Tools.Missing(request.Needs) is { } missing)
        {
            return (new Answer(request.CannotYet ?? Replies.Unavailable(missing)), 0);
        }
        var rounds = context.Chat.Rounds;
        AgentContext After(int count) => count >= rounds.Count ? context : context with { Chat = context.Chat with { Rounds = [.. rounds.Take(count)] } };
        var tasks = found;
        // The lookup round, and a second one when the first did not find what the request needs (a search by words that
        // matched nothing: the plain list then, for a near miss).
        var lookups = 0;
        var call = found is null ? request.Lookup(After(0)) : null;
        while (call is not null)
        {
            if (rounds.Count == lookups)
            {
                return (Checked(new CallTools([call]), context), lookups);
            }
            if (rounds[lookups].FirstOrDefault(e => !e.Outcome.Succeeded) is { } failedLookup)
            {
                return (new Answer(Replies.Failed(failedLookup)), lookups + 1);
            }
            tasks = [.. rounds[lookups].SelectMany(e => e.Outcome.Tasks)];
            lookups++;
            call = lookups == 1 ? request.LookupAgain(tasks, After(lookups)) : null;
        }
        var act = Checked(request.Act(tasks, After(lookups)), context);
        if (act is not CallTools || rounds.Count == lookups)
        {
            return (act, lookups);
        }
        IReadOnlyList<ToolExchange> acted = rounds[lookups];
        var used = lookups + 1;
        if (request.FollowUp(acted, After(used)) is { Count: > 0 } followUp)
        {
            if (rounds.Count == used)
            {
                return (Checked(new CallTools(followUp), context), used);
            }
            acted = [.. acted, .. rounds[used]];
            used++;
        }
        var done = acted.Where(e => e.Outcome.Succeeded).ToList();
        var sentences = new List<string>();
        if (done.Count > 0)
        {
            sentences.Add(request.Reply(done, tasks, After(used)));
        }
        sentences.AddRange(acted.Where(e => !e.Outcome.Succeeded).Select(Replies.Failed));
        return (new Answer(string.Join(' ', sentences.Where(s => s.Length > 0))), used);
    }

    // The agent never sends a tool or an argument the tools did not declare.
    private static NextStep Checked(NextStep step, AgentContext context)
    {
        if (step is not CallTools calls)
        {
            return step;
        }
        if (calls.Calls.Count == 0)
        {
            return new Answer("There was nothing to do.");
        }
        return calls.Calls.Select(context.Tools.Missing).FirstOrDefault(m => m is not null) is { } missing
            ? new Answer(Replies.Unavailable(missing))
            : step;
    }
}
