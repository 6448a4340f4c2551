using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// A change to many tasks at once ("delete everything", "mark all done") is asked first: the question lists the tasks,
/// and only a "yes" in the next message acts, on exactly the tasks that question listed (not on what the list holds by
/// then). Both questions open with their own words, which is how the answer knows what it answers.
/// </summary>
internal static class ConfirmedList
{
    /// <summary>What every such question asks; <see cref="IsAsking"/> knows a reply that waits for its answer by it.</summary>
    private const string GoAhead = "Shall I go ahead?";

    private static readonly string[] No = ["no", "n", "nope", "cancel", "stop", "don't", "dont", "keep them", "no thanks", "never mind", "nevermind", "nvm", "leave them"];

    /// <summary>
    /// The question: "I'll delete 3 tasks: …" (<paramref name="opening"/>, the count of <paramref name="which"/>,
    /// <paramref name="afterCount"/>, the tasks), and how to answer.
    /// </summary>
    public static Answer Ask(string opening, IReadOnlyList<TaskSnapshot> tasks, string which, string afterCount, string yesDoes, string noDoes, AgentContext context)
    {
        // One page of them: "yes" acts on exactly those listed, and the question says they are not all.
        var more = context.Chat.Rounds is [.., var lookup] && lookup.Any(e => e.Outcome.HasMore) ? $" (the first {tasks.Count}: ask again for the rest)" : "";
        return new Answer(opening + $"{Replies.Count(tasks.Count, which)}{afterCount}{more}: {Replies.Join(tasks.Select(Replies.Label))}. " +
            $"{GoAhead} Say “yes” to {yesDoes} or “no” to {noDoes}.");
    }

    /// <summary>True when <paramref name="reply"/> is such a question: nothing it lists has changed yet.</summary>
    public static bool IsAsking(string reply) => reply.Contains(GoAhead, StringComparison.Ordinal);

    /// <summary>
    /// The answer to the question that opened with <paramref name="opening"/>: for a yes, <paramref name="tool"/> on each
    /// task it listed, <paramref name="done"/> saying what was done; <paramref name="onNo"/> said for a no; or null when
    /// the previous reply was not that question or this message is something else.
    /// </summary>
    public static SkillRequest? Answer(Utterance utterance, PastTurn previous, string opening, string tool, Func<IReadOnlyList<ToolExchange>, string> done, string onNo)
    {
        if (!previous.Reply.StartsWith(opening, StringComparison.Ordinal))
        {
            return null;
        }
        if (Phrase.IsYes(utterance.Raw))
        {
            var listed = previous.Exchanges.Where(e => e.Tool == ToolNames.ListTasks).SelectMany(e => e.Outcome.Tasks).ToList();
            return new ConfirmedRequest([.. listed.Select(t => t.Id)], tool, done);
        }
        return No.Contains(string.Join(' ', Phrase.Words(Phrase.Clean(utterance.Raw)))) ? new Say(onNo) : null;
    }
}

/// <summary>The "yes": <paramref name="Tool"/> called on each task the question listed, and the reply from what was done.</summary>
internal sealed record ConfirmedRequest(IReadOnlyList<long> Ids, string Tool, Func<IReadOnlyList<ToolExchange>, string> Done) : SkillRequest
{
    public override IReadOnlyList<ToolNeed> Needs => [new(Tool)];

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        Ids.Count == 0 ? new Answer("There was nothing to change.") : new CallTools([.. Ids.Select(id => ToolCall.Of(Tool, (ToolArguments.TaskId, id)))]);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => Done(done);
}
