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
        var aliceTask = await TaskToolTests.AddAsync(alice, "Alice's secret");
        await TaskToolTests.AddAsync(bob, "Bob's own");

        var bobList = await ToolReply.CallAsync(bob, ToolNames.ListTasks);
        var complete = await ToolReply.CallAsync(bob, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = aliceTask });
        var update = await ToolReply.CallAsync(bob, ToolNames.UpdateTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = aliceTask, [ToolArguments.Title] = "Hacked" });
        var delete = await ToolReply.CallAsync(bob, ToolNames.DeleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = aliceTask });

        Assert.Equal(["Bob's own"], bobList.Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        foreach (var reply in new[] { complete, update, delete })
        {
            Assert.True(reply.IsError);
            Assert.Equal(ToolErrorCodes.NotFound, reply.Code);
            Assert.Equal($"Task {aliceTask} was not found.", reply.Error);
        }
        var aliceView = Assert.Single((await ToolReply.CallAsync(alice, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray());
        Assert.Equal("Alice's secret", aliceView.GetProperty("title").GetString());
        Assert.False(aliceView.GetProperty("completed").GetBoolean());
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
