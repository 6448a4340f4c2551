using Microsoft.Extensions.AI;
using TaskChat.Contract;

namespace TaskChat.Api.Chat.Offline;

/// <summary>
/// The current turn as the conversation shows it: the last user message and the tool rounds after it
/// (the assistant's function calls, paired by call id with their results). The agent keeps no state of its
/// own, so the same conversation always gives the same next step, whichever process handles it.
/// </summary>
internal sealed record ConversationTurn(Intent Intent, IReadOnlyList<IReadOnlyList<ToolExchange>> Rounds)
{
    public static ConversationTurn Read(IReadOnlyList<ChatMessage> messages)
    {
        var userIndex = LastUserMessage(messages, messages.Count);
        if (userIndex < 0)
        {
            return new ConversationTurn(new NoToolIntent(NoToolReason.Help), []);
        }
        var intent = FollowUp(messages, userIndex) ?? IntentParser.Parse(messages[userIndex].Text);
        return new ConversationTurn(intent, ReadRounds(messages.Skip(userIndex + 1).ToList()));
    }

    private static int LastUserMessage(IReadOnlyList<ChatMessage> messages, int before)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User && !string.IsNullOrWhiteSpace(messages[i].Text))
            {
                return i;
            }
        }
        return -1;
    }

    // A bare number ("3", "#5") right after the agent asked "Which one did you mean: …" answers that question:
    // the earlier request is repeated with the chosen task.
    private static ActIntent? FollowUp(IReadOnlyList<ChatMessage> messages, int userIndex)
    {
        if (IntentParser.Parse(messages[userIndex].Text) is not NoToolIntent { Reason: NoToolReason.BareTaskNumber }
            || TaskReference.Parse(messages[userIndex].Text) is not { } chosen)
        {
            return null;
        }
        var question = messages.Take(userIndex).LastOrDefault(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text));
        if (question is null || !question.Text.StartsWith(ReplyWriter.WhichOpening, StringComparison.Ordinal))
        {
            return null;
        }
        var earlier = LastUserMessage(messages, userIndex);
        return earlier >= 0 && IntentParser.Parse(messages[earlier].Text) is ActIntent { Target.ByWords: true } asked
            ? asked with { Target = chosen }
            : null;
    }

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
