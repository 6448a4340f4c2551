using TaskChat.Contract;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>The user is the token's subject: no tool lets user A see or change user B's tasks.</summary>
public abstract class IsolationTests(McpServerFixture server)
{
    [SkippableFact]
    public async Task NoToolReachesAnotherUsersTasks()
    {
        var alice = await server.ClientForAsync("alice-" + Guid.NewGuid().ToString("N")[..6]);
        var bob = await server.ClientForAsync("bob-" + Guid.NewGuid().ToString("N")[..6]);
        await TaskToolTests.AddAsync(alice, "Alice's first");
        var aliceTask = await TaskToolTests.AddAsync(alice, "Alice's secret");
        var bobTask = await TaskToolTests.AddAsync(bob, "Bob's own");

        var bobList = await ToolReply.CallAsync(bob, ToolNames.ListTasks);
        var complete = await ToolReply.CallAsync(bob, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = aliceTask });
        var reopen = await ToolReply.CallAsync(bob, ToolNames.ReopenTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = aliceTask });
        var update = await ToolReply.CallAsync(bob, ToolNames.UpdateTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = aliceTask, [ToolArguments.Title] = "Hacked" });
        var delete = await ToolReply.CallAsync(bob, ToolNames.DeleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = aliceTask });
        // Numbers are per user: Bob's task 1 is his own, and completing it leaves Alice's task 1 alone.
        var ownFirst = await ToolReply.CallAsync(bob, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = bobTask });

        Assert.Equal(1, bobTask);
        Assert.Equal(2, aliceTask);
        Assert.Equal(["Bob's own"], bobList.Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        foreach (var reply in new[] { complete, reopen, update, delete })
        {
            Assert.True(reply.IsError);
            Assert.Equal(ToolErrorCodes.NotFound, reply.Code);
            Assert.Equal($"Task {aliceTask} was not found.", reply.Error);
        }
        Assert.Equal("Bob's own", ownFirst.Data.GetProperty("title").GetString());
        var aliceView = (await ToolReply.CallAsync(alice, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["Alice's first", "Alice's secret"], aliceView.Select(t => t.GetProperty("title").GetString()));
        Assert.All(aliceView, t => Assert.False(t.GetProperty("completed").GetBoolean()));
    }

    [SkippableFact]
    public async Task AskingForAnotherUsersNumbersListsOnlyTheCallersOwnTasks()
    {
        var alice = await server.ClientForAsync("alice-" + Guid.NewGuid().ToString("N")[..6]);
        var bob = await server.ClientForAsync("bob-" + Guid.NewGuid().ToString("N")[..6]);
        var carol = await server.ClientForAsync("carol-" + Guid.NewGuid().ToString("N")[..6]);
        long[] aliceTasks = [await TaskToolTests.AddAsync(alice, "Alice's first"), await TaskToolTests.AddAsync(alice, "Alice's secret"), await TaskToolTests.AddAsync(alice, "Alice's third")];
        await TaskToolTests.AddAsync(bob, "Bob's own");
        var byNumbers = new Dictionary<string, object?> { [ToolArguments.TaskIds] = aliceTasks };

        var bobList = await ToolReply.CallAsync(bob, ToolNames.ListTasks, byNumbers);
        var carolList = await ToolReply.CallAsync(carol, ToolNames.ListTasks, byNumbers);

        // Numbers are per user: Bob's 1 is his own task, and Alice's 2 and 3 are nobody's to him.
        Assert.Equal([1, 2, 3], aliceTasks);
        Assert.False(bobList.IsError);
        Assert.Equal(["Bob's own"], bobList.Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.False(carolList.IsError);
        Assert.Equal(0, carolList.Data.GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task UsersWhoseIdsDifferOnlyInCaseAreDifferentUsers()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var lower = await server.ClientForAsync("carol-" + suffix);
        var upper = await server.ClientForAsync("CAROL-" + suffix);
        await TaskToolTests.AddAsync(lower, "Lowercase task");

        var upperList = await ToolReply.CallAsync(upper, ToolNames.ListTasks);

        Assert.Equal(0, upperList.Data.GetProperty("count").GetInt32());
    }
}

public sealed class SqliteIsolationTests(SqliteMcpServer server) : IsolationTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresIsolationTests(PostgresMcpServer server) : IsolationTests(server), IClassFixture<PostgresMcpServer>;
