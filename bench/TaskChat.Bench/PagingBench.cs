using ModelContextProtocol.Client;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.Data.Model;
using TaskChat.TestSupport;

namespace TaskChat.Bench;

/// <summary>
/// list_tasks, one page, for a user with 10,000 tasks against a user with 20: with keyset paging the
/// page should cost about the same whatever the user's task count (the issue-8 promise: one call
/// never returns megabytes to the model).
/// </summary>
internal static class PagingBench
{
    private const int ManyTasks = 10_000;
    private const int FewTasks = 20;

    public static async Task RunAsync(DatabaseProvider provider, Action<string, string, Measurement, Measurement> print)
    {
        await using var jwks = await TestJwks.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, "bench-many", ManyTasks);
        await SeedAsync(database, "bench-few", FewTasks);
        await using var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithMcp().StartAsync();
        await using var many = await TestMcpClients.ConnectAsync(system.Mcp.BaseAddress, jwks.CreateToken("bench-many"));
        await using var few = await TestMcpClients.ConnectAsync(system.Mcp.BaseAddress, jwks.CreateToken("bench-few"));
        var name = provider.ToString().ToLowerInvariant();

        for (var i = 0; i < 30; i++)
        {
            await many.ListToolsAsync();
            await List(many, []);
            await List(few, []);
        }
        var baseline = await Measure.SequentialAsync(200, _ => few.ListToolsAsync().AsTask());
        print(name, "tools/list (no database)", baseline, baseline);
        print(name, $"list_tasks page of 50, user with {FewTasks}", await Measure.SequentialAsync(200, _ => List(few, [])), baseline);
        print(name, $"list_tasks page of 50, user with {ManyTasks:N0}", await Measure.SequentialAsync(200, _ => List(many, [])), baseline);
        print(name, $"list_tasks page 26 of 50 (cursor), {ManyTasks:N0}", await Measure.SequentialAsync(200, _ => List(many, [(ToolArguments.Cursor, CursorAt(5000))])), baseline);
        print(name, $"list_tasks sort=due, {ManyTasks:N0}", await Measure.SequentialAsync(200, _ => List(many, [(ToolArguments.Sort, TaskSorts.Due)])), baseline);
        print(name, $"list_tasks search=\"report\", {ManyTasks:N0}", await Measure.SequentialAsync(100, _ => List(many, [(ToolArguments.Search, "report")])), baseline);
        print(name, $"list_tasks page of 200, {ManyTasks:N0}", await Measure.SequentialAsync(100, _ => List(many, [(ToolArguments.Limit, 200)])), baseline);
        print(name, $"list_tasks page of 50, {ManyTasks:N0}, 16 in flight", await Measure.ConcurrentAsync(800, 16, _ => List(many, [])), baseline);
    }

    private static Task<ModelContextProtocol.Protocol.CallToolResult> List(McpClient client, (string Name, object? Value)[] arguments) =>
        client.CallToolAsync(ToolNames.ListTasks, arguments.ToDictionary(a => a.Name, a => a.Value)).AsTask();

    private static string CursorAt(long number) => new Data.Tasks.TaskCursor(TaskSorts.Created, number).Encode();

    private static async Task SeedAsync(TestDatabase database, string user, int count)
    {
        await using var db = database.CreateDbContext();
        var now = DateTime.UtcNow;
        for (var n = 1; n <= count; n++)
        {
            db.Tasks.Add(new TaskItem
            {
                UserId = user, Number = n, Title = n % 10 == 0 ? $"Quarterly report {n}" : $"Task number {n}", Description = "Some details about the task",
                DueAt = n % 3 == 0 ? now.AddHours(n) : null, Priority = (TaskPriority)(n % 4), Completed = n % 5 == 0,
                Tags = n % 2 == 0 ? [new TaskTag { Name = "work" }] : [], CreatedAt = now, UpdatedAt = now,
            });
            if (n % 1000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        db.UserTaskCounters.Add(new UserTaskCounter { UserId = user, LastNumber = count, Version = 1, ChangedAt = now });
        await db.SaveChangesAsync();
    }
}
