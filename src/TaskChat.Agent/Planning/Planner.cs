namespace TaskChat.Agent;

/// <summary>
/// Decides the next step of a turn, the same way for every skill: find the request (an answer to the agent's own
/// question first, then the skills by precedence, then the message read another way (<see cref="Rereadings"/>), then a
/// helpful fallback), check the tools can take it, then run
/// it: its lookup round if it has one, its calls, and its reply once they came back. There is no per-action branch
/// here: what a request calls and says is the request's own business.
/// </summary>
internal sealed class Planner(IReadOnlyList<Skill> skills)
{
    public const int MaxRounds = 8;

    public IReadOnlyList<Skill> Skills { get; } = [.. skills.OrderBy(s => s.Precedence)];

    public NextStep Next(AgentContext context) => Run(Understand(context.Chat.Message, context), context);

    /// <summary>The request a message makes in this conversation.</summary>
    public SkillRequest Understand(string message, AgentContext context)
    {
        var utterance = Utterances.From(message, context);
        if (context.Chat.Previous is { } previous)
        {
            if (Skills.Select(s => s.ReadAnswer(utterance, previous)).FirstOrDefault(r => r is not null) is { } answer)
            {
                return answer;
            }
            if (WhichAnswer.Read(utterance, context, Read) is { } chosen)
            {
                return chosen;
            }
        }
        return Read(utterance)
            ?? Rereadings.Of(message).Select(m => Read(Utterances.From(m, context))).FirstOrDefault(r => r is not null)
            ?? Fallback.For(utterance);
    }

    /// <summary>The first skill, by precedence, that reads the message, with its request.</summary>
    public SkillRequest? Read(Utterance utterance) =>
        Skills.Select(s => s.Read(utterance)).FirstOrDefault(r => r is not null);

    public static NextStep Run(SkillRequest request, AgentContext context)
    {
        if (context.Tools.Missing(request.Needs) is { } missing)
        {
            return new Answer(request.CannotYet ?? Replies.Unavailable(missing));
        }
        var rounds = context.Chat.Rounds;
        var lookup = request.Lookup(context);
        if (rounds.Count == 0 && lookup is null)
        {
            return Checked(request.Act(null, context), context);
        }
        IReadOnlyList<TaskSnapshot>? tasks = null;
        // The lookup round, and a second one when the first did not find what the request needs (a search by words
        // that matched nothing: the plain list then, for a near miss). Decided again from the rounds at every step.
        var lookups = 0;
        var call = lookup;
        while (call is not null)
        {
            if (rounds.Count == lookups)
            {
                return Checked(new CallTools([call]), context);
            }
            if (rounds[lookups].FirstOrDefault(e => !e.Outcome.Succeeded) is { } failedLookup)
            {
                return new Answer(Replies.Failed(failedLookup));
            }
            tasks = [.. rounds[lookups].SelectMany(e => e.Outcome.Tasks)];
            lookups++;
            call = lookups == 1 ? request.LookupAgain(tasks, context) : null;
        }
        if (lookup is not null && rounds.Count == lookups)
        {
            return Checked(request.Act(tasks, context), context);
        }
        IReadOnlyList<ToolExchange> acted = rounds[lookups];
        if (request.FollowUp(acted, context) is { Count: > 0 } followUp)
        {
            if (rounds.Count == lookups + 1)
            {
                return Checked(new CallTools(followUp), context);
            }
            acted = [.. acted, .. rounds[lookups + 1]];
        }
        var done = acted.Where(e => e.Outcome.Succeeded).ToList();
        var sentences = new List<string>();
        if (done.Count > 0)
        {
            sentences.Add(request.Reply(done, tasks, context));
        }
        sentences.AddRange(acted.Where(e => !e.Outcome.Succeeded).Select(Replies.Failed));
        return new Answer(string.Join(' ', sentences.Where(s => s.Length > 0)));
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
