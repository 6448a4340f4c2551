using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>Concurrent writers lose nothing and mix nothing up.</summary>
public abstract class ConcurrencyTests(McpServerFixture server)
{
    [SkippableFact]
    public async Task FiftyConcurrentAddsFromFiveUsersLeaveExactlyFiftyRowsTenPerUser()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var users = Enumerable.Range(1, 5).Select(i => $"concurrent-{run}-{i}").ToArray();
        var clients = await Task.WhenAll(users.Select(server.ClientForAsync));

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            ToolReply.CallAsync(clients[i % 5], ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = $"Task {i}" })));

        Assert.All(replies, reply => Assert.False(reply.IsError, reply.Json.ToString()));
        // Each user's ten tasks are numbered 1 to 10, whatever order the concurrent adds committed in.
        for (var u = 0; u < 5; u++)
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n),
                replies.Where((_, i) => i % 5 == u).Select(r => r.Data.GetProperty("task_id").GetInt64()).Order());
        }
        await using var db = server.Database.CreateDbContext();
        var counts = await db.Tasks.Where(t => users.Contains(t.UserId)).GroupBy(t => t.UserId)
            .Select(g => new { User = g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(5, counts.Count);
        Assert.All(counts, c => Assert.Equal(10, c.Count));
        for (var i = 0; i < 50; i++)
        {
            var title = $"Task {i}";
            var owner = users[i % 5];
            Assert.True(await db.Tasks.AnyAsync(t => t.UserId == owner && t.Title == title), $"{title} belongs to {owner}");
        }
    }
}

public sealed class SqliteConcurrencyTests(SqliteMcpServer server) : ConcurrencyTests(server), IClassFixture<SqliteMcpServer>
{
    private readonly SqliteMcpServer _server = server;

    /// <summary>The embedded default: api, mcp and web all write one SQLite file (WAL mode).</summary>
    [Fact]
    public async Task TwoServersWritingOneSqliteFileLoseNothing()
    {
        await using var second = await _server.StartAsync(system => system.WithMcp());
        var user = "two-servers-" + Guid.NewGuid().ToString("N")[..6];
        var first = await _server.ClientForAsync(user);
        await using var other = await TestMcpClients.ConnectAsync(second.Mcp.BaseAddress, _server.Jwks.CreateToken(user));

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            ToolReply.CallAsync(i % 2 == 0 ? first : other, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = $"Shared {i}" })));

        Assert.All(replies, reply => Assert.False(reply.IsError, reply.Json.ToString()));
        Assert.Equal(100, (await ToolReply.CallAsync(other, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Limit] = 200 })).Data.GetProperty("count").GetInt32());
        Assert.Equal(Enumerable.Range(1, 100).Select(n => (long)n), replies.Select(r => r.Data.GetProperty("task_id").GetInt64()).Order());
    }
}

public sealed class PostgresConcurrencyTests(PostgresMcpServer server) : ConcurrencyTests(server), IClassFixture<PostgresMcpServer>;
