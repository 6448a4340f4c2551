using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Bench.Suite;

/// <summary>
/// Our mcp against the TypeScript reference: both as their own processes (ours the Release build with its
/// own logging, the reference under node), each on a fresh database of the same PostgreSQL, both validating
/// the same ES256 tokens from one issuer (jwks.mjs, whose JWKS both fetch),
/// both driven by the same load generator (load.mjs: the official TypeScript client). list_tasks lists a
/// user with 20 tasks on either side; add_task adds for another user. Rounds alternate which side goes first.
/// </summary>
internal static class McpSpeed
{
    private const string Section = "mcp vs the TypeScript reference (same PostgreSQL, same tokens, same load.mjs)";
    private const int SeededTasks = 20;

    private sealed record Side(string Name, Uri McpUrl, int Pid);

    /// <summary>
    /// Subject: the user the calls act as; add_task takes a new one each run, so that every run adds to an empty list (and none
    /// reaches the per-user task limit). Meta: the calls' <c>_meta</c> (load.mjs's --meta), null for none. Keyed: compared
    /// against the reference without a target (it ignores keys: no like for like).
    /// </summary>
    private sealed record Workload(string Tool, string Arguments, int InFlight, string Subject, string Label, string? Meta = null)
    {
        public bool Keyed => Meta is not null;
    }

    /// <summary>A new idempotency key per call, as the api sends with every write.</summary>
    private const string IdempotencyKeyMeta = """{"idempotency_key":"{{uuid}}"}""";

