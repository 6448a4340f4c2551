using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>What a model sees in tools/list: the contract's names, arguments and descriptions.</summary>
public sealed class ToolCatalogTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Fact]
    public async Task TheServerListsExactlyTheContractsTaskToolsWithTheirArguments()
    {
        var client = await server.ClientForAsync("catalog-user");

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Equal(ToolNames.All.Order(), tools.Keys.Order());
        string[] planning = [ToolArguments.Due, ToolArguments.Priority, ToolArguments.Tags, ToolArguments.Recurrence, ToolArguments.RepeatFrom, ToolArguments.Reminders];
        Assert.Equal([ToolArguments.Title, ToolArguments.Description, .. planning], Properties(tools[ToolNames.AddTask].InputSchema));
        Assert.Equal([ToolArguments.Title], Required(tools[ToolNames.AddTask].InputSchema));
        Assert.Equal([ToolArguments.Status, ToolArguments.DueBefore, ToolArguments.DueAfter, ToolArguments.Overdue, ToolArguments.Priority,
            ToolArguments.Tag, ToolArguments.Search, ToolArguments.TaskIds, ToolArguments.Sort, ToolArguments.Limit, ToolArguments.Cursor], Properties(tools[ToolNames.ListTasks].InputSchema));
        Assert.Empty(Required(tools[ToolNames.ListTasks].InputSchema));
        foreach (var byId in new[] { ToolNames.CompleteTask, ToolNames.ReopenTask, ToolNames.DeleteTask, ToolNames.RestoreTask })
        {
            Assert.Equal([ToolArguments.TaskId], Properties(tools[byId].InputSchema));
            Assert.Equal([ToolArguments.TaskId], Required(tools[byId].InputSchema));
        }
        Assert.Equal([ToolArguments.TaskId, ToolArguments.Title, ToolArguments.Description, .. planning], Properties(tools[ToolNames.UpdateTask].InputSchema));
        Assert.Equal([ToolArguments.TaskId], Required(tools[ToolNames.UpdateTask].InputSchema));
    }

    [Fact]
    public async Task DescriptionsQuoteTheLimitsTheRulesApplyAndGiveExamples()
    {
        var client = await server.ClientForAsync("catalog-user");

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        string Describe(string tool, string argument) =>
            tools[tool].InputSchema.GetProperty("properties").GetProperty(argument).GetProperty("description").GetString()!;
        Assert.Contains($"1 to {Data.FieldLimits.TaskTitle} characters", Describe(ToolNames.AddTask, ToolArguments.Title), StringComparison.Ordinal);
        Assert.Contains($"up to {Data.FieldLimits.TaskDescription} characters", Describe(ToolNames.AddTask, ToolArguments.Description), StringComparison.Ordinal);
        Assert.Contains("2026-12-05T17:00:00+01:00", Describe(ToolNames.AddTask, ToolArguments.Due), StringComparison.Ordinal);
        Assert.Contains($"at most {Data.FieldLimits.TagsPerTask}", Describe(ToolNames.AddTask, ToolArguments.Tags), StringComparison.Ordinal);
        Assert.Contains("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Describe(ToolNames.UpdateTask, ToolArguments.Recurrence), StringComparison.Ordinal);
        Assert.Contains("PT1H", Describe(ToolNames.UpdateTask, ToolArguments.Reminders), StringComparison.Ordinal);
        Assert.Contains($"1 to {Data.FieldLimits.TaskPageMax}, default {Data.FieldLimits.TaskPageDefault}", Describe(ToolNames.ListTasks, ToolArguments.Limit), StringComparison.Ordinal);
        Assert.Contains($"at most {Data.FieldLimits.TaskIdsMax}", Describe(ToolNames.ListTasks, ToolArguments.TaskIds), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryToolAndEveryArgumentHasADescriptionAModelCanChooseBy()
    {
        var client = await server.ClientForAsync("catalog-user");

        foreach (var tool in (await client.ListToolsAsync()).Select(t => t.ProtocolTool))
        {
            Assert.True(tool.Description?.Length >= 40, $"{tool.Name} needs a real description");
            foreach (var property in tool.InputSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out var description) && description.GetString()!.Length >= 20,
                    $"{tool.Name}.{property.Name} needs a description");
            }
        }
    }

    [Fact]
    public async Task ToolsDeclareTheirOutputSchemaAndBehaviourHints()
    {
        var client = await server.ClientForAsync("catalog-user");

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        foreach (var tool in tools.Values)
        {
            Assert.NotNull(tool.OutputSchema);
            Assert.Contains("status", Properties(tool.OutputSchema!.Value));
        }
        Assert.True(tools[ToolNames.ListTasks].Annotations?.ReadOnlyHint);
        Assert.True(tools[ToolNames.DeleteTask].Annotations?.DestructiveHint);
        Assert.False(tools[ToolNames.RestoreTask].Annotations?.DestructiveHint);
        Assert.True(tools[ToolNames.RestoreTask].Annotations?.IdempotentHint);
        Assert.False(tools[ToolNames.AddTask].Annotations?.IdempotentHint);
    }

    [Fact]
    public async Task OnlyListTasksSaysItChangesNothingSoOnlyItIsSafeToCallAgain()
    {
        var client = await server.ClientForAsync("catalog-user");

        var tools = (await client.ListToolsAsync()).Select(t => t.ProtocolTool).ToList();

        // The api retries a call after a transport failure only when the tool says it is read-only
        // (no readOnlyHint means false, as the MCP specification defines it).
        Assert.Equal(ToolNames.All.Count, tools.Count);
        Assert.Equal([ToolNames.ListTasks], tools.Where(t => t.Annotations?.ReadOnlyHint == true).Select(t => t.Name));
    }

    [Fact]
    public async Task ListTasksOffersItsStatusValues()
    {
        var client = await server.ClientForAsync("catalog-user");

        var listTasks = (await client.ListToolsAsync()).Single(t => t.Name == ToolNames.ListTasks).ProtocolTool;
        var status = listTasks.InputSchema.GetProperty("properties").GetProperty(ToolArguments.Status);

        Assert.Equal([ListStatus.All, ListStatus.Pending, ListStatus.Completed], status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ListTasksTakesTaskIdsAsAListOfWholeNumbers()
    {
        var client = await server.ClientForAsync("catalog-user");

        var listTasks = (await client.ListToolsAsync()).Single(t => t.Name == ToolNames.ListTasks).ProtocolTool;
        var taskIds = listTasks.InputSchema.GetProperty("properties").GetProperty(ToolArguments.TaskIds);

        Assert.Contains("array", Types(taskIds));
        Assert.Equal(["integer"], Types(taskIds.GetProperty("items")));
    }

    /// <summary>A schema's "type": one name, or a list of them (e.g. ["array", "null"] for an optional list).</summary>
    private static string[] Types(JsonElement schema) => schema.GetProperty("type") is { ValueKind: JsonValueKind.Array } types
        ? [.. types.EnumerateArray().Select(t => t.GetString()!)]
        : [schema.GetProperty("type").GetString()!];

    private static string[] Properties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];

    private static string[] Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];
}
