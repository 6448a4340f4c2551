using System.Text.Json;
using TaskChat.Contract;
using TaskChat.Data.Tasks;
using static TaskChat.Mcp.FunctionalTests.PlanningToolTests;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// list_tasks' task_ids: the tasks the user names by number, read before changing them, wherever they
/// are in the list. A filter like the others (malformed task_ids are in <see cref="BadInputTests"/>,
/// another user's numbers in <see cref="IsolationTests"/>).
/// </summary>
public abstract class ListByNumberToolTests(McpServerFixture server)
{
    private static async Task<ToolReply> ListAsync(ModelContextProtocol.Client.McpClient client, params (string Name, object? Value)[] arguments)
    {
        var reply = await ToolReply.CallAsync(client, ToolNames.ListTasks, arguments.ToDictionary(a => a.Name, a => a.Value));
        Assert.False(reply.IsError, reply.Json.ToString());
        return reply;
    }

    private static long[] Numbers(ToolReply list) => [.. list.Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt64())];

    /// <summary>A user with <paramref name="count"/> tasks, "Task 1" to "Task n", written straight to the store (adding them one call at a time is slow).</summary>
    private async Task<string> UserWithTasksAsync(int count)
    {
        var user = "by-number-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = server.Database.CreateDbContext();
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits());
        for (var i = 1; i <= count; i++)
        {
            Assert.True((await store.AddAsync(TaskOwner.From(user, null), $"Task {i}", null)).Succeeded);
        }
        return user;
    }

    [SkippableFact]
    public async Task TaskIdsListExactlyThoseTasksInTheListsUsualOrderOnceEach()
    {
        await using var client = await ClientInZoneAsync(server, "UTC", await UserWithTasksAsync(6));

        // 2.0 is a whole number too; repeats are asked once.
        var byNumber = await ListAsync(client, (ToolArguments.TaskIds, JsonSerializer.Deserialize<JsonElement>("[5, 2, 4, 2, 2.0]")));
        var byTitle = await ListAsync(client, (ToolArguments.TaskIds, new[] { 6L, 1 }), (ToolArguments.Sort, TaskSorts.Title));
        var notGiven = await ListAsync(client, (ToolArguments.TaskIds, null));

        Assert.Equal([2, 4, 5], Numbers(byNumber));
        Assert.Equal(["Task 2", "Task 4", "Task 5"], Titles(byNumber));
        Assert.Equal(3, byNumber.Data.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, byNumber.Data.GetProperty("next_cursor").ValueKind);
        Assert.Equal(["Task 1", "Task 6"], Titles(byTitle));
        Assert.Equal([1, 2, 3, 4, 5, 6], Numbers(notGiven));
    }

    [SkippableFact]
    public async Task TaskIdsCombineWithStatusSearchAndTheOtherFilters()
    {
        await using var client = await ClientInZoneAsync(server, "UTC");
        var milk = (await AddAsync(client, new() { [ToolArguments.Title] = "Buy milk", [ToolArguments.Priority] = "high" })).Data.GetProperty("task_id").GetInt64();
        var bank = (await AddAsync(client, new() { [ToolArguments.Title] = "Call the bank" })).Data.GetProperty("task_id").GetInt64();
        var oatMilk = (await AddAsync(client, new() { [ToolArguments.Title] = "Buy oat milk", [ToolArguments.Due] = "2026-12-05" })).Data.GetProperty("task_id").GetInt64();
        Assert.False((await ToolReply.CallAsync(client, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = bank })).IsError);
        long[] all = [milk, bank, oatMilk];

        Assert.Equal([milk, oatMilk], Numbers(await ListAsync(client, (ToolArguments.TaskIds, all), (ToolArguments.Status, ListStatus.Pending))));
        Assert.Equal([bank], Numbers(await ListAsync(client, (ToolArguments.TaskIds, all), (ToolArguments.Status, ListStatus.Completed))));
        Assert.Equal([milk], Numbers(await ListAsync(client, (ToolArguments.TaskIds, new[] { milk, bank }), (ToolArguments.Search, "milk"))));
        Assert.Equal([oatMilk], Numbers(await ListAsync(client, (ToolArguments.TaskIds, all), (ToolArguments.DueBefore, "2026-12-06"))));
        Assert.Equal([milk], Numbers(await ListAsync(client, (ToolArguments.TaskIds, all), (ToolArguments.Priority, "high"))));
        Assert.Empty(Numbers(await ListAsync(client, (ToolArguments.TaskIds, new[] { bank }), (ToolArguments.Status, ListStatus.Pending))));
    }

    [SkippableFact]
    public async Task NumbersWithoutATaskAreLeftOutWithoutAnError()
    {
        await using var client = await ClientInZoneAsync(server, "UTC", await UserWithTasksAsync(3));

        var some = await ListAsync(client, (ToolArguments.TaskIds, new[] { 2L, 4, 999, long.MaxValue }));
        var none = await ListAsync(client, (ToolArguments.TaskIds, new[] { 4L, long.MaxValue }));

        Assert.Equal([2], Numbers(some));
        Assert.Empty(Numbers(none));
        Assert.Equal(0, none.Data.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, none.Data.GetProperty("next_cursor").ValueKind);
    }

    [SkippableFact]
    public async Task TaskIdsReachTasksBeyondTheFirstPage()
    {
        await using var client = await ClientInZoneAsync(server, "UTC", await UserWithTasksAsync(60));

        var firstPage = await ListAsync(client);
        var named = await ListAsync(client, (ToolArguments.TaskIds, new[] { 55L, 3 }));
        var fifty = await ListAsync(client, (ToolArguments.TaskIds, Enumerable.Range(11, 50).Select(n => (long)n).ToArray()));

        Assert.DoesNotContain(55, Numbers(firstPage));
        Assert.Equal([3, 55], Numbers(named));
        Assert.Equal(["Task 3", "Task 55"], Titles(named));
        Assert.Equal(Enumerable.Range(11, 50).Select(n => (long)n), Numbers(fifty));
        Assert.Equal(JsonValueKind.Null, fifty.Data.GetProperty("next_cursor").ValueKind);
    }

    [SkippableTheory]
    [InlineData(TaskSorts.Created)]
    [InlineData(TaskSorts.Title)]
    public async Task TaskIdsPageWithLimitAndCursorLikeAnyOtherFilter(string sort)
    {
        await using var client = await ClientInZoneAsync(server, "UTC", await UserWithTasksAsync(60));
        long[] asked = [58, 5, 20, 15, 10, 31];

        var pages = new List<long[]>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(client, (ToolArguments.TaskIds, asked), (ToolArguments.Sort, sort), (ToolArguments.Limit, 4), (ToolArguments.Cursor, cursor));
            pages.Add(Numbers(page));
            cursor = page.Data.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null && pages.Count < 5);

        // By title "Task 10" < "Task 15" < "Task 20" < "Task 31" < "Task 5" < "Task 58": text order, not number order.
        long[] expected = sort == TaskSorts.Title ? [10, 15, 20, 31, 5, 58] : [5, 10, 15, 20, 31, 58];
        Assert.Equal([expected[..4], expected[4..]], pages);
    }
}

public sealed class SqliteListByNumberToolTests(SqliteMcpServer server) : ListByNumberToolTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresListByNumberToolTests(PostgresMcpServer server) : ListByNumberToolTests(server), IClassFixture<PostgresMcpServer>;
