using System.Text.Json;

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
        { "add_task", """{"title":""}""", "title cannot be empty" },
        { "add_task", """{"title":"   \t\n  "}""", "title cannot be empty" },
        { "add_task", $$"""{"title":"{{new string('a', 201)}}"}""", "at most 200 characters" },
        { "add_task", $$"""{"title":"ok","description":"{{new string('d', 1001)}}"}""", "at most 1000 characters" },
        { "add_task", """{}""", "title is required" },
        { "add_task", """{"title":null}""", "title is required" },
        { "add_task", """{"title":42}""", "title must be text" },
        { "add_task", """{"title":["a","b"]}""", "title must be text" },
        { "add_task", """{"title":{"x":1}}""", "title must be text" },
        { "add_task", """{"title":"ok","description":true}""", "description must be text" },
        { "add_task", """{"title":"nul\u0000byte"}""", "not allowed" },
        { "add_task", """{"title":"ok","description":"bell\u0007"}""", "not allowed" },
        { "complete_task", """{}""", "task_id is required" },
        { "complete_task", """{"task_id":"abc"}""", "task_id must be a whole number" },
        { "complete_task", """{"task_id":1.5}""", "task_id must be a whole number" },
        { "complete_task", """{"task_id":true}""", "task_id must be a whole number" },
        { "complete_task", """{"task_id":99999999999999999999999}""", "task_id must be a whole number" },
        { "complete_task", """{"task_id":-3}""", "positive whole number" },
        { "complete_task", """{"task_id":0}""", "positive whole number" },
        { "delete_task", """{"task_id":-1}""", "positive whole number" },
        { "delete_task", """{"task_id":[1]}""", "task_id must be a whole number" },
        { "update_task", """{"task_id":1}""", "Nothing to change" },
        { "update_task", """{"title":"x"}""", "task_id is required" },
        { "update_task", """{"task_id":1,"title":""}""", "title cannot be empty" },
        { "update_task", $$"""{"task_id":1,"title":"{{new string('t', 201)}}"}""", "at most 200 characters" },
        { "list_tasks", """{"status":"done"}""", "status must be one of: all, pending, completed" },
        { "list_tasks", """{"status":7}""", "status must be text" },
        { "list_tasks", """{"status":"'; DROP TABLE tasks; --"}""", "status must be one of" },
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
        Assert.Equal("error", reply.Status);
        Assert.Equal("validation", reply.Code);
        Assert.Contains(expected, reply.Error, StringComparison.Ordinal);
        Assert.Equal(["status", "error", "code"], reply.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, (await ToolReply.CallAsync(client, "list_tasks")).Data.GetProperty("count").GetInt32());
    }

    [SkippableTheory]
    [InlineData("complete_task")]
    [InlineData("delete_task")]
    public async Task AnUnknownTaskIdIsNotFound(string tool)
    {
        var client = await server.ClientForAsync("unknown-id-user");

        var reply = await ToolReply.CallAsync(client, tool, new Dictionary<string, object?> { ["task_id"] = 987654321 });

        Assert.True(reply.IsError);
        Assert.Equal("not_found", reply.Code);
        Assert.Equal("Task 987654321 was not found.", reply.Error);
    }

    [SkippableFact]
    public async Task UpdatingAnUnknownTaskIsNotFound()
    {
        var client = await server.ClientForAsync("unknown-id-user");

        var reply = await ToolReply.CallAsync(client, "update_task", new Dictionary<string, object?> { ["task_id"] = 987654321, ["title"] = "New" });

        Assert.True(reply.IsError);
        Assert.Equal("not_found", reply.Code);
    }

    [SkippableFact]
    public async Task AOneMegabyteArgumentIsRefusedWithAReadableMessage()
    {
        var client = await server.ClientForAsync("big-input-user");

        var reply = await ToolReply.CallAsync(client, "add_task", new Dictionary<string, object?> { ["title"] = new string('x', 1024 * 1024) });

        Assert.True(reply.IsError);
        Assert.Equal("validation", reply.Code);
        Assert.Contains("at most 200 characters", reply.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TwoHundredCharactersIsTheLongestTitleAndCountsCharactersNotBytes()
    {
        var client = await server.ClientForAsync("limits-user-" + Guid.NewGuid().ToString("N")[..6]);

        var ascii = await ToolReply.CallAsync(client, "add_task", new Dictionary<string, object?> { ["title"] = new string('a', 200), ["description"] = new string('d', 1000) });
        var emoji = await ToolReply.CallAsync(client, "add_task", new Dictionary<string, object?> { ["title"] = string.Concat(Enumerable.Repeat("🥛", 200)) });

        Assert.False(ascii.IsError);
        Assert.False(emoji.IsError);
        Assert.Equal(2, (await ToolReply.CallAsync(client, "list_tasks")).Data.GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task HostileTextIsStoredAsPlainText()
    {
        var client = await server.ClientForAsync("hostile-user-" + Guid.NewGuid().ToString("N")[..6]);
        const string title = "Robert'); DROP TABLE tasks;-- <script>alert(1)</script>";

        await ToolReply.CallAsync(client, "add_task", new Dictionary<string, object?> { ["title"] = title, ["description"] = "{{user_id}} ${sub} %s %n" });

        var task = Assert.Single((await ToolReply.CallAsync(client, "list_tasks")).Data.GetProperty("tasks").EnumerateArray());
        Assert.Equal(title, task.GetProperty("title").GetString());
        Assert.Equal("{{user_id}} ${sub} %s %n", task.GetProperty("description").GetString());
    }

    [SkippableFact]
    public async Task AUserIdArgumentCannotChooseTheUser()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N")[..6];
        var intruder = await server.ClientForAsync("intruder-" + Guid.NewGuid().ToString("N")[..6]);

        var reply = await ToolReply.CallAsync(intruder, "add_task", new Dictionary<string, object?> { ["title"] = "Sneaky", ["user_id"] = owner });

        Assert.False(reply.IsError);
        var ownerClient = await server.ClientForAsync(owner);
        Assert.Equal(0, (await ToolReply.CallAsync(ownerClient, "list_tasks")).Data.GetProperty("count").GetInt32());
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