    public static async Task RunAsync(BenchOptions options, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var issuer = await NodeIssuer.StartAsync(cancellationToken);
        await using var oursDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var peerDatabase = await PostgresTestDatabase.CreateAsync();
        await using var system = await new SystemBuilder(oursDatabase.Url)
            .WithMcp(new Dictionary<string, string>(issuer.Variables.Concat(options.ServiceVariables))).AsProcesses(Footprint.SpeedForms(options)).StartAsync();
        // The same pool size as ours (DB_POOL_MAX's default for the mcp), so neither side waits on fewer connections.
        await using var peer = await NodeTools.StartPeerAsync(peerDatabase, issuer, poolSize: 15, cancellationToken);

        var lister = await issuer.TokenAsync("bench-lister", cancellationToken);
        Side ours = new("ours", new Uri(system.Mcp.BaseAddress, "mcp"), system.Mcp.Process.Id);
        Side reference = new("reference", peer.McpUrl, peer.Pid);
        await SeedAsync(system.Mcp.BaseAddress, lister, cancellationToken);
        await SeedAsync(peer.BaseAddress, lister, cancellationToken);

        Workload[] workloads =
        [
            .. options.McpInFlight.Select(c => new Workload(ToolNames.ListTasks, """{"status":"all"}""", c, "bench-lister", $"list_tasks ({SeededTasks} tasks), {c} in flight")),
            .. options.McpInFlight.Select(c => new Workload(ToolNames.AddTask, """{"title":"load {{n}}"}""", c, "bench-adder", $"add_task, {c} in flight")),
            // What the api's writes cost: every one carries a key, which the bench's other rows do not send.
            new Workload(ToolNames.AddTask, """{"title":"load {{n}}"}""", options.McpInFlight[0], "bench-keyed-adder",
                $"add_task with an idempotency key per call, as the api sends it (ours applies it once; the reference ignores it), {options.McpInFlight[0]} in flight", IdempotencyKeyMeta),
        ];
        var measured = workloads.ToDictionary(w => w, w => (
            CallsPerSecond: new Row(Section, w.Label + ": calls/s", "higher is better", w.Keyed ? null : Target.Min(2, "≥ 2×")),
            P99: new Row(Section, w.Label + ": p99", "ms", w.Keyed ? null : Target.Max(0.5, "≤ 0.5×")),
            P50: new Row(Section, w.Label + ": p50", "ms", null),
            Cpu: new Row(Section, w.Label + ": server CPU per call", "ms", null),
            Client: new Row(Section, w.Label + ": load.mjs's own CPU per call (the client both sides share)", "ms", null),
            Ceiling: new Row(Section, w.Label + ": the most calls/s any server could get here, against the reference's (from the reference's run: load.mjs is one process, so 1 s ÷ its CPU per call at most, and the cores ÷ the CPU per call of all but the server; under 2×, the 2× target cannot be shown on this machine)", "per s", null)));

        // Warm-up, not measured: JIT, the pools, the JWKS fetch, PostgreSQL's caches.
        foreach (var side in new[] { ours, reference })
        {
            foreach (var workload in workloads.DistinctBy(w => (w.Tool, w.Keyed)))
            {
                await NodeTools.LoadAsync(side.McpUrl, workload.Tool, workload.Arguments, workload.Meta, 8, options.WarmUpSeconds,
                    await issuer.TokenAsync(workload.Subject + "-warm-up", cancellationToken), side.Pid, cancellationToken);
            }
        }

        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var workload in workloads)
            {
                var order = round % 2 == 0 ? new[] { ours, reference } : [reference, ours];
                foreach (var side in order)
                {
                    // A token per run (they live 15 minutes); list_tasks always lists the seeded user.
                    var subject = workload.Tool == ToolNames.ListTasks ? workload.Subject : $"{workload.Subject}-{round}-{workload.InFlight}";
                    var token = await issuer.TokenAsync(subject, cancellationToken);
                    var result = await NodeTools.LoadAsync(side.McpUrl, workload.Tool, workload.Arguments, workload.Meta, workload.InFlight, options.McpSeconds, token, side.Pid, cancellationToken);
                    var row = measured[workload];
                    var isOurs = side == ours;
                    Add(row.CallsPerSecond, isOurs, result.CallsPerSecond);
                    Add(row.P99, isOurs, result.P99Ms);
                    Add(row.P50, isOurs, result.P50Ms);
                    Add(row.Cpu, isOurs, result.CpuMsPerCall);
                    Add(row.Client, isOurs, result.ClientCpuMsPerCall);
                    if (!isOurs && result.MachineBusyMsPerCall > result.CpuMsPerCall)
                    {
                        // A server that cost nothing: the client (one node process, one core at most) and the rest of
                        // the machine's CPU per call (the client, PostgreSQL, the kernel) would still bound the calls.
                        row.Ceiling.Ours.Add(Math.Min(1000 / result.ClientCpuMsPerCall, result.Cores * 1000 / (result.MachineBusyMsPerCall - result.CpuMsPerCall)));
                        row.Ceiling.Reference.Add(result.CallsPerSecond);
                    }
                    Console.Error.WriteLine($"bench: round {round + 1} {side.Name} {workload.Label}: {result.CallsPerSecond:F0} calls/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, {result.CpuMsPerCall:F2} ms CPU/call, client {result.ClientCpuMsPerCall:F2} ms, machine {result.MachineBusyMsPerCall:F2} ms of {result.Cores * 1000 / result.CallsPerSecond:F2}");
                }
            }
        }
        foreach (var workload in workloads)
        {
            var row = measured[workload];
            rows.AddRange([row.CallsPerSecond, row.P99, row.P50, row.Cpu, row.Client]);
            if (row.Ceiling.Ours.Count > 0)
            {
                rows.Add(row.Ceiling);
            }
        }
    }

    private static void Add(Row row, bool ours, double value) => (ours ? row.Ours : row.Reference).Add(value);

    private static async Task SeedAsync(Uri baseAddress, string token, CancellationToken cancellationToken)
    {
        await using var client = await BenchMcpClient.ConnectAsync(baseAddress, token, cancellationToken);
        for (var i = 0; i < SeededTasks; i++)
        {
            var result = await client.CallToolAsync(ToolNames.AddTask,
                new Dictionary<string, object?> { [ToolArguments.Title] = $"Seeded task {i}: buy something for the house" }, cancellationToken: cancellationToken);
            if (result.IsError == true)
            {
                throw new InvalidOperationException($"Seeding {baseAddress} failed: {result.Content.FirstOrDefault()}");
            }
        }
    }
}
