using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// Bad arguments get an isError result with the contract's envelope, a message a user can read and
/// the "validation" (or "not_found") code; nothing is written, nothing crashes.
/// </summary>
public abstract class BadInputTests(McpServerFixture server)
{
    public static TheoryData<string, string, string> InvalidCalls => new()
    {
        // tool, arguments as JSON, expected words in the error
        { ToolNames.AddTask, """{"title":""}""", "title cannot be empty" },
        { ToolNames.AddTask, """{"title":"   \t\n  "}""", "title cannot be empty" },
        { ToolNames.AddTask, $$"""{"title":"{{new string('a', 201)}}"}""", "at most 200 characters" },
        { ToolNames.AddTask, $$"""{"title":"ok","description":"{{new string('d', 1001)}}"}""", "at most 1000 characters" },
        { ToolNames.AddTask, """{}""", "title is required" },
        { ToolNames.AddTask, """{"title":null}""", "title is required" },
        { ToolNames.AddTask, """{"title":42}""", "title must be text" },
        { ToolNames.AddTask, """{"title":["a","b"]}""", "title must be text" },
        { ToolNames.AddTask, """{"title":{"x":1}}""", "title must be text" },
        { ToolNames.AddTask, """{"title":"ok","description":true}""", "description must be text" },
        { ToolNames.AddTask, """{"title":"nul\u0000byte"}""", "not allowed" },
        { ToolNames.AddTask, """{"title":"ok","description":"bell\u0007"}""", "not allowed" },
        { ToolNames.CompleteTask, """{}""", "task_id is required" },
        { ToolNames.CompleteTask, """{"task_id":"abc"}""", "task_id must be a whole number" },
        { ToolNames.CompleteTask, """{"task_id":1.5}""", "task_id must be a whole number" },
        { ToolNames.CompleteTask, """{"task_id":true}""", "task_id must be a whole number" },
        { ToolNames.CompleteTask, """{"task_id":99999999999999999999999}""", "task_id must be a whole number" },
        { ToolNames.CompleteTask, """{"task_id":-3}""", "positive whole number" },
        { ToolNames.CompleteTask, """{"task_id":0}""", "positive whole number" },
        { ToolNames.DeleteTask, """{"task_id":-1}""", "positive whole number" },
        { ToolNames.DeleteTask, """{"task_id":[1]}""", "task_id must be a whole number" },
        { ToolNames.UpdateTask, """{"task_id":1}""", "Nothing to change" },
        { ToolNames.UpdateTask, """{"title":"x"}""", "task_id is required" },
        { ToolNames.UpdateTask, """{"task_id":1,"title":""}""", "title cannot be empty" },
        { ToolNames.UpdateTask, $$"""{"task_id":1,"title":"{{new string('t', 201)}}"}""", "at most 200 characters" },
        { ToolNames.ListTasks, """{"status":"done"}""", "status must be one of: all, pending, completed" },
        { ToolNames.ListTasks, """{"status":7}""", "status must be text" },
        { ToolNames.ListTasks, """{"status":"'; DROP TABLE tasks; --"}""", "status must be one of" },
        // The planning fields: every argument, empty, malformed, oversized and hostile.
        { ToolNames.AddTask, """{"title":"ok","due":"tomorrow"}""", "due must be an ISO 8601 date, e.g. 2026-12-05 or 2026-12-05T17:00:00+01:00" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-13-01"}""", "due must be an ISO 8601 date" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-02-30"}""", "due must be an ISO 8601 date" },
        { ToolNames.AddTask, """{"title":"ok","due":"0001-01-01"}""", "years 1970 to 2999" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05T25:00:00Z"}""", "due must be an ISO 8601 date" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05T10:00:00+15:00"}""", "due must be an ISO 8601 date" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05\u0000"}""", "due must be an ISO 8601 date" },
        { ToolNames.AddTask, $$"""{"title":"ok","due":"{{new string('9', 100_000)}}"}""", "due must be an ISO 8601 date" },
        { ToolNames.AddTask, """{"title":"ok","due":20261205}""", "due must be text" },
        { ToolNames.AddTask, """{"title":"ok","priority":"urgent"}""", "priority must be one of: none, low, medium, high" },
        { ToolNames.AddTask, """{"title":"ok","priority":3}""", "priority must be text" },
        { ToolNames.AddTask, """{"title":"ok","tags":"work, home"}""", "a tag may hold letters, digits" },
        { ToolNames.AddTask, """{"title":"ok","tags":[""]}""", "a tag cannot be empty" },
        { ToolNames.AddTask, """{"title":"ok","tags":["#"]}""", "a tag cannot be empty" },
        { ToolNames.AddTask, """{"title":"ok","tags":[1,2]}""", "tags must be a list of text" },
        { ToolNames.AddTask, """{"title":"ok","tags":[["nested"]]}""", "tags must be a list of text" },
        { ToolNames.AddTask, """{"title":"ok","tags":{"a":"b"}}""", "tags must be a list of text" },
        { ToolNames.AddTask, """{"title":"ok","tags":["nul\u0000"]}""", "not allowed" },
        { ToolNames.AddTask, """{"title":"ok","tags":["<script>"]}""", "a tag may hold letters, digits" },
        { ToolNames.AddTask, $$"""{"title":"ok","tags":["{{new string('t', 41)}}"]}""", "at most 40 characters" },
        { ToolNames.AddTask, "{\"title\":\"ok\",\"tags\":[" + string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"t{i}\"")) + "]}", "at most 20 per task" },
        { ToolNames.AddTask, """{"title":"ok","recurrence":"every day"}""", "recurrence" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=HOURLY"}""", "needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=DAILY;COUNT=3;UNTIL=20270101"}""", "cannot have both COUNT and UNTIL" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=MONTHLY;BYSETPOS=-1"}""", "not supported" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=DAILY;INTERVAL=0"}""", "INTERVAL" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=DAILY;COUNT=99999999999"}""", "COUNT" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=WEEKLY;BYDAY=XX"}""", "BYDAY" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=MONTHLY;BYMONTHDAY=32"}""", "BYMONTHDAY" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","recurrence":"FREQ=DAILY;UNTIL=soon"}""", "UNTIL" },
        { ToolNames.AddTask, $$"""{"title":"ok","due":"2026-12-05","recurrence":"FREQ=DAILY;{{new string('x', 300)}}"}""", "at most 200 characters" },
        { ToolNames.AddTask, """{"title":"ok","recurrence":"FREQ=DAILY;UNTIL=20200101"}""", "recurrence needs a due date" },
        { ToolNames.AddTask, """{"title":"ok","repeat_from":"later"}""", "repeat_from must be one of: due, completion" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","reminders":["1 hour before"]}""", "each reminder must be a time" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","reminders":["P400D"]}""", "at most 366 days" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","reminders":["PT"]}""", "each reminder must be a time" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","reminders":["2026-12-05"]}""", "each reminder must be a time" },
        { ToolNames.AddTask, """{"title":"ok","due":"2026-12-05","reminders":[null]}""", "reminders must be a list of text" },
        { ToolNames.AddTask, "{\"title\":\"ok\",\"due\":\"2026-12-05\",\"reminders\":[" + string.Join(",", Enumerable.Range(1, 11).Select(i => $"\"PT{i}M\"")) + "]}", "at most 10 per task" },
        { ToolNames.AddTask, """{"title":"ok","reminders":["PT1H"]}""", "needs a due date" },
        { ToolNames.UpdateTask, """{"task_id":1,"tags":7}""", "tags must be a list of text" },
        { ToolNames.UpdateTask, """{"task_id":1,"priority":"asap"}""", "priority must be one of" },
        { ToolNames.ListTasks, """{"sort":"random"}""", "sort must be one of: created, due, priority, title, updated" },
        { ToolNames.ListTasks, """{"limit":0}""", "limit must be a whole number from 1 to 200" },
        { ToolNames.ListTasks, """{"limit":201}""", "limit must be a whole number from 1 to 200" },
        { ToolNames.ListTasks, """{"limit":"many"}""", "limit must be a whole number" },
        { ToolNames.ListTasks, """{"limit":99999999999999}""", "limit must be a whole number from 1 to 200" },
        { ToolNames.ListTasks, """{"cursor":"not-a-cursor"}""", "cursor is not valid" },
        { ToolNames.ListTasks, """{"cursor":"eyJzIjoiZHVlIiwibiI6LTF9"}""", "cursor is not valid" },
        { ToolNames.ListTasks, $$"""{"cursor":"{{new string('A', 5000)}}"}""", "cursor is not valid" },
        { ToolNames.ListTasks, """{"sort":"title","cursor":"eyJzIjoiY3JlYXRlZCIsIm4iOjN9"}""", "cursor belongs to a list sorted by created" },
        { ToolNames.ListTasks, """{"due_before":"next week"}""", "due_before must be an ISO 8601 date" },
        { ToolNames.ListTasks, """{"due_after":"2026-12-05T99:00"}""", "due_after must be an ISO 8601 date" },
        { ToolNames.ListTasks, """{"overdue":"maybe"}""", "overdue must be true or false" },
        { ToolNames.ListTasks, """{"overdue":1}""", "overdue must be true or false" },
        { ToolNames.ListTasks, """{"priority":"top"}""", "priority must be one of" },
        { ToolNames.ListTasks, $$"""{"tag":"{{new string('t', 41)}}"}""", "tag must be at most 40 characters" },
        { ToolNames.ListTasks, """{"search":"%_%"}""", "search must hold at least one word" },
        { ToolNames.ListTasks, """{"search":"milk\u0000"}""", "search must be words" },
        { ToolNames.ListTasks, $$"""{"search":"{{new string('s', 201)}}"}""", "at most 200 characters" },
        { ToolNames.ListTasks, """{"task_ids":[]}""", "task_ids must hold at least one task number, e.g. [3, 12]" },
        { ToolNames.ListTasks, "{\"task_ids\":[" + string.Join(",", Enumerable.Range(1, 51)) + "]}", "task_ids must hold at most 50 task numbers (got 51)" },
        { ToolNames.ListTasks, """{"task_ids":[0]}""", "task_ids must hold task numbers, positive whole numbers such as 3 (got 0)" },
        { ToolNames.ListTasks, """{"task_ids":[3,-1]}""", "positive whole numbers such as 3 (got -1)" },
        { ToolNames.ListTasks, """{"task_ids":[-9223372036854775808]}""", "positive whole numbers such as 3" },
        { ToolNames.ListTasks, """{"task_ids":"3"}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (got \"3\")" },
        { ToolNames.ListTasks, """{"task_ids":"3, 12"}""", "task_ids must be a list of whole numbers" },
        { ToolNames.ListTasks, """{"task_ids":3}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (got 3)" },
        { ToolNames.ListTasks, """{"task_ids":true}""", "task_ids must be a list of whole numbers" },
        { ToolNames.ListTasks, """{"task_ids":{"0":3}}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (got an object)" },
        { ToolNames.ListTasks, """{"task_ids":["1"]}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (it holds \"1\")" },
        { ToolNames.ListTasks, """{"task_ids":[1.5]}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (it holds 1.5)" },
        { ToolNames.ListTasks, """{"task_ids":[1,null]}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (it holds null)" },
        { ToolNames.ListTasks, """{"task_ids":[true]}""", "task_ids must be a list of whole numbers" },
        { ToolNames.ListTasks, """{"task_ids":[[1]]}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (it holds a list)" },
        { ToolNames.ListTasks, """{"task_ids":[{"id":1}]}""", "task_ids must be a list of whole numbers, e.g. [3, 12] (it holds an object)" },
        { ToolNames.ListTasks, """{"task_ids":[9223372036854775808]}""", "task_ids must be a list of whole numbers" },
        { ToolNames.ListTasks, """{"task_ids":[1e400]}""", "task_ids must be a list of whole numbers" },
        { ToolNames.ReopenTask, """{"task_id":"x"}""", "task_id must be a whole number" },
        { ToolNames.ReopenTask, """{"task_id":0}""", "positive whole number" },
        { ToolNames.SkipTask, """{"task_id":"x"}""", "task_id must be a whole number" },
        { ToolNames.SkipTask, """{"task_id":-3}""", "positive whole number" },
        { ToolNames.SkipTask, """{}""", "task_id" },
    };

    [SkippableTheory]
    [MemberData(nameof(InvalidCalls))]
    public async Task InvalidArgumentsGetAValidationResult(string tool, string argumentsJson, string expected)
    {
        var user = "bad-input-" + Guid.NewGuid().ToString("N")[..8];
        var client = await server.ClientForAsync(user);
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)!
            .ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

        var reply = await ToolReply.CallAsync(client, tool, arguments);

        Assert.True(reply.IsError);
        Assert.Equal(ToolEnvelope.ErrorStatus, reply.Status);
        Assert.Equal(ToolErrorCodes.Validation, reply.Code);
        Assert.Contains(expected, reply.Error, StringComparison.Ordinal);
        Assert.Equal(["status", "error", "code"], reply.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("count").GetInt32());
    }

    [SkippableTheory]
    [InlineData(ToolNames.CompleteTask)]
    [InlineData(ToolNames.DeleteTask)]
    [InlineData(ToolNames.RestoreTask)]
    public async Task AnUnknownTaskIdIsNotFound(string tool)
    {
        var client = await server.ClientForAsync("unknown-id-user");

        var reply = await ToolReply.CallAsync(client, tool, new Dictionary<string, object?> { [ToolArguments.TaskId] = 987654321 });

        Assert.True(reply.IsError);
        Assert.Equal(ToolErrorCodes.NotFound, reply.Code);
        Assert.Equal("Task 987654321 was not found.", reply.Error);
    }

    [SkippableFact]
    public async Task UpdatingAnUnknownTaskIsNotFound()
    {
        var client = await server.ClientForAsync("unknown-id-user");

        var reply = await ToolReply.CallAsync(client, ToolNames.UpdateTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = 987654321, [ToolArguments.Title] = "New" });

        Assert.True(reply.IsError);
        Assert.Equal(ToolErrorCodes.NotFound, reply.Code);
    }

    [SkippableFact]
    public async Task AOneMegabyteArgumentIsRefusedWithAReadableMessage()
    {
        var client = await server.ClientForAsync("big-input-user");

        var reply = await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = new string('x', 1024 * 1024) });

        Assert.True(reply.IsError);
        Assert.Equal(ToolErrorCodes.Validation, reply.Code);
        Assert.Contains("at most 200 characters", reply.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TwoHundredCharactersIsTheLongestTitleAndCountsCharactersNotBytes()
    {
        var client = await server.ClientForAsync("limits-user-" + Guid.NewGuid().ToString("N")[..6]);

        var ascii = await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = new string('a', 200), [ToolArguments.Description] = new string('d', 1000) });
        var emoji = await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = string.Concat(Enumerable.Repeat("🥛", 200)) });

        Assert.False(ascii.IsError);
        Assert.False(emoji.IsError);
        Assert.Equal(2, (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task HostileTextIsStoredAsPlainText()
    {
        var client = await server.ClientForAsync("hostile-user-" + Guid.NewGuid().ToString("N")[..6]);
        const string title = "Robert'); DROP TABLE tasks;-- <script>alert(1)</script>";

        await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = title, [ToolArguments.Description] = "{{user_id}} ${sub} %s %n" });

        var task = Assert.Single((await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray());
        Assert.Equal(title, task.GetProperty("title").GetString());
        Assert.Equal("{{user_id}} ${sub} %s %n", task.GetProperty("description").GetString());
    }

    [SkippableFact]
    public async Task AUserIdArgumentCannotChooseTheUser()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N")[..6];
        var intruder = await server.ClientForAsync("intruder-" + Guid.NewGuid().ToString("N")[..6]);

        var reply = await ToolReply.CallAsync(intruder, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Sneaky", ["user_id"] = owner });

        Assert.False(reply.IsError);
        var ownerClient = await server.ClientForAsync(owner);
        Assert.Equal(0, (await ToolReply.CallAsync(ownerClient, ToolNames.ListTasks)).Data.GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task AnUnknownToolIsAProtocolErrorNotACrash()
    {
        var client = await server.ClientForAsync("unknown-tool-user");

        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => client.CallToolAsync("drop_all_tasks", new Dictionary<string, object?>()).AsTask());

        Assert.Equal(ModelContextProtocol.McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("drop_all_tasks", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteBadInputTests(SqliteMcpServer server) : BadInputTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresBadInputTests(PostgresMcpServer server) : BadInputTests(server), IClassFixture<PostgresMcpServer>;
