using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.Data.Tasks;
using TaskChat.TestSupport;
using static TaskChat.Mcp.FunctionalTests.PlanningToolTests;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>list_tasks' filters, orders and pages; recurring tasks; reopen_task; the per-user task limit; per-user numbers under load.</summary>
public abstract class ListAndRecurrenceToolTests(McpServerFixture server)
{
    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => a.Value);

    [SkippableFact]
    public async Task FiltersByPriorityTagSearchAndStatusCombine()
    {
        await using var client = await ClientInZoneAsync(server, "UTC");
        await AddAsync(client, Args((ToolArguments.Title, "Buy milk"), (ToolArguments.Tags, new List<string> { "errands" }), (ToolArguments.Priority, "high")));
        await AddAsync(client, Args((ToolArguments.Title, "Call the bank"), (ToolArguments.Description, "About the MILK money"), (ToolArguments.Tags, new List<string> { "money" })));
        await AddAsync(client, Args((ToolArguments.Title, "File taxes"), (ToolArguments.Tags, new List<string> { "money", "errands" }), (ToolArguments.Priority, "high")));

        async Task<string[]> ListAsync(params (string, object?)[] filters) => Titles(await ToolReply.CallAsync(client, ToolNames.ListTasks, Args(filters)));

        Assert.Equal(["Buy milk", "File taxes"], await ListAsync((ToolArguments.Priority, "high")));
        Assert.Equal(["Call the bank", "File taxes"], await ListAsync((ToolArguments.Tag, "#Money")));
        Assert.Equal(["Buy milk", "Call the bank"], await ListAsync((ToolArguments.Search, "milk")));
        Assert.Equal(["Call the bank"], await ListAsync((ToolArguments.Search, "bank money")));
        Assert.Equal(["File taxes"], await ListAsync((ToolArguments.Tag, "errands"), (ToolArguments.Priority, "high"), (ToolArguments.Search, "tax")));
        Assert.Empty(await ListAsync((ToolArguments.Search, "milk"), (ToolArguments.Status, "completed")));
        Assert.Empty(await ListAsync((ToolArguments.Search, "zebra")));
    }

    [SkippableTheory]
    [InlineData(TaskSorts.Created, new[] { "Charlie", "Alpha", "Bravo", "Delta", "Echo", "Foxtrot", "Golf" })]
    [InlineData(TaskSorts.Due, new[] { "Bravo", "Delta", "Charlie", "Foxtrot", "Alpha", "Echo", "Golf" })]
    [InlineData(TaskSorts.Priority, new[] { "Delta", "Foxtrot", "Alpha", "Bravo", "Charlie", "Echo", "Golf" })]
    [InlineData(TaskSorts.Title, new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf" })]
    [InlineData(TaskSorts.Updated, new[] { "Golf", "Foxtrot", "Echo", "Delta", "Bravo", "Alpha", "Charlie" })]
    public async Task EverySortPagesThroughEveryTaskOnceInOrder(string sort, string[] expected)
    {
        await using var client = await ClientInZoneAsync(server, "Europe/Paris");
        (string Title, string? Due, string Priority)[] tasks =
        [
            ("Charlie", "2026-12-03", "low"), ("Alpha", null, "medium"), ("Bravo", "2026-12-01T08:00:00+01:00", "low"), ("Delta", "2026-12-02", "high"),
            ("Echo", null, "none"), ("Foxtrot", "2026-12-03T10:00:00+01:00", "high"), ("Golf", null, "none"),
        ];
        foreach (var (title, due, priority) in tasks)
        {
            await AddAsync(client, Args((ToolArguments.Title, title), (ToolArguments.Due, due), (ToolArguments.Priority, priority)));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ToolReply.CallAsync(client, ToolNames.ListTasks, Args((ToolArguments.Sort, sort), (ToolArguments.Limit, 3), (ToolArguments.Cursor, cursor)));
            Assert.False(page.IsError, page.Json.ToString());
            Assert.InRange(page.Data.GetProperty("count").GetInt32(), 1, 3);
            seen.AddRange(Titles(page));
            cursor = page.Data.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    /// <summary>
    /// The order by last change puts what was just edited or completed first; a task changed while the pages are read
    /// moves before the cursor, so the next page neither repeats it nor shifts (the chat's side panel reads this order).
    /// </summary>
    [SkippableFact]
    public async Task TheOrderByLastChangePutsWhatWasJustChangedFirstAndItsPagesNeverRepeatATask()
    {
        await using var client = await ClientInZoneAsync(server, "UTC");
        foreach (var title in new[] { "One", "Two", "Three", "Four", "Five" })
        {
            await AddAsync(client, Args((ToolArguments.Title, title)));
        }

        var first = await ToolReply.CallAsync(client, ToolNames.ListTasks, Args((ToolArguments.Sort, TaskSorts.Updated), (ToolArguments.Limit, 2)));
        Assert.Equal(["Five", "Four"], Titles(first));
        var cursor = first.Data.GetProperty("next_cursor").GetString();
        Assert.NotNull(cursor);

        Assert.False((await ToolReply.CallAsync(client, ToolNames.UpdateTask, Args((ToolArguments.TaskId, 2), (ToolArguments.Title, "Two again")))).IsError);
        Assert.False((await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, 4)))).IsError);

        var rest = await ToolReply.CallAsync(client, ToolNames.ListTasks, Args((ToolArguments.Sort, TaskSorts.Updated), (ToolArguments.Limit, 2), (ToolArguments.Cursor, cursor)));
        Assert.Equal(["Three", "One"], Titles(rest));
        Assert.Equal(JsonValueKind.Null, rest.Data.GetProperty("next_cursor").ValueKind);

        var again = await ToolReply.CallAsync(client, ToolNames.ListTasks, Args((ToolArguments.Sort, TaskSorts.Updated)));
        Assert.Equal(["Four", "Two again", "Five", "Three", "One"], Titles(again));
        var pending = await ToolReply.CallAsync(client, ToolNames.ListTasks, Args((ToolArguments.Sort, TaskSorts.Updated), (ToolArguments.Status, ListStatus.Pending)));
        Assert.Equal(["Two again", "Five", "Three", "One"], Titles(pending));
    }

    [SkippableFact]
    public async Task APageIsFiftyByDefaultAndAtMostTwoHundred()
    {
        var user = "pager-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = server.Database.CreateDbContext())
        {
            var store = new TaskStore(db, TimeProvider.System, new TaskLimits());
            for (var i = 0; i < 205; i++)
            {
                Assert.True((await store.AddAsync(TaskOwner.From(user, null), $"Task {i}", null)).Succeeded);
            }
        }
        await using var client = await ClientInZoneAsync(server, "UTC", user);

        var first = await ToolReply.CallAsync(client, ToolNames.ListTasks);
        var largest = await ToolReply.CallAsync(client, ToolNames.ListTasks, Args((ToolArguments.Limit, 200)));
        var rest = await ToolReply.CallAsync(client, ToolNames.ListTasks, Args((ToolArguments.Limit, 200), (ToolArguments.Cursor, largest.Data.GetProperty("next_cursor").GetString())));

        Assert.Equal(50, first.Data.GetProperty("count").GetInt32());
        Assert.Equal(200, largest.Data.GetProperty("count").GetInt32());
        Assert.Equal(5, rest.Data.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, rest.Data.GetProperty("next_cursor").ValueKind);
        Assert.Equal(205, rest.Data.GetProperty("tasks")[4].GetProperty("id").GetInt64());
    }

    [SkippableFact]
    public async Task CompletingARecurringTaskCreatesTheNextOccurrenceOnceAndReopenUndoesTheCompletion()
    {
        await using var client = await ClientInZoneAsync(server, "America/New_York");
        var id = (await AddAsync(client, Args((ToolArguments.Title, "Team sync"), (ToolArguments.Due, "2026-03-06T09:00"),
            (ToolArguments.Recurrence, "FREQ=WEEKLY;BYDAY=MO,FR"), (ToolArguments.Tags, new List<string> { "work" }), (ToolArguments.Reminders, new List<string> { "PT15M" }))))
            .Data.GetProperty("task_id").GetInt64();

        var completed = await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, id)));
        var again = await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, id)));
        var reopened = await ToolReply.CallAsync(client, ToolNames.ReopenTask, Args((ToolArguments.TaskId, id)));
        var afterReopen = await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, id)));
        var tasks = (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray().ToList();

        // Friday 6 March (EST) → Monday 9 March, after the DST change: still 09:00 local.
        Assert.Equal(JsonSerializer.Serialize(new { task_id = id, title = "Team sync", status = "completed", due = "2026-03-06T09:00:00-05:00", next_task_id = id + 1, next_due = "2026-03-09T09:00:00-04:00" }),
            JsonSerializer.Serialize(completed.Data));
        Assert.False(again.IsError);
        Assert.Equal(id + 1, again.Data.GetProperty("next_task_id").GetInt64()); // the same next occurrence, not another
        Assert.Equal(TaskChangeStatus.Reopened, reopened.Data.GetProperty("status").GetString());
        Assert.False(afterReopen.IsError);
        Assert.Equal(2, tasks.Count);
        var next = tasks[1];
        Assert.Equal(["work"], next.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["PT15M"], next.GetProperty("reminders").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,FR", next.GetProperty("recurrence").GetString());
        Assert.False(next.GetProperty("completed").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, tasks[0].GetProperty("completed_at").ValueKind);
    }

    [SkippableFact]
    public async Task SixteenConcurrentCompletionsOfOneRecurringTaskCreateOneNextOccurrence()
    {
        await using var client = await ClientInZoneAsync(server, "UTC");
        var id = (await AddAsync(client, Args((ToolArguments.Title, "Water plants"), (ToolArguments.Due, "2026-12-01"),
            (ToolArguments.Recurrence, "FREQ=DAILY;INTERVAL=3"), (ToolArguments.RepeatFrom, "completion")))).Data.GetProperty("task_id").GetInt64();

        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, id)))));

        Assert.All(replies, r => Assert.False(r.IsError, r.Json.ToString()));
        var tasks = (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(2, tasks.Count);
        // From completion: three days after the day it was done (today, UTC), whatever its old due date was.
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            tasks[1].GetProperty("due").GetString());
    }

    [SkippableFact]
    public async Task SixteenConcurrentAddsForOneUserGetNumbersOneToSixteen()
    {
        await using var client = await ClientInZoneAsync(server, "UTC");

        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => ToolReply.CallAsync(client, ToolNames.AddTask, Args((ToolArguments.Title, $"Task {i}")))));

        Assert.All(replies, r => Assert.False(r.IsError, r.Json.ToString()));
        Assert.Equal(Enumerable.Range(1, 16).Select(n => (long)n), replies.Select(r => r.Data.GetProperty("task_id").GetInt64()).Order());
    }

    [SkippableFact]
    public async Task TheTaskLimitRefusesTheNextAddWithItsOwnCode()
    {
        await using var limited = await server.StartAsync(system => system.WithMcp(new Dictionary<string, string> { [TaskLimits.VariableName] = "3" }));
        var user = "limited-" + Guid.NewGuid().ToString("N")[..8];
        await using var client = await TestMcpClients.ConnectAsync(limited.Mcp.BaseAddress, server.Jwks.CreateToken(user));
        var added = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => ToolReply.CallAsync(client, ToolNames.AddTask, Args((ToolArguments.Title, $"Task {i}")))));

        Assert.Equal(3, added.Count(r => !r.IsError));
        var refused = added.First(r => r.IsError);
        Assert.Equal(ToolErrorCodes.TaskLimitReached, refused.Code);
        Assert.Contains("3 tasks", refused.Error, StringComparison.Ordinal);
        await using var db = server.Database.CreateDbContext();
        Assert.Equal(3, await db.Tasks.CountAsync(t => t.UserId == user));
        var first = added.First(r => !r.IsError).Data.GetProperty("task_id").GetInt64();
        await ToolReply.CallAsync(client, ToolNames.DeleteTask, Args((ToolArguments.TaskId, first)));
        Assert.False((await ToolReply.CallAsync(client, ToolNames.AddTask, Args((ToolArguments.Title, "Room again")))).IsError);
    }
}

public sealed class SqliteListAndRecurrenceToolTests(SqliteMcpServer server) : ListAndRecurrenceToolTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresListAndRecurrenceToolTests(PostgresMcpServer server) : ListAndRecurrenceToolTests(server), IClassFixture<PostgresMcpServer>;
