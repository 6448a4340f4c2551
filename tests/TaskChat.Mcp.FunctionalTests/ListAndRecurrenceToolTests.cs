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
        // A tag is searched too: every word in the title, the description or a tag.
        Assert.Equal(["Buy milk", "File taxes"], await ListAsync((ToolArguments.Search, "errands")));
        Assert.Equal(["Buy milk"], await ListAsync((ToolArguments.Search, "milk errand")));
        Assert.Equal(["Call the bank", "File taxes"], await ListAsync((ToolArguments.Search, "money")));
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
        var reopenedList = (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray().ToList();
        var afterReopen = await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, id)));
        var tasks = (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray().ToList();

        // Friday 6 March (EST) → Monday 9 March, after the DST change: still 09:00 local.
        Assert.Equal(JsonSerializer.Serialize(new { task_id = id, title = "Team sync", status = "completed", due = "2026-03-06T09:00:00-05:00", next_task_id = id + 1, next_due = "2026-03-09T09:00:00-04:00" }),
            JsonSerializer.Serialize(completed.Data));
        Assert.False(again.IsError);
        Assert.Equal(id + 1, again.Data.GetProperty("next_task_id").GetInt64()); // the same next occurrence, not another
        Assert.Equal(TaskChangeStatus.Reopened, reopened.Data.GetProperty("status").GetString());
        // Reopened, the task is its occurrence again: the next one its completion made (still to do) is gone, so there
        // are not two of it; completing it again makes a new one.
        Assert.Equal([(id, false)], reopenedList.Select(t => (t.GetProperty("id").GetInt64(), t.GetProperty("completed").GetBoolean())));
        Assert.False(afterReopen.IsError);
        Assert.Equal(id + 2, afterReopen.Data.GetProperty("next_task_id").GetInt64());
        Assert.Equal(2, tasks.Count);
        var next = tasks[1];
        Assert.Equal(["work"], next.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["PT15M"], next.GetProperty("reminders").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,FR", next.GetProperty("recurrence").GetString());
        Assert.False(next.GetProperty("completed").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, tasks[0].GetProperty("completed_at").ValueKind);
    }

    /// <summary>Reopening an older occurrence leaves the later ones that were completed, and theirs: only a next occurrence still to do goes.</summary>
    [SkippableFact]
    public async Task ReopeningAnOlderOccurrenceKeepsTheLaterOnesThatWereDone()
    {
        await using var client = await ClientInZoneAsync(server, "Europe/Paris");
        var first = (await AddAsync(client, Args((ToolArguments.Title, "Water plants"), (ToolArguments.Due, "2026-03-02"), (ToolArguments.Recurrence, "FREQ=DAILY"))))
            .Data.GetProperty("task_id").GetInt64();
        var second = (await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, first)))).Data.GetProperty("next_task_id").GetInt64();
        var third = (await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, second)))).Data.GetProperty("next_task_id").GetInt64();

        var reopened = await ToolReply.CallAsync(client, ToolNames.ReopenTask, Args((ToolArguments.TaskId, first)));
        var tasks = (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray()
            .Select(t => (t.GetProperty("id").GetInt64(), t.GetProperty("completed").GetBoolean())).ToList();

        Assert.False(reopened.IsError);
        Assert.Equal([(first, false), (second, true), (third, false)], tasks);
    }

    /// <summary>
    /// skip_task moves a repeating task to its first occurrence after today (or after its due date when that is later),
    /// without completing it: the same task, its time of day and its reminders kept, the occurrences passed counted
    /// toward COUNT. What cannot be skipped is a validation error that says what to do instead.
    /// </summary>
    [SkippableFact]
    public async Task SkippingARepeatingTaskMovesItToItsNextOccurrenceAfterTodayWithoutCompletingIt()
    {
        await using var client = await ClientInZoneAsync(server, "Europe/Paris");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), zone.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, 0)))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        long Add(ToolReply reply) => reply.Data.GetProperty("task_id").GetInt64();

        // Overdue by three days, every day at 07:00: the next one after today is tomorrow at 07:00.
        var gym = Add(await AddAsync(client, Args((ToolArguments.Title, "Gym"), (ToolArguments.Due, $"{Day(today.AddDays(-3))}T07:00"),
            (ToolArguments.Recurrence, "FREQ=DAILY"), (ToolArguments.Reminders, new List<string> { "PT30M" }))));
        var skipped = await ToolReply.CallAsync(client, ToolNames.SkipTask, Args((ToolArguments.TaskId, gym)));
        Assert.False(skipped.IsError, skipped.Json.ToString());
        Assert.Equal(JsonSerializer.Serialize(new { task_id = gym, title = "Gym", status = TaskChangeStatus.Skipped, due = At(today.AddDays(1), 7) }), JsonSerializer.Serialize(skipped.Data));

        // Due next week, all day: the occurrence after that one, a week later.
        var trash = Add(await AddAsync(client, Args((ToolArguments.Title, "Trash"), (ToolArguments.Due, Day(today.AddDays(7))), (ToolArguments.Recurrence, "FREQ=WEEKLY"))));
        Assert.Equal(Day(today.AddDays(14)), (await ToolReply.CallAsync(client, ToolNames.SkipTask, Args((ToolArguments.TaskId, trash)))).Data.GetProperty("due").GetString());

        // Every 3 days counted from completion: three days from today, as completing it today would make it.
        var water = Add(await AddAsync(client, Args((ToolArguments.Title, "Water"), (ToolArguments.Due, Day(today.AddDays(-10))),
            (ToolArguments.Recurrence, "FREQ=DAILY;INTERVAL=3"), (ToolArguments.RepeatFrom, "completion"))));
        Assert.Equal(Day(today.AddDays(3)), (await ToolReply.CallAsync(client, ToolNames.SkipTask, Args((ToolArguments.TaskId, water)))).Data.GetProperty("due").GetString());

        // Two occurrences in all, the first one overdue: none is left after today.
        var twice = Add(await AddAsync(client, Args((ToolArguments.Title, "Twice"), (ToolArguments.Due, Day(today.AddDays(-2))), (ToolArguments.Recurrence, "FREQ=DAILY;COUNT=2"))));
        var ended = await ToolReply.CallAsync(client, ToolNames.SkipTask, Args((ToolArguments.TaskId, twice)));
        var once = Add(await AddAsync(client, Args((ToolArguments.Title, "Once"), (ToolArguments.Due, Day(today)))));
        var notRepeating = await ToolReply.CallAsync(client, ToolNames.SkipTask, Args((ToolArguments.TaskId, once)));
        await ToolReply.CallAsync(client, ToolNames.CompleteTask, Args((ToolArguments.TaskId, trash)));
        var done = await ToolReply.CallAsync(client, ToolNames.SkipTask, Args((ToolArguments.TaskId, trash)));
        var missing = await ToolReply.CallAsync(client, ToolNames.SkipTask, Args((ToolArguments.TaskId, 999_999)));

        Assert.Equal((ToolErrorCodes.Validation, $"Task {twice}'s repeat ends before its next occurrence: complete or delete it instead."), (ended.Code, ended.Error));
        Assert.Equal((ToolErrorCodes.Validation, $"Task {once} does not repeat, so there is no next occurrence to skip to: change its due date instead."), (notRepeating.Code, notRepeating.Error));
        Assert.Equal((ToolErrorCodes.Validation, $"Task {trash} is done: only a pending task that repeats can be skipped."), (done.Code, done.Error));
        Assert.Equal(ToolErrorCodes.NotFound, missing.Code);

        var tasks = (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetInt64());
        var skippedGym = tasks[gym];
        Assert.False(skippedGym.GetProperty("completed").GetBoolean());
        Assert.Equal(["PT30M"], skippedGym.GetProperty("reminders").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Day(today.AddDays(-2)), tasks[twice].GetProperty("due").GetString()); // refused: unchanged
        Assert.Equal(6, tasks.Count); // skipping made no task: the five added and the next occurrence of the completed trash
    }

    [SkippableFact]
    public async Task AnotherUsersRepeatingTaskCannotBeSkipped()
    {
        await using var owner = await ClientInZoneAsync(server, "UTC");
        await using var other = await ClientInZoneAsync(server, "UTC");
        // Numbers are per user: the other user, who has no task, names the owner's by its number.
        var id = (await AddAsync(owner, Args((ToolArguments.Title, "Mine"), (ToolArguments.Due, "2026-12-01"), (ToolArguments.Recurrence, "FREQ=DAILY")))).Data.GetProperty("task_id").GetInt64();

        var reply = await ToolReply.CallAsync(other, ToolNames.SkipTask, Args((ToolArguments.TaskId, id)));

        Assert.Equal(ToolErrorCodes.NotFound, reply.Code);
        Assert.Equal("2026-12-01", (await OnlyTaskAsync(owner)).GetProperty("due").GetString());
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
