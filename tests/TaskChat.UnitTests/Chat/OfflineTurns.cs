using Microsoft.Extensions.AI;
using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Drives <see cref="OfflineAgentChatClient"/> the way ChatClientAgent's function invocation does: the
/// conversation grows by the client's assistant message, then a tool message with one result per call.
/// </summary>
internal sealed class OfflineTurns
{
    private readonly UserClock _clock;
    private readonly ChatOptions _options;

    public OfflineTurns(IList<AITool>? tools = null, UserClock? clock = null)
    {
        _clock = clock ?? UserClock.Utc;
        _options = new ChatOptions { Tools = tools ?? new FakeTaskTools().All };
    }

    public List<ChatMessage> Conversation { get; } = [];

    public async Task<ChatResponse> SayAsync(string text)
    {
        Conversation.Add(new ChatMessage(ChatRole.User, text));
        return await NextAsync();
    }

    /// <summary>Answers every call of the last response with the given results (as FunctionResultContent.Result), in order.</summary>
    public async Task<ChatResponse> AnswerAsync(params object?[] results)
    {
        var calls = Conversation[^1].Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal(results.Length, calls.Count);
        Conversation.Add(new ChatMessage(ChatRole.Tool, [.. calls.Select((call, i) => (AIContent)new FunctionResultContent(call.CallId, results[i]))]));
        return await NextAsync();
    }

    /// <summary>A whole turn: every planned call runs against the tools (as the agent framework would) until the agent answers.</summary>
    public async Task<string> TurnAsync(string text)
    {
        var response = await SayAsync(text);
        for (var round = 0; response.Calls().Count > 0; round++)
        {
            Assert.True(round < Planner.MaxRounds, $"\"{text}\" kept calling tools.");
            var results = new List<object?>();
            foreach (var call in response.Calls())
            {
                var tool = _options.Tools!.OfType<AIFunction>().Single(t => t.Name == call.Name);
                results.Add(await tool.InvokeAsync(new AIFunctionArguments(call.Arguments)));
            }
            response = await AnswerAsync([.. results]);
        }
        return response.Text;
    }

    public void AssistantSaid(string text) => Conversation.Add(new ChatMessage(ChatRole.Assistant, text));

    private async Task<ChatResponse> NextAsync()
    {
        // A new client each round reads the message afresh in every round: what a client that kept nothing between calls
        // would do (the api's one client keeps a turn's reading; OfflineAgentTurnReadingTests compares the two).
        using var client = new OfflineAgentChatClient(_clock);
        var response = await client.GetResponseAsync(Conversation, _options);
        Conversation.AddRange(response.Messages);
        return response;
    }
}

internal static class ResponseReading
{
    public static IReadOnlyList<FunctionCallContent> Calls(this ChatResponse response) =>
        [.. response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()];

    public static FunctionCallContent SingleCall(this ChatResponse response, string tool)
    {
        var call = Assert.Single(response.Calls());
        Assert.Equal(tool, call.Name);
        return call;
    }
}
