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
