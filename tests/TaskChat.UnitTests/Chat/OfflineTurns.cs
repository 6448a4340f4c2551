using Microsoft.Extensions.AI;
using TaskChat.Api.Chat.Offline;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Drives <see cref="OfflineAgentChatClient"/> the way ChatClientAgent's function invocation does: the
/// conversation grows by the client's assistant message, then a tool message with one result per call.
/// </summary>
internal sealed class OfflineTurns
{
    // The client keeps no state between calls, so one serves every conversation.
    private static readonly OfflineAgentChatClient Client = new();
    private readonly ChatOptions _options;

    public OfflineTurns(IList<AITool>? tools = null) => _options = new ChatOptions { Tools = tools ?? new FakeTaskTools().All };

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

    public void AssistantSaid(string text) => Conversation.Add(new ChatMessage(ChatRole.Assistant, text));

    private async Task<ChatResponse> NextAsync()
    {
        var response = await Client.GetResponseAsync(Conversation, _options);
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
