using Microsoft.Extensions.AI;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>An earlier turn of the conversation: what the user said, the tool calls it made and the reply.</summary>
internal sealed record PastTurn(string UserText, IReadOnlyList<ToolExchange> Exchanges, string Reply);

/// <summary>
/// The conversation as the agent reads it each time it is called: the current message, the tool rounds already
/// done in this turn, and the earlier turns (with their tool calls, which the api replays from storage). The agent
/// keeps no state of its own, so the same conversation always gives the same next step, in any process.
/// </summary>
internal sealed record ChatState(string Message, IReadOnlyList<IReadOnlyList<ToolExchange>> Rounds, IReadOnlyList<PastTurn> Earlier)
{
    public PastTurn? Previous => Earlier.Count > 0 ? Earlier[^1] : null;

    /// <summary>
    /// The task the conversation last acted on or listed alone: what "it" and "that" mean. A list that a later list of
    /// the same turn replaced (a search that matched nothing, then the whole list) was never shown: it does not count.
    /// </summary>
    public long? LastTaskId =>
        Earlier.Reverse().SelectMany(t => t.Exchanges.Where((e, i) => e.Tool != ToolNames.ListTasks || !t.Exchanges.Skip(i + 1).Any(later => later.Tool == ToolNames.ListTasks)).Reverse())
            .Select(e => e.Changed ? e.Outcome.TaskId : e.Outcome.Tasks is [var only] ? only.Id : null)
            .FirstOrDefault(id => id is not null);

    /// <summary>
    /// The tasks of the last reply that listed any, in the order that reply showed them: what "the second one" counts in.
    /// A list sorted for the reply (soonest due first) counts as the user saw it, not in the tool's order. Null when no
    /// reply of this conversation listed tasks.
    /// </summary>
    public IReadOnlyList<TaskSnapshot>? LastShown => Earlier.Reverse().Select(Shown).FirstOrDefault(shown => shown.Count > 0);

    /// <summary>
    /// The tasks <paramref name="turn"/> added or changed (not those it deleted), each once, by the number and title its
    /// tools answered with: what "them" means after "add eggs, bread and milk".
    /// </summary>
    public static IReadOnlyList<TaskSnapshot> Changed(PastTurn turn) =>
        [.. turn.Exchanges.Where(e => e.Changed && e.Tool != ToolNames.DeleteTask && e.Outcome.TaskId is not null)
            .Select(e => new TaskSnapshot(e.Outcome.TaskId!.Value, e.Outcome.Title ?? "", false, default)).DistinctBy(t => t.Id)];

