using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using TaskChat.Agent;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// The offline client under a real ChatClientAgent with function invocation on, as the api runs it:
/// the agent framework executes the planned calls against the tools and hands the results back.
/// </summary>
public class OfflineAgentEndToEndTests
{
    private static ChatClientAgent Agent(IChatClient client, FakeTaskTools tools, IList<AITool>? offered = null) =>
        new(client, new ChatClientAgentOptions
        {
            Name = "taskchat",
            ChatOptions = new ChatOptions { Instructions = "You manage the user's tasks.", Tools = offered ?? tools.All },
        });

    [Fact]
    public async Task AChatClientAgentRunsTheOfflinePlanAgainstRealFunctionsAcrossTurns()
    {
        var tools = new FakeTaskTools();
        using var client = new OfflineAgentChatClient();
        var agent = Agent(client, tools, tools.Today);
        var session = await agent.CreateSessionAsync();

        var added = await agent.RunAsync("add eggs, bread and milk", session);
        var completed = await agent.RunAsync("please mark the milk one done", session);
        var left = await agent.RunAsync("what's left?", session);

        Assert.Equal("Added 3 tasks: “Eggs” (task 1), “Bread” (task 2) and “Milk” (task 3).", added.Text);
        Assert.Equal("Marked “Milk” done.", completed.Text);
        Assert.Equal("You have 2 pending tasks: #1 “Eggs” and #2 “Bread”.", left.Text);
        Assert.Equal(
            [
                (ToolNames.AddTask, """{"title":"Eggs","description":null}"""),
                (ToolNames.AddTask, """{"title":"Bread","description":null}"""),
                (ToolNames.AddTask, """{"title":"Milk","description":null}"""),
                (ToolNames.ListTasks, """{"status":"pending"}"""),
                (ToolNames.CompleteTask, """{"task_id":3}"""),
                (ToolNames.ListTasks, """{"status":"pending"}"""),
            ],
            tools.Calls);
    }

    /// <summary>Two requests in one message, each with its own rounds through the function invoker, and one undo for both.</summary>
    [Fact]
    public async Task TwoRequestsInOneMessageRunOneAfterTheOtherAndUndoTakesBothBack()
    {
        var tools = new FakeTaskTools();
        using var client = new OfflineAgentChatClient();
        var agent = Agent(client, tools);
        var session = await agent.CreateSessionAsync();
        await agent.RunAsync("add buy milk", session);

        var both = await agent.RunAsync("mark milk done and add bread", session);
        var undone = await agent.RunAsync("undo", session);

        Assert.Equal("Marked “Buy milk” done. Added “Bread” (task 2). Say “undo” to take back both.", both.Text);
        Assert.Equal("Undone: “Buy milk” is not done again and removed “Bread” again.", undone.Text);
        Assert.Equal([ToolNames.AddTask, ToolNames.ListTasks, ToolNames.CompleteTask, ToolNames.AddTask, ToolNames.ReopenTask, ToolNames.DeleteTask], tools.Calls.Select(c => c.Tool));
        Assert.Equal(["Buy milk"], tools.Tasks.Select(t => t.Title));
        Assert.False(tools.Tasks[0].Completed);
    }

    [Fact]
    public async Task StreamingThroughTheAgentGivesTheSameAnswerAndCallsTheSameTools()
    {
        var tools = new FakeTaskTools();
        using var client = new OfflineAgentChatClient();
        var agent = Agent(client, tools, tools.Today);
        var session = await agent.CreateSessionAsync();
        await agent.RunAsync("add buy milk with description two litres", session);

        var updates = new List<AgentResponseUpdate>();
        await foreach (var update in agent.RunStreamingAsync("rename the milk task to buy oat milk", session))
        {
            updates.Add(update);
        }

        Assert.Equal("Renamed “Buy milk” to “Buy oat milk”.", string.Concat(updates.Select(u => u.Text)));
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1, "The answer arrives in several chunks.");
        Assert.Equal((ToolNames.UpdateTask, """{"task_id":1,"title":"Buy oat milk","description":null}"""), tools.Calls[^1]);
    }

    [Fact]
    public async Task StreamedUpdatesAddUpToTheNonStreamedResponse()
    {
        using var client = new OfflineAgentChatClient();
        var options = new ChatOptions { Tools = new FakeTaskTools().All };
        List<ChatMessage> help = [new(ChatRole.User, "help")];
        List<ChatMessage> add = [new(ChatRole.User, "add eggs, bread")];

        var streamedText = await client.GetStreamingResponseAsync(help, options).ToChatResponseAsync();
        var streamedCalls = await client.GetStreamingResponseAsync(add, options).ToChatResponseAsync();

        Assert.Equal((await client.GetResponseAsync(help, options)).Text, streamedText.Text);
        Assert.Equal([ToolNames.AddTask, ToolNames.AddTask], streamedCalls.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name));
        Assert.Equal(ChatFinishReason.ToolCalls, streamedCalls.FinishReason);
    }

    [Fact]
    public void TheClientDescribesItselfAsTheOfflineProvider()
    {
        using var client = new OfflineAgentChatClient();

        Assert.Equal("offline", client.GetService<ChatClientMetadata>()?.ProviderName);
        Assert.Same(client, client.GetService<OfflineAgentChatClient>());
        Assert.Null(client.GetService<ChatClientMetadata>("some key"));
    }
}
