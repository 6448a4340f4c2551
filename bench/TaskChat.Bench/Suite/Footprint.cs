using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using TaskChat.TestSupport.Processes;

namespace TaskChat.Bench.Suite;

/// <summary>
/// Start-up and memory, as shipped: each service's Release build started as its own process (process start
/// to its first 2xx /health/ready, polled every 10 ms), then the same service published ReadyToRun as the
/// images ship it, when bench/run published it; its resident memory once idle, then after 10,000 calls; the
/// TypeScript reference beside our mcp; and the launcher bringing the whole system to ready.
/// </summary>
internal static class Footprint
{
    private const string StartSection = "start-up: process start → /health/ready";
    private const string MemorySection = "memory: resident set (RSS)";
    private const string AsShipped = ", published ReadyToRun (as the images ship it)";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public static async Task RunStartupAsync(BenchOptions options, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var jwks = await TestJwks.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var peerDatabase = await PostgresTestDatabase.CreateAsync();
        await using var issuer = await NodeIssuer.StartAsync(cancellationToken);
        var services = new[] { TaskChatService.Mcp, TaskChatService.Api, TaskChatService.Web };
        static Row Ready(string name) => new(StartSection, name, "ms", Target.Max(1000, "≤ 1000 ms")) { AbsoluteTarget = true };
        static Row Idle(string name) => new(MemorySection, name, "MB", Target.Max(120, "≤ 120 MB")) { AbsoluteTarget = true };
        static string Reference(TaskChatService service) => service == TaskChatService.Mcp ? " (reference: the TypeScript server)" : "";

        // Each service from its Release build (in its project folder, as under the launcher), then from its published
        // folder (the images' /app) when there is one: one after the other in every round, so both forms see the same machine.
        var forms = services.ToDictionary(s => s, s => new List<ServiceForm>
        {
            new(BuiltService.Dll(s), BuiltService.ProjectDirectory(s), Ready(Name(s) + Reference(s)), Idle(Name(s) + " idle after start" + Reference(s))),
        });
        if (PublishedFolders(options, services) is { } published)
        {
            foreach (var s in services)
            {
                forms[s].Add(new(BuiltService.PublishedDll(published[s], s), published[s], Ready(Name(s) + AsShipped), Idle(Name(s) + " idle after start" + AsShipped)));
            }
        }
        var mcp = forms[TaskChatService.Mcp][0];
        var launcher = new Row(StartSection, "the whole system under the launcher (launcher start → all three ready)", "ms", Target.Max(3000, "≤ 3000 ms")) { AbsoluteTarget = true };

        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var service in services)
            {
                var wiring = Wiring(database.Url, service == TaskChatService.Web ? null : jwks);
                var variables = With(wiring.VariablesFor(service), options);
                foreach (var form in forms[service])
                {
                    var started = Stopwatch.GetTimestamp();
                    using var process = TestProcess.Start(form.Dll, variables, workingDirectory: form.WorkingDirectory);
                    try
                    {
                        await Readiness.WaitAsync(Listening.Url(wiring.PortOf(service), "/health/ready"), () => process.HasExited, cancellationToken);
                        form.Ready.Ours.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        await Task.Delay(Settle, cancellationToken);
                        form.Idle.Ours.Add(Cleanup.RssMegabytes(process.Id));
                    }
                    finally
                    {
                        await process.StopAsync(TimeSpan.FromSeconds(10));
                    }
                }
            }
            await using (var peer = await NodeTools.StartPeerAsync(peerDatabase, issuer, 15, cancellationToken))
            {
                mcp.Ready.Reference.Add(peer.StartupMs);
                await Task.Delay(Settle, cancellationToken);
                mcp.Idle.Reference.Add(Cleanup.RssMegabytes(peer.Pid));
            }

