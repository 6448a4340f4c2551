using System.Text.Json;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>What a model sees in tools/list: the contract's names, arguments and descriptions.</summary>
public sealed class ToolCatalogTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Fact]
    public async Task TheServerListsExactlyTheFiveTaskToolsWithTheContractsArguments()
    {
        var client = await server.ClientForAsync("catalog-user");

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Equal(["add_task", "complete_task", "delete_task", "list_tasks", "update_task"], tools.Keys.Order());
        Assert.Equal(["title", "description"], Properties(tools["add_task"].InputSchema));
        Assert.Equal(["title"], Required(tools["add_task"].InputSchema));
        Assert.Equal(["status"], Properties(tools["list_tasks"].InputSchema));
        Assert.Empty(Required(tools["list_tasks"].InputSchema));
        Assert.Equal(["task_id"], Properties(tools["complete_task"].InputSchema));
        Assert.Equal(["task_id"], Required(tools["complete_task"].InputSchema));
        Assert.Equal(["task_id"], Properties(tools["delete_task"].InputSchema));
        Assert.Equal(["task_id", "title", "description"], Properties(tools["update_task"].InputSchema));
        Assert.Equal(["task_id"], Required(tools["update_task"].InputSchema));
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
        Assert.True(tools["list_tasks"].Annotations?.ReadOnlyHint);
        Assert.True(tools["delete_task"].Annotations?.DestructiveHint);
        Assert.False(tools["add_task"].Annotations?.IdempotentHint);
    }

    [Fact]
    public async Task ListTasksOffersItsStatusValues()
    {
        var client = await server.ClientForAsync("catalog-user");

        var listTasks = (await client.ListToolsAsync()).Single(t => t.Name == "list_tasks").ProtocolTool;
        var status = listTasks.InputSchema.GetProperty("properties").GetProperty("status");

        Assert.Equal(["all", "pending", "completed"], status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    private static string[] Properties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];

    private static string[] Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];
}
