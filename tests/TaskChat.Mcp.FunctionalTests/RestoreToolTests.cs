using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.Data.Tasks;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>restore_task over real HTTP with the official MCP client: a deleted task back with its own number, and what it refuses.</summary>
public abstract class RestoreToolTests(McpServerFixture server)
{
    private static readonly string[] Health = ["health"];
    private static readonly string[] AnHourBefore = ["PT1H"];

    private static string NewUser() => "restore-" + Guid.NewGuid().ToString("N")[..10];

    private static Dictionary<string, object?> ById(long id) => new() { [ToolArguments.TaskId] = id };

    [SkippableFact]
    public async Task A_deleted_task_comes_back_with_its_own_number_and_every_field()
    {
        var client = await server.ClientForAsync(NewUser());
        await AddAsync(client, new() { [ToolArguments.Title] = "Buy milk" });
        var gym = await AddAsync(client, new()
        {
            [ToolArguments.Title] = "Gym", [ToolArguments.Description] = "Legs", [ToolArguments.Due] = "2030-01-07T18:00:00Z",
            [ToolArguments.Priority] = TaskPriorities.High, [ToolArguments.Tags] = Health, [ToolArguments.Recurrence] = "FREQ=WEEKLY",
            [ToolArguments.Reminders] = AnHourBefore,
        });
        var before = await ViewAsync(client, gym);
        var deleted = await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(gym));
        Assert.False(deleted.IsError);
        Assert.Empty((await ToolReply.CallAsync(client, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Search] = "gym" })).Data.GetProperty("tasks").EnumerateArray());

        var restored = await ToolReply.CallAsync(client, ToolNames.RestoreTask, ById(gym));

        Assert.False(restored.IsError, restored.Json.ToString());
        Assert.Equal(gym, restored.Data.GetProperty("task_id").GetInt64());
        Assert.Equal("Gym", restored.Data.GetProperty("title").GetString());
        Assert.Equal(TaskChangeStatus.Restored, restored.Data.GetProperty("status").GetString());
        var after = await ViewAsync(client, gym);
        foreach (var field in new[] { "id", "title", "description", "completed", "created_at", "due", "priority", "tags", "recurrence", "repeat_from", "reminders" })
        {
            Assert.Equal(before.GetProperty(field).GetRawText(), after.GetProperty(field).GetRawText());
        }
        Assert.Equal(2, (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task A_done_task_comes_back_done()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, new() { [ToolArguments.Title] = "Eggs" });
        await ToolReply.CallAsync(client, ToolNames.CompleteTask, ById(id));
        await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(id));

        Assert.False((await ToolReply.CallAsync(client, ToolNames.RestoreTask, ById(id))).IsError);

        Assert.True((await ViewAsync(client, id)).GetProperty("completed").GetBoolean());
    }

    [SkippableFact]
    public async Task A_task_that_is_not_deleted_is_refused_and_left_as_it_is()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, new() { [ToolArguments.Title] = "Call mom" });

        var reply = await ToolReply.CallAsync(client, ToolNames.RestoreTask, ById(id));

        Assert.True(reply.IsError);
        Assert.Equal(ToolErrorCodes.NotDeleted, reply.Code);
        Assert.Equal($"Task {id} is not deleted: there is nothing to restore.", reply.Error);
        Assert.Equal("Call mom", (await ViewAsync(client, id)).GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task Another_users_deleted_task_can_be_neither_restored_nor_seen()
    {
        var alice = await server.ClientForAsync(NewUser());
        var bob = await server.ClientForAsync(NewUser());
        var secret = await AddAsync(alice, new() { [ToolArguments.Title] = "Secret plan" });
        await ToolReply.CallAsync(alice, ToolNames.DeleteTask, ById(secret));

        var stolen = await ToolReply.CallAsync(bob, ToolNames.RestoreTask, ById(secret));
        var bobsList = await ToolReply.CallAsync(bob, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.TaskIds] = new[] { secret } });

        Assert.True(stolen.IsError);
        Assert.Equal(ToolErrorCodes.NotFound, stolen.Code);
        Assert.Equal(0, bobsList.Data.GetProperty("count").GetInt32());
        Assert.Equal(0, (await ToolReply.CallAsync(alice, ToolNames.ListTasks)).Data.GetProperty("count").GetInt32()); // still deleted
        Assert.False((await ToolReply.CallAsync(alice, ToolNames.RestoreTask, ById(secret))).IsError);
    }

    [SkippableFact]
    public async Task A_deleted_task_is_not_found_by_the_other_tools()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var id = await AddAsync(client, new() { [ToolArguments.Title] = "Water the plants", [ToolArguments.Due] = "2030-01-01", [ToolArguments.Recurrence] = "FREQ=DAILY" });
        await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(id));

        var replies = new[]
        {
            await ToolReply.CallAsync(client, ToolNames.CompleteTask, ById(id)),
            await ToolReply.CallAsync(client, ToolNames.ReopenTask, ById(id)),
            await ToolReply.CallAsync(client, ToolNames.SkipTask, ById(id)),
            await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(id)),
            await ToolReply.CallAsync(client, ToolNames.UpdateTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id, [ToolArguments.Title] = "Changed" }),
        };

        Assert.All(replies, r => Assert.Equal(ToolErrorCodes.NotFound, r.Code));
        Assert.Equal(0, (await ToolReply.CallAsync(client, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.TaskIds] = new[] { id } })).Data.GetProperty("count").GetInt32());
        // Not rolled on to a next occurrence by the completion refused above.
        await using var db = server.Database.CreateDbContext();
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.UserId == user));
    }

    [SkippableFact]
    public async Task A_restore_sent_again_with_its_key_is_answered_with_its_first_result()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var id = await AddAsync(client, new() { [ToolArguments.Title] = "Gym" });
        await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(id));
        var key = "restore-" + Guid.NewGuid().ToString("N");

        var (first, _) = await IdempotentToolCallTests.CallWithKeyAsync(client, ToolNames.RestoreTask, key, ById(id));
        var (again, replayed) = await IdempotentToolCallTests.CallWithKeyAsync(client, ToolNames.RestoreTask, key, ById(id));

        Assert.False(first.IsError, first.Json.ToString());
        Assert.True(replayed);
        Assert.Equal(first.Json.ToString(), again.Json.ToString());
    }

    public static TheoryData<string, string> HostileArguments => new()
    {
        { """{}""", "task_id is required" },
        { """{"task_id":null}""", "task_id" },
        { """{"task_id":0}""", "positive whole number" },
        { """{"task_id":-1}""", "positive whole number" },
        { """{"task_id":"abc"}""", "task_id must be a whole number" },
        { """{"task_id":"1 OR 1=1"}""", "task_id must be a whole number" },
        { """{"task_id":1.5}""", "task_id must be a whole number" },
        { """{"task_id":99999999999999999999999}""", "task_id must be a whole number" },
        { """{"task_id":[1]}""", "task_id must be a whole number" },
        { """{"task_id":{"$gt":0}}""", "task_id must be a whole number" },
        { """{"task_id":true}""", "task_id must be a whole number" },
    };

    [SkippableTheory]
    [MemberData(nameof(HostileArguments))]
    public async Task Malformed_arguments_get_a_validation_result_and_restore_nothing(string argumentsJson, string expected)
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, new() { [ToolArguments.Title] = "Gym" });
        await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(id));
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

        var reply = await ToolReply.CallAsync(client, ToolNames.RestoreTask, arguments);

        Assert.True(reply.IsError);
        Assert.Equal(ToolErrorCodes.Validation, reply.Code);
        Assert.Contains(expected, reply.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task A_task_that_never_existed_is_not_found()
    {
        var client = await server.ClientForAsync(NewUser());

        var reply = await ToolReply.CallAsync(client, ToolNames.RestoreTask, ById(987654321));

        Assert.Equal(ToolErrorCodes.NotFound, reply.Code);
        Assert.Equal("Task 987654321 was not found.", reply.Error);
    }

    /// <summary>
    /// A restore brings a task back into the count, so at TASKS_PER_USER_MAX live tasks it is refused as an add is, with
    /// the same code and words; the task stays deleted, and comes back once there is room.
    /// </summary>
    [SkippableFact]
    public async Task At_the_task_limit_a_restore_is_refused_with_its_own_code_until_there_is_room()
    {
        await using var limited = await server.StartAsync(system => system.WithMcp(new Dictionary<string, string> { [TaskLimits.VariableName] = "2" }));
        var user = NewUser();
        await using var client = await TestMcpClients.ConnectAsync(limited.Mcp.BaseAddress, server.Jwks.CreateToken(user));
        var milk = await AddAsync(client, new() { [ToolArguments.Title] = "Buy milk" });
        await AddAsync(client, new() { [ToolArguments.Title] = "Pay rent" });
        Assert.False((await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(milk))).IsError);
        var bread = await AddAsync(client, new() { [ToolArguments.Title] = "Buy bread" });

        var refused = await ToolReply.CallAsync(client, ToolNames.RestoreTask, ById(milk));

        Assert.True(refused.IsError);
        Assert.Equal(ToolErrorCodes.TaskLimitReached, refused.Code);
        Assert.Contains("2 tasks", refused.Error, StringComparison.Ordinal);
        Assert.Equal(["Buy bread", "Pay rent"], await TitlesAsync(client));
        await using (var db = server.Database.CreateDbContext())
        {
            Assert.NotNull(await db.Tasks.Where(t => t.UserId == user && t.Number == milk).Select(t => t.DeletedAt).SingleAsync());
        }

        Assert.False((await ToolReply.CallAsync(client, ToolNames.DeleteTask, ById(bread))).IsError);
        var restored = await ToolReply.CallAsync(client, ToolNames.RestoreTask, ById(milk));
        Assert.False(restored.IsError, restored.Json.ToString());
        Assert.Equal(["Buy milk", "Pay rent"], await TitlesAsync(client));
    }

    private static async Task<List<string?>> TitlesAsync(ModelContextProtocol.Client.McpClient client) =>
        [.. (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()).Order()];

    private static async Task<long> AddAsync(ModelContextProtocol.Client.McpClient client, Dictionary<string, object?> arguments)
    {
        var reply = await ToolReply.CallAsync(client, ToolNames.AddTask, arguments);
        Assert.False(reply.IsError, reply.Json.ToString());
        return reply.Data.GetProperty("task_id").GetInt64();
    }

    private static async Task<JsonElement> ViewAsync(ModelContextProtocol.Client.McpClient client, long id) =>
        Assert.Single((await ToolReply.CallAsync(client, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.TaskIds] = new[] { id } }))
            .Data.GetProperty("tasks").EnumerateArray());
}

public sealed class SqliteRestoreToolTests(SqliteMcpServer server) : RestoreToolTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresRestoreToolTests(PostgresMcpServer server) : RestoreToolTests(server), IClassFixture<PostgresMcpServer>;
