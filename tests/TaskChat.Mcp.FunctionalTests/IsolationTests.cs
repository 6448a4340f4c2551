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

        var bobList = await ToolReply.CallAsync(bob, "list_tasks");
        var complete = await ToolReply.CallAsync(bob, "complete_task", new Dictionary<string, object?> { ["task_id"] = aliceTask });
        var update = await ToolReply.CallAsync(bob, "update_task", new Dictionary<string, object?> { ["task_id"] = aliceTask, ["title"] = "Hacked" });
        var delete = await ToolReply.CallAsync(bob, "delete_task", new Dictionary<string, object?> { ["task_id"] = aliceTask });

        Assert.Equal(["Bob's own"], bobList.Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        foreach (var reply in new[] { complete, update, delete })
        {
            Assert.True(reply.IsError);
            Assert.Equal("not_found", reply.Code);
            Assert.Equal($"Task {aliceTask} was not found.", reply.Error);
        }
        var aliceView = Assert.Single((await ToolReply.CallAsync(alice, "list_tasks")).Data.GetProperty("tasks").EnumerateArray());
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

        var upperList = await ToolReply.CallAsync(upper, "list_tasks");

        Assert.Equal(0, upperList.Data.GetProperty("count").GetInt32());
    }
}

public sealed class SqliteIsolationTests(SqliteMcpServer server) : IsolationTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresIsolationTests(PostgresMcpServer server) : IsolationTests(server), IClassFixture<PostgresMcpServer>;
