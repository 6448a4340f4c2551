using Microsoft.Extensions.AI;
using TaskChat.Agent;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// The offline client reads what a turn's message asks in the turn's first round and keeps it for the rounds after it,
/// with the user's message object: only while the messages before that message and the tools are the very same
/// objects. A message object sent again under other turns, or with other tools, is read again.
/// </summary>
public class OfflineAgentTurnReadingTests
{
    [Fact]
    public async Task The_same_message_object_after_other_turns_is_read_again()
    {
        var tools = new FakeTaskTools();
        var offered = tools.All;
        using var client = new FunctionInvokingChatClient(new OfflineAgentChatClient());
        var options = new ChatOptions { Tools = offered };
        var milk = await TurnAsync(client, options, [], "add buy milk");
        var mom = await TurnAsync(client, options, [], "add call mom");
        var markIt = new ChatMessage(ChatRole.User, "mark it done");

        var afterMilk = await client.GetResponseAsync([.. milk, markIt], options);
        var afterMom = await client.GetResponseAsync([.. mom, markIt], options);

        Assert.Equal("Marked “Buy milk” done.", afterMilk.Text);
        Assert.Equal("Marked “Call mom” done.", afterMom.Text);
        Assert.Equal([(ToolNames.CompleteTask, """{"task_id":1}"""), (ToolNames.CompleteTask, """{"task_id":2}""")], tools.Calls.Skip(2));
    }

    [Fact]
    public async Task The_same_turn_with_other_tools_is_read_again()
    {
        var tools = new FakeTaskTools();
        using var client = new OfflineAgentChatClient();
        List<ChatMessage> turn = [new(ChatRole.User, "add pay rent tomorrow")];

        var withDue = await client.GetResponseAsync(turn, new ChatOptions { Tools = tools.All });
        var withoutDue = await client.GetResponseAsync(turn, new ChatOptions { Tools = tools.Today });
        using var fresh = new OfflineAgentChatClient();
        var freshWithoutDue = await fresh.GetResponseAsync(turn, new ChatOptions { Tools = tools.Today });

        Assert.Contains("due", withDue.SingleCall(ToolNames.AddTask).Arguments!.Keys);
        Assert.Equal(Described(freshWithoutDue), Described(withoutDue));
        Assert.NotEqual(Described(withDue), Described(withoutDue));
    }

    [Fact]
    public async Task A_turn_of_many_rounds_on_one_client_does_what_a_new_client_each_round_does()
    {
        // Two requests in one message: a lookup, a change, then another change, each round on the kept reading.
        const string Message = "mark milk done and add bread";
        var keptTools = new FakeTaskTools();
        using var kept = new FunctionInvokingChatClient(new OfflineAgentChatClient());
        var keptOptions = new ChatOptions { Tools = keptTools.All };
        var before = await TurnAsync(kept, keptOptions, [], "add buy milk");
        var keptReply = (await kept.GetResponseAsync([.. before, new ChatMessage(ChatRole.User, Message)], keptOptions)).Text;

        var fresh = new OfflineTurns();
        await fresh.TurnAsync("add buy milk");
        var freshReply = await fresh.TurnAsync(Message);

        Assert.Equal(freshReply, keptReply);
        Assert.Equal("Marked “Buy milk” done. Added “Bread” (task 2). Say “undo” to take back both.", keptReply);
        Assert.Equal([ToolNames.AddTask, ToolNames.ListTasks, ToolNames.CompleteTask, ToolNames.AddTask], keptTools.Calls.Select(c => c.Tool));
    }

    // A whole turn through the function invocation: the history after it (the user's message, the calls, the results, the reply).
    private static async Task<List<ChatMessage>> TurnAsync(FunctionInvokingChatClient client, ChatOptions options, List<ChatMessage> before, string text)
    {
        List<ChatMessage> history = [.. before, new(ChatRole.User, text)];
        var response = await client.GetResponseAsync(history, options);
        return [.. history, .. response.Messages];
    }

    private static string Described(ChatResponse response) =>
        response.Calls() is { Count: > 0 } calls
            ? string.Join("; ", calls.Select(c => $"{c.Name}({string.Join(", ", c.Arguments!.Select(a => $"{a.Key}={a.Value}"))})"))
            : response.Text;
}