            var system = Wiring(database.Url, issuer: null);
            var launcherStarted = Stopwatch.GetTimestamp();
            using var launched = TestProcess.Start(BuiltService.Launcher, With(system.VariablesForLauncher(), options), ["run"]);
            try
            {
                await Task.WhenAll(services.Select(s => Readiness.WaitAsync(Listening.Url(system.PortOf(s), "/health/ready"), () => launched.HasExited, cancellationToken)));
                launcher.Ours.Add(Stopwatch.GetElapsedTime(launcherStarted).TotalMilliseconds);
            }
            catch (InvalidOperationException e) when (launched.HasExited)
            {
                // Why the launcher gave up is in its own output (a port, a service that exited, the migration).
                var output = launched.AllOutput.Split('\n');
                throw new InvalidOperationException(
                    $"The launcher exited before the system was ready; the end of its output:\n{string.Join('\n', output.TakeLast(30))}", e);
            }
            finally
            {
                await launched.StopAsync(TimeSpan.FromSeconds(30));
            }
            var figures = services.Select(s => $"{s} {string.Join(" / ", forms[s].Select(f => $"{f.Ready.Ours[^1]:F0} ms {f.Idle.Ours[^1]:F0} MB"))}");
            var which = forms[TaskChatService.Mcp].Count > 1 ? " (build / published)" : "";
            Console.Error.WriteLine($"bench: round {round + 1} start-up{which}: {string.Join(", ", figures)}, reference {mcp.Ready.Reference[^1]:F0} ms {mcp.Idle.Reference[^1]:F0} MB, launcher {launcher.Ours[^1]:F0} ms");
        }
        rows.AddRange([.. services.SelectMany(s => forms[s].Select(f => f.Ready)), launcher]);
        rows.AddRange(services.SelectMany(s => forms[s].Select(f => f.Idle)));
    }

    /// <summary>
    /// RSS idle, then after 10,000 calls of ordinary use: our mcp and the reference the same calls, the api GETs with a
    /// chat turn in ten, the web its sign-in page. Each service from its build, then published as the images ship it
    /// (the reference once, beside the build).
    /// </summary>
    public static async Task RunMemoryAsync(BenchOptions options, List<Row> rows, CancellationToken cancellationToken)
    {
        var services = new[] { TaskChatService.Mcp, TaskChatService.Api, TaskChatService.Web };
        var forms = new List<(string Suffix, IReadOnlyDictionary<TaskChatService, string>? Folders)> { ("", null) };
        if (PublishedFolders(options, services) is { } published)
        {
            forms.Add((AsShipped, published));
        }
        // Our mcp and api trust the bench's own issuer; the reference trusts jwks.mjs (it reads a JWKS as JOSE writes it).
        await using var jwks = await TestJwks.StartAsync();
        await using var issuer = await NodeIssuer.StartAsync(cancellationToken);
        foreach (var (suffix, folders) in forms)
        {
            rows.AddRange(await MeasureGrowthAsync(options, jwks, folders is null ? issuer : null, suffix, folders, cancellationToken));
        }
    }

    /// <summary>One form of the three services (their build, or their publish output): the three growth rows.</summary>
    /// <param name="options">The bench's options (the number of calls, the services' extra variables).</param>
    /// <param name="jwks">The issuer our mcp and api trust.</param>
    /// <param name="reference">The issuer for the TypeScript reference, measured beside our mcp; null to leave it out.</param>
    /// <param name="suffix">What the rows' names say of the form ("" for the build).</param>
    /// <param name="publishedFolders">The publish output of each service, or null for the build.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    private static async Task<Row[]> MeasureGrowthAsync(
        BenchOptions options, TestJwks jwks, NodeIssuer? reference, string suffix, IReadOnlyDictionary<TaskChatService, string>? publishedFolders, CancellationToken cancellationToken)
    {
        var calls = options.MemoryCalls;
        Row Delta(string name) => new(MemorySection, $"{name}{suffix}: growth after {calls:N0} calls", "MB", Target.Max(40, "≤ +40 MB")) { AbsoluteTarget = true };
        var mcpDelta = Delta(reference is null ? "mcp" : "mcp (reference: the TypeScript server)");
        var apiDelta = Delta("api (GET /api/tasks, a chat turn in ten)");
        var webDelta = Delta("web (GET /sign-in)");

        await using (var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres))
        await using (var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithMcp(options.ServiceVariables).WithApi(ApiTurns.ApiVariables(options)).AsProcesses(publishedFolders).StartAsync())
        {
            await Task.Delay(Settle, cancellationToken);
            var idle = (Mcp: Cleanup.RssMegabytes(system.Mcp.Process.Id), Api: Cleanup.RssMegabytes(system.Api.Process.Id));
            var idleParts = (Mcp: Cleanup.RssParts(system.Mcp.Process.Id), Api: Cleanup.RssParts(system.Api.Process.Id));

            await McpCallsAsync(system.Mcp.BaseAddress, jwks.CreateToken("memory-lister"), jwks.CreateToken("memory-adder"), calls, cancellationToken);
            await Task.Delay(Settle, cancellationToken);
            mcpDelta.Ours.Add(Cleanup.RssMegabytes(system.Mcp.Process.Id) - idle.Mcp);
            Parts("mcp", suffix, idleParts.Mcp, system.Mcp.Process.Id);
            if (reference is not null)
            {
                await using var peerDatabase = await PostgresTestDatabase.CreateAsync();
                await using var peer = await NodeTools.StartPeerAsync(peerDatabase, reference, 15, cancellationToken);
                await Task.Delay(Settle, cancellationToken);
                var peerIdle = Cleanup.RssMegabytes(peer.Pid);
                await McpCallsAsync(peer.BaseAddress, await reference.TokenAsync("memory-lister", cancellationToken), await reference.TokenAsync("memory-adder", cancellationToken), calls, cancellationToken);
                await Task.Delay(Settle, cancellationToken);
                mcpDelta.Reference.Add(Cleanup.RssMegabytes(peer.Pid) - peerIdle);
            }

            using var lister = new HttpClient { BaseAddress = system.Api.BaseAddress };
            lister.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.CreateToken("memory-lister"));
            using var adder = new HttpClient { BaseAddress = system.Api.BaseAddress };
            adder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.CreateToken("memory-adder"));
            for (var i = 0; i < 20; i++)
            {
                (await lister.PostAsJsonAsync("api/tasks", new { title = "Seeded task " + i }, cancellationToken)).EnsureSuccessStatusCode().Dispose();
            }
            await ManyAsync(calls, 8, async i =>
            {
                using var response = i % 10 == 9
                    ? await adder.PostAsJsonAsync("api/chat", new { message = "add buy milk " + i }, cancellationToken)
                    : await lister.GetAsync("api/tasks?status=pending", cancellationToken);
                response.EnsureSuccessStatusCode();
            });
            await Task.Delay(Settle, cancellationToken);
            apiDelta.Ours.Add(Cleanup.RssMegabytes(system.Api.Process.Id) - idle.Api);
            Parts("api", suffix, idleParts.Api, system.Api.Process.Id);
        }

        await using (var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres))
        await using (var system = await new SystemBuilder(database.Url).WithWeb(options.ServiceVariables).AsProcesses(publishedFolders).StartAsync())
        {
            await Task.Delay(Settle, cancellationToken);
            var idle = Cleanup.RssMegabytes(system.Web.Process.Id);
            var idleParts = Cleanup.RssParts(system.Web.Process.Id);
            using var browser = new HttpClient { BaseAddress = system.Web.BaseAddress };
            await ManyAsync(calls, 8, async _ =>
            {
                using var response = await browser.GetAsync("sign-in", cancellationToken);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
            });
            await Task.Delay(Settle, cancellationToken);
            webDelta.Ours.Add(Cleanup.RssMegabytes(system.Web.Process.Id) - idle);
            Parts("web", suffix, idleParts, system.Web.Process.Id);
        }
        var which = publishedFolders is null ? "build" : "published";
        var referenceFigure = reference is null ? "" : $" (reference {mcpDelta.Reference[0]:F1})";
        Console.Error.WriteLine($"bench: memory growth ({which}): mcp {mcpDelta.Ours[0]:F1} MB{referenceFigure}, api {apiDelta.Ours[0]:F1} MB, web {webDelta.Ours[0]:F1} MB");
        return [mcpDelta, apiDelta, webDelta];
    }

    /// <summary>What RSS was made of before and after the calls, on stderr: where a growth row's megabytes went.</summary>
    private static void Parts(string service, string suffix, string idle, int pid) =>
        Console.Error.WriteLine($"bench: {service}{suffix} idle: {idle}; after the calls: {Cleanup.RssParts(pid)}");

    /// <summary>Half list_tasks for a user with 20 tasks, half add_task for another user, 8 sessions.</summary>
    private static async Task McpCallsAsync(Uri baseAddress, string listerToken, string adderToken, int calls, CancellationToken cancellationToken)
    {
        var clients = new List<McpClient>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                clients.Add(await BenchMcpClient.ConnectAsync(baseAddress, i % 2 == 0 ? listerToken : adderToken, cancellationToken));
            }
            for (var i = 0; i < 20; i++)
            {
                await clients[0].CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Seeded task " + i }, cancellationToken: cancellationToken);
            }
            await ManyAsync(calls, clients.Count, async i =>
            {
                var client = clients[i % clients.Count];
                var result = i % 2 == 0
                    ? await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?> { [ToolArguments.Status] = ListStatus.All }, cancellationToken: cancellationToken)
                    : await client.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "memory " + i }, cancellationToken: cancellationToken);
                if (result.IsError == true)
                {
                    throw new InvalidOperationException($"A call to {baseAddress} failed: {result.Content.FirstOrDefault()}");
                }
            });
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task ManyAsync(int calls, int inFlight, Func<int, Task> call)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                await call(i);
            }
        }));
    }

    /// <summary>A service's (or the launcher's) variables and the bench's <c>--env</c> ones: the launcher's children inherit them.</summary>
    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> variables, BenchOptions options) =>
        new(variables.Concat(options.ServiceVariables.Where(extra => !variables.ContainsKey(extra.Key))));

    /// <summary>
    /// bench/run's published services (mcp/, api/ and web/ under <c>--published</c>), or null, said on standard error:
    /// the bench dll run directly, or a folder without them. Their rows are then left out; the run goes on.
    /// </summary>
    internal static Dictionary<TaskChatService, string>? PublishedFolders(BenchOptions options, TaskChatService[] services)
    {
        if (options.Published is null)
        {
            Console.Error.WriteLine("bench: no --published folder (bench/run publishes the services into one): the rows of the published services are skipped.");
            return null;
        }
        var folders = services.ToDictionary(s => s, s => Path.Combine(options.Published, Name(s)));
        var missing = folders.Where(f => !File.Exists(BuiltService.PublishedDll(f.Value, f.Key))).Select(f => f.Value).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"bench: nothing published in {string.Join(", ", missing)}: the rows of the published services are skipped.");
            return null;
        }
        return folders;
    }

    /// <summary>The published mcp and api for the speed rows with <c>--speed-as-shipped</c>, else null (their builds).</summary>
    internal static Dictionary<TaskChatService, string>? SpeedForms(BenchOptions options) =>
        options.SpeedAsShipped ? PublishedFolders(options, [TaskChatService.Mcp, TaskChatService.Api]) : null;

    /// <summary>The service's name in the rows and its folder under <c>--published</c>.</summary>
    private static string Name(TaskChatService service) => service.ToString().ToLowerInvariant();

    /// <summary>One way a service is started: its dll, the folder it runs in, and the two rows it fills.</summary>
    private sealed record ServiceForm(string Dll, string WorkingDirectory, Row Ready, Row Idle);

    /// <summary>Free ports for all three; tokens from <paramref name="issuer"/> when given (else the web issues them).</summary>
    private static SystemWiring Wiring(string databaseUrl, TestJwks? issuer)
    {
        var wiring = new SystemWiring { DatabaseUrl = databaseUrl }
            .WithPort(TaskChatService.Mcp, LoopbackServer.UnusedPort())
            .WithPort(TaskChatService.Api, LoopbackServer.UnusedPort())
            .WithPort(TaskChatService.Web, LoopbackServer.UnusedPort());
        return issuer is null ? wiring : wiring with { Issuer = TestJwks.Issuer, JwksUrl = issuer.JwksUrl.ToString(), Audience = TestJwks.Audience };
    }
}
