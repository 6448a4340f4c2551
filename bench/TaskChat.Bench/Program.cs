using System.Runtime.InteropServices;
using ModelContextProtocol.Client;
using TaskChat.Bench;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

// dotnet run -c Release --project bench/TaskChat.Bench [-- --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"]
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault()
    ?? Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable);
if (!string.IsNullOrWhiteSpace(postgres))
{
    Environment.SetEnvironmentVariable(PostgresTestDatabase.ServerVariable, postgres);
}

if (args.Contains("--all") || args.Contains("--quick"))
{
    // bench/run: every row of issue 13 (start-up, memory, the mcp against the TypeScript reference, chat turns).
    return await TaskChat.Bench.Suite.BenchSuite.RunAsync(args);
}

if (args.Contains("auth-flood"))
{
    // dotnet run -c Release --project bench/TaskChat.Bench -- auth-flood [--postgres "..."] [NAME=VALUE...: the web's variables]
    var provider = PostgresTestDatabase.Server() is not null ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
    var variables = args.Where(a => a.Contains('=', StringComparison.Ordinal) && !a.StartsWith("Host=", StringComparison.Ordinal))
        .Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);
    Console.WriteLine($"# sign-in flood, {DateTime.UtcNow:yyyy-MM-dd}, {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, loopback");
    await AuthFloodBench.RunAsync(provider, variables);
    return 0;
}

Console.WriteLine($"# in-process mcp benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, client and server on one machine over loopback");
Console.WriteLine();
Console.WriteLine("| database | call | calls | in flight | mean ms | p50 ms | p95 ms | calls/s | × baseline |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");

// --paging: only list_tasks pages for a user with 10,000 tasks against one with 20.
var pagingOnly = args.Contains("--paging");
if (!pagingOnly)
{
    await RunAsync(DatabaseProvider.Sqlite);
}
await PagingBench.RunAsync(DatabaseProvider.Sqlite, Print);
if (PostgresTestDatabase.Server() is not null)
{
    if (!pagingOnly)
    {
        await RunAsync(DatabaseProvider.Postgres);
    }
    await PagingBench.RunAsync(DatabaseProvider.Postgres, Print);
}
else
{
    Console.WriteLine($"\n(PostgreSQL skipped: pass --postgres or set {PostgresTestDatabase.ServerVariable}.)");
}

return 0;

static async Task RunAsync(DatabaseProvider provider)
{
    await using var jwks = await TestJwks.StartAsync();
    await using var database = await TestDatabase.CreateAsync(provider);
    await using var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithMcp().StartAsync();
    var server = system.Mcp;
    var users = Enumerable.Range(0, 4).Select(i => "bench-user-" + i).ToArray();
    var clients = new List<McpClient>();
    foreach (var user in users)
    {
        clients.Add(await TestMcpClients.ConnectAsync(server.BaseAddress, jwks.CreateToken(user)));
    }
    var name = provider.ToString().ToLowerInvariant();
    var first = clients[0];

    // Warm-up: JIT, connection pools, the JWKS fetch.
    for (var i = 0; i < 50; i++)
    {
        await first.ListToolsAsync();
        await first.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "warm-up " + i });
    }

    var baseline = await Measure.SequentialAsync(300, _ => first.ListToolsAsync().AsTask());
    Print(name, "tools/list (no database)", baseline, baseline);
    Print(name, "add_task", await Measure.SequentialAsync(300, i =>
        first.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Sequential task " + i }).AsTask()), baseline);
    Print(name, "list_tasks (a page of 50)", await Measure.SequentialAsync(100, _ =>
        first.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Status] = ListStatus.All }).AsTask()), baseline);
    Print(name, "complete_task", await Measure.SequentialAsync(200, i =>
        first.CallToolAsync(ToolNames.CompleteTask, new Dictionary<string, object?> { [ToolArguments.TaskId] = i + 60 }).AsTask()), baseline);
    Print(name, "add_task, 4 users", await Measure.ConcurrentAsync(2000, 16, i =>
        clients[i % clients.Count].CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Concurrent task " + i }).AsTask()), baseline);
    Print(name, "list_tasks pending, 4 users", await Measure.ConcurrentAsync(1000, 16, i =>
        clients[i % clients.Count].CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Status] = ListStatus.Pending }).AsTask()), baseline);

    foreach (var client in clients)
    {
        await client.DisposeAsync();
    }
}

static void Print(string database, string call, Measurement m, Measurement baseline) =>
    Console.WriteLine($"| {database} | {call} | {m.Calls} | {m.InFlight} | {m.MeanMs:F2} | {m.P50Ms:F2} | {m.P95Ms:F2} | {m.CallsPerSecond:F0} | {m.MeanMs / baseline.MeanMs:F1} |");
