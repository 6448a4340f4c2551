using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>Each tool's success path and the exact shape of its result, on each database.</summary>
public abstract class TaskToolTests(McpServerFixture server)
{
    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..10];

    [SkippableFact]
    public async Task AddTaskReturnsTheNewTaskIdTitleAndCreatedStatus()
    {
        var client = await server.ClientForAsync(NewUser());

        var reply = await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "  Buy   milk ", [ToolArguments.Description] = "2 litres" });

        Assert.False(reply.IsError);
        Assert.Equal(ToolEnvelope.SuccessStatus, reply.Status);
        Assert.Equal(["task_id", "title", "status"], reply.Data.EnumerateObject().Select(p => p.Name));
        Assert.True(reply.Data.GetProperty("task_id").GetInt64() > 0);
        Assert.Equal("Buy milk", reply.Data.GetProperty("title").GetString());
        Assert.Equal(TaskChangeStatus.Created, reply.Data.GetProperty("status").GetString());
        Assert.Equal(["status", "data"], reply.Json.EnumerateObject().Select(p => p.Name));
    }

    [SkippableFact]
    public async Task ListTasksReturnsEveryFieldOfEachTaskAndTheCount()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = (await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Pay rent", [ToolArguments.Description] = "Before Friday" }))
            .Data.GetProperty("task_id").GetInt64();

        var reply = await ToolReply.CallAsync(client, ToolNames.ListTasks);

        Assert.False(reply.IsError);
        Assert.Equal(1, reply.Data.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty("next_cursor").ValueKind);
        var task = Assert.Single(reply.Data.GetProperty("tasks").EnumerateArray());
        Assert.Equal(["id", "title", "description", "completed", "created_at", "updated_at", "completed_at", "due", "overdue", "priority", "tags",
            "recurrence", "repeat_from", "reminders"], task.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, task.GetProperty("id").GetInt64());
        Assert.Equal("Pay rent", task.GetProperty("title").GetString());
        Assert.Equal("Before Friday", task.GetProperty("description").GetString());
        Assert.False(task.GetProperty("completed").GetBoolean());
        var created = task.GetProperty("created_at").GetDateTimeOffset();
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.EndsWith("Z", task.GetProperty("updated_at").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListTasksFiltersByStatus()
    {
        var client = await server.ClientForAsync(NewUser());
        var done = await AddAsync(client, "Done one");
        await AddAsync(client, "Open one");
        await ToolReply.CallAsync(client, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = done });

        var pending = await ToolReply.CallAsync(client, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Status] = ListStatus.Pending });
        var completed = await ToolReply.CallAsync(client, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Status] = ListStatus.Completed });
        var all = await ToolReply.CallAsync(client, ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Status] = ListStatus.All });

        Assert.Equal(["Open one"], Titles(pending));
        Assert.Equal(["Done one"], Titles(completed));
        Assert.Equal(["Done one", "Open one"], Titles(all));
        Assert.Equal(2, all.Data.GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task CompleteTaskMarksItDoneAndSaysCompleted()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, "Call mom");

        var reply = await ToolReply.CallAsync(client, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id });

        Assert.False(reply.IsError);
        Assert.Equal(JsonSerializer.Serialize(new { task_id = id, title = "Call mom", status = "completed" }), JsonSerializer.Serialize(reply.Data));
        var task = Assert.Single((await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray());
        Assert.True(task.GetProperty("completed").GetBoolean());
        Assert.True(task.GetProperty("updated_at").GetDateTimeOffset() >= task.GetProperty("created_at").GetDateTimeOffset());
    }

    [SkippableFact]
    public async Task CompletingTwiceIsHarmless()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, "Water plants");
        await ToolReply.CallAsync(client, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id });

        var again = await ToolReply.CallAsync(client, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id });

        Assert.False(again.IsError);
        Assert.Equal(TaskChangeStatus.Completed, again.Data.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task DeleteTaskRemovesItAndReturnsItsTitle()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, "Old chore");

        var reply = await ToolReply.CallAsync(client, ToolNames.DeleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id });

        Assert.False(reply.IsError);
        Assert.Equal(JsonSerializer.Serialize(new { task_id = id, title = "Old chore", status = "deleted" }), JsonSerializer.Serialize(reply.Data));
        Assert.Equal(0, (await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("count").GetInt32());
        var twice = await ToolReply.CallAsync(client, ToolNames.DeleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id });
        Assert.True(twice.IsError);
        Assert.Equal(ToolErrorCodes.NotFound, twice.Code);
    }

    [SkippableFact]
    public async Task UpdateTaskRenamesAndChangesTheDescription()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, "Call Bob");

        var renamed = await ToolReply.CallAsync(client, ToolNames.UpdateTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id, [ToolArguments.Title] = "Call Bob about the offer" });
        var described = await ToolReply.CallAsync(client, ToolNames.UpdateTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id, [ToolArguments.Description] = "He asked for Tuesday" });

        Assert.Equal(JsonSerializer.Serialize(new { task_id = id, title = "Call Bob about the offer", status = "updated" }), JsonSerializer.Serialize(renamed.Data));
        Assert.False(described.IsError);
        var task = Assert.Single((await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray());
        Assert.Equal("Call Bob about the offer", task.GetProperty("title").GetString());
        Assert.Equal("He asked for Tuesday", task.GetProperty("description").GetString());
    }

    [SkippableFact]
    public async Task UpdateWithAnEmptyDescriptionClearsIt()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = (await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Plan trip", [ToolArguments.Description] = "Somewhere warm" }))
            .Data.GetProperty("task_id").GetInt64();

        await ToolReply.CallAsync(client, ToolNames.UpdateTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id, [ToolArguments.Description] = "" });

        var task = Assert.Single((await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("description").ValueKind);
        Assert.Equal("Plan trip", task.GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task TaskIdsSentAsNumericStringsAreAccepted()
    {
        var client = await server.ClientForAsync(NewUser());
        var id = await AddAsync(client, "Lenient");

        var reply = await ToolReply.CallAsync(client, ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.False(reply.IsError);
        Assert.Equal(id, reply.Data.GetProperty("task_id").GetInt64());
    }

    [SkippableFact]
    public async Task UnicodeTitlesRoundTrip()
    {
        var client = await server.ClientForAsync(NewUser());
        const string title = "Acheter du pain 🥖 – 買い物";
        await AddAsync(client, title);

        var task = Assert.Single((await ToolReply.CallAsync(client, ToolNames.ListTasks)).Data.GetProperty("tasks").EnumerateArray());

        Assert.Equal(title, task.GetProperty("title").GetString());
    }

    internal static async Task<long> AddAsync(ModelContextProtocol.Client.McpClient client, string title)
    {
        var reply = await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = title });
        Assert.False(reply.IsError, reply.Json.ToString());
        return reply.Data.GetProperty("task_id").GetInt64();
    }

    private static string[] Titles(ToolReply list) =>
        [.. list.Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()!)];
}

public sealed class SqliteTaskToolTests(SqliteMcpServer server) : TaskToolTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresTaskToolTests(PostgresMcpServer server) : TaskToolTests(server), IClassFixture<PostgresMcpServer>;