    /// <summary>
    /// The tasks <paramref name="turn"/>'s reply showed, in its order: each label (“#3 “Buy milk””, or “1. “Buy milk” (#3)”
    /// among the choices of "Which one?") of a task one of the turn's lists returned, read from the reply itself, so what
    /// counts is what the user read. A label is only taken
    /// whole, with the title the list gave, so a title that has “#5 “…”” in it adds nothing. A lookup by number
    /// (task_ids) is not a list: "is the second one done?" answers about a task already named, and "the first one" after
    /// it still counts in the list before.
    /// </summary>
    public static IReadOnlyList<TaskSnapshot> Shown(PastTurn turn)
    {
        var listed = new Dictionary<long, TaskSnapshot>();
        foreach (var task in turn.Exchanges.Where(e => e.Tool == ToolNames.ListTasks && !e.Arguments.ContainsKey(TaskToolArguments.TaskIds)).SelectMany(e => e.Outcome.Tasks))
        {
            listed[task.Id] = task;
        }
        var shown = new List<TaskSnapshot>();
        var reply = turn.Reply;
        for (var at = reply.IndexOf('#', StringComparison.Ordinal); at >= 0 && at < reply.Length; at = reply.IndexOf('#', at + 1))
        {
            var digits = reply.AsSpan(at + 1);
            var length = digits.IndexOfAnyExceptInRange('0', '9');
            if (length > 0 && long.TryParse(digits[..length], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && listed.TryGetValue(id, out var task))
            {
                var label = Replies.Label(task);
                var whole = reply.AsSpan(at).StartsWith(label, StringComparison.Ordinal);
                // A choice, “2. “Pay the bills” (#9)”: the title before the number, its bracket closed after it.
                var choice = !whole && reply.AsSpan(0, at).EndsWith($"“{task.Title}” (", StringComparison.Ordinal) && reply.AsSpan(at + 1 + length).StartsWith(")", StringComparison.Ordinal);
                if ((whole || choice) && shown.All(t => t.Id != id))
                {
                    shown.Add(task);
                }
                if (whole)
                {
                    at += label.Length - 1;
                }
            }
        }
        return shown;
    }

    /// <summary>
    /// The task this conversation added last and did not delete again (an undone add): what "the task I just added" means
    /// here. Null when it added none, and the newest of all the user's tasks is looked up instead.
    /// </summary>
    public long? LastAddedId
    {
        get
        {
            var deleted = new HashSet<long>();
            var restored = new HashSet<long>();
            foreach (var exchange in Earlier.Reverse().SelectMany(t => t.Exchanges.Reverse()))
            {
                if (!exchange.Changed || exchange.Outcome.TaskId is not { } id)
                {
                    continue;
                }
                if (exchange.Tool == ToolNames.RestoreTask)
                {
                    restored.Add(id); // Its deletion before this is undone: the task added is still there.
                }
                else if (exchange.Tool == ToolNames.DeleteTask && !restored.Remove(id))
                {
                    deleted.Add(id);
                }
                else if (exchange.Tool == ToolNames.AddTask && !deleted.Contains(id))
                {
                    return id;
                }
            }
            return null;
        }
    }

    /// <summary>
    /// The task as the last list before <paramref name="change"/> showed it: what it was like before that change, which
    /// undo sets back. A list after the change shows it changed: set back to that, nothing would change. Null when no
    /// earlier list showed it (or the change is not one of the earlier turns').
    /// </summary>
    public TaskSnapshot? SeenBefore(long id, ToolExchange change)
    {
        TaskSnapshot? seen = null;
        foreach (var exchange in Earlier.SelectMany(t => t.Exchanges))
        {
            if (ReferenceEquals(exchange, change))
            {
                return seen;
            }
            if (exchange.Tool == ToolNames.ListTasks && exchange.Outcome.Tasks.FirstOrDefault(t => t.Id == id) is { } shown)
            {
                seen = shown;
            }
        }
        return null;
    }

    /// <summary>
    /// A pending task titled <paramref name="title"/> (any case) that this conversation added or listed, other than
    /// <paramref name="except"/>, as far as its later turns tell (completed, deleted or renamed since: not counted).
    /// What this conversation knows only: no tool is called for it.
    /// </summary>
    public (long Id, string Title)? KnownPendingTitled(string title, IReadOnlySet<long> except)
    {
        var pending = new Dictionary<long, string>();
        foreach (var exchange in Earlier.SelectMany(t => t.Exchanges).Concat(Rounds.SelectMany(r => r)))
        {
            if (exchange.Tool == ToolNames.ListTasks)
            {
                foreach (var task in exchange.Outcome.Tasks)
                {
                    if (task.Completed)
                    {
                        pending.Remove(task.Id);
                    }
                    else
                    {
                        pending[task.Id] = task.Title;
                    }
                }
                continue;
            }
            if (!exchange.Changed || exchange.Outcome.TaskId is not { } id)
            {
                continue;
            }
            var stillPending = exchange.Tool switch
            {
                ToolNames.DeleteTask => false,
                // A repeating task completed moves to its next date and stays pending.
                ToolNames.CompleteTask => exchange.Outcome.Data.TryGetProperty("completed", out var done) && done.ValueKind == System.Text.Json.JsonValueKind.False,
                _ => true,
            };
            if (stillPending && exchange.Outcome.Title is { } now)
            {
                pending[id] = now;
            }
            else if (!stillPending)
            {
                pending.Remove(id);
            }
        }
        return pending.Where(p => !except.Contains(p.Key) && string.Equals(p.Value, title, StringComparison.OrdinalIgnoreCase))
            .Select(p => ((long, string)?)(p.Key, p.Value)).FirstOrDefault();
    }

    public static ChatState Read(IReadOnlyList<ChatMessage> messages)
    {
        var turns = new List<(string User, List<ChatMessage> After)>();
        foreach (var message in messages)
        {
            if (StartsTurn(message))
            {
                turns.Add((message.Text, []));
            }
            else if (turns.Count > 0)
            {
                turns[^1].After.Add(message);
            }
        }
        if (turns.Count == 0)
        {
            return new ChatState("", [], []);
        }
        var earlier = turns[..^1].Select(t => new PastTurn(t.User, [.. ReadRounds(t.After).SelectMany(r => r)], LastText(t.After))).ToList();
        return new ChatState(turns[^1].User, ReadRounds(turns[^1].After), earlier);
    }

    /// <summary>Where the current turn starts: the last message the user wrote words in (-1 when there is none).</summary>
    public static int CurrentTurnAt(IReadOnlyList<ChatMessage> history)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (StartsTurn(history[i]))
            {
                return i;
            }
        }
        return -1;
    }

    // A turn starts with a user's message that has words; anything else belongs to the turn before it.
    private static bool StartsTurn(ChatMessage message) => message.Role == ChatRole.User && !string.IsNullOrWhiteSpace(message.Text);

    /// <summary>The rounds of the turn whose user message is <paramref name="history"/>[<paramref name="userAt"/>]: what <see cref="Read"/> reads as <see cref="Rounds"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<ToolExchange>> RoundsAfter(IReadOnlyList<ChatMessage> history, int userAt) =>
        ReadRounds([.. history.Skip(userAt + 1)]);

    private static string LastText(List<ChatMessage> messages) =>
        messages.LastOrDefault(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text))?.Text ?? "";

    // A round is the assistant's calls followed by their results; a call whose result never came back
    // counts as failed, so the agent answers instead of calling it again.
    private static List<IReadOnlyList<ToolExchange>> ReadRounds(IReadOnlyList<ChatMessage> turn)
    {
        var results = turn.SelectMany(m => m.Contents.OfType<FunctionResultContent>())
            .GroupBy(r => r.CallId)
            .ToDictionary(g => g.Key, g => g.First());
        var rounds = new List<IReadOnlyList<ToolExchange>>();
        List<ToolExchange>? current = null;
        var sawResults = false;
        foreach (var message in turn)
        {
            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0)
            {
                if (current is null || sawResults)
                {
                    current = [];
                    rounds.Add(current);
                    sawResults = false;
                }
                current.AddRange(calls.Select(call => Exchange(call, results)));
            }
            sawResults |= message.Contents.OfType<FunctionResultContent>().Any();
        }
        return rounds;
    }

    private static ToolExchange Exchange(FunctionCallContent call, Dictionary<string, FunctionResultContent> results) =>
        new(call.Name,
            call.Arguments is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(call.Arguments),
            results.TryGetValue(call.CallId, out var result) ? ToolOutcome.From(result) : ToolOutcome.Failed("the tool gave no result", ToolErrorCodes.Internal));
}
