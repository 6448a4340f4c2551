using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using TaskChat.TestSupport;
using TaskChat.TestSupport.Processes;

namespace TaskChat.Bench.Suite;

/// <summary>
/// One load.mjs run: what it printed, with CPU turned into milliseconds per call: the server's, load.mjs's
/// own, and the whole machine's busy time (all cores; NaN where /proc/stat cannot be read).
/// </summary>
internal sealed record LoadResult(double CallsPerSecond, double P50Ms, double P99Ms, double CpuMsPerCall, int Calls,
    double ClientCpuMsPerCall, double MachineBusyMsPerCall, int Cores);

/// <summary>
/// The TypeScript reference (bench/mcp-peer: a copy of the shared peer, its load generator and issuer) run
/// with node: `npm ci` once, the reference server as a process, and load.mjs runs against either server.
/// </summary>
internal static class NodeTools
{
    public static string PeerDirectory => Path.Combine(BuiltService.RepositoryRoot, "bench", "mcp-peer");

    /// <summary>Installs the reference's packages (once: node_modules stays, git ignores it).</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(PeerDirectory, "node_modules", "@modelcontextprotocol")))
        {
            return;
        }
        Console.Error.WriteLine("bench: npm ci in bench/mcp-peer (once)");
        var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), TimeSpan.FromMinutes(5), cancellationToken);
        if (code != 0)
        {
            throw new InvalidOperationException("npm ci failed in bench/mcp-peer:\n" + output);
        }
    }

    public static async Task<string> NodeVersionAsync(CancellationToken cancellationToken) =>
        (await RunAsync("node", ["--version"], new Dictionary<string, string>(), TimeSpan.FromSeconds(30), cancellationToken)).Output.Trim();

    /// <summary>
    /// `node load.mjs` against <paramref name="url"/>: <paramref name="inFlight"/> sessions calling
    /// <paramref name="tool"/> back to back for <paramref name="seconds"/>, as the user of <paramref name="token"/>;
    /// the CPU of <paramref name="serverPid"/> over the run; <paramref name="meta"/>, when given, is each call's
    /// <c>_meta</c> (load.mjs's --meta, "{{uuid}}" a new UUID per call). Any failed call fails the bench: a figure
    /// made of errors would mean nothing.
    /// </summary>
    public static async Task<LoadResult> LoadAsync(
        Uri url, string tool, string arguments, string? meta, int inFlight, double seconds, string token, int serverPid, CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync("node",
            ["load.mjs", "--url", url.ToString(), "--tool", tool, "--args", arguments, "-c", inFlight.ToString(CultureInfo.InvariantCulture),
             "-d", seconds.ToString(CultureInfo.InvariantCulture), "--pids", serverPid.ToString(CultureInfo.InvariantCulture), .. (meta is null ? [] : new[] { "--meta", meta })],
            new Dictionary<string, string> { ["MCP_TOKEN"] = token }, TimeSpan.FromSeconds(seconds + 60), cancellationToken);
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (line is null)
        {
            throw new InvalidOperationException($"load.mjs printed no result (exit {code}):\n{output}");
        }
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.GetProperty("errors").GetInt32() > 0 || code != 0)
        {
            throw new InvalidOperationException($"load.mjs against {url} ({tool}) had errors: {line}");
        }
        var callsPerSecond = root.GetProperty("calls_per_s").GetDouble();
        var cpuPercent = root.GetProperty("server_cpu_pct").GetProperty(serverPid.ToString(CultureInfo.InvariantCulture)).GetDouble();
        // % of one core over the run, divided by calls a second: milliseconds of CPU per call. The machine's
        // busy % is of all its cores.
        var cores = root.GetProperty("cores").GetInt32();
        var machineBusy = root.GetProperty("machine_cpu_busy_pct") is { ValueKind: JsonValueKind.Number } busy ? busy.GetDouble() * cores : double.NaN;
        return new LoadResult(callsPerSecond, root.GetProperty("p50_ms").GetDouble(), root.GetProperty("p99_ms").GetDouble(),
            cpuPercent * 10 / callsPerSecond, root.GetProperty("calls").GetInt32(),
            root.GetProperty("client_cpu_pct").GetDouble() * 10 / callsPerSecond, machineBusy * 10 / callsPerSecond, cores);
    }

    /// <summary>Starts the reference server on its own (unmigrated: it creates its table) database.</summary>
    public static async Task<PeerServer> StartPeerAsync(PostgresTestDatabase database, NodeIssuer issuer, int poolSize, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.Url);
        var databaseUrl = $"postgres://{Uri.EscapeDataString(connection.Username ?? "postgres")}" +
            (string.IsNullOrEmpty(connection.Password) ? "" : ":" + Uri.EscapeDataString(connection.Password)) +
            $"@{connection.Host}:{connection.Port}/{connection.Database}";
        var port = LoopbackServer.UnusedPort();
        var started = Stopwatch.GetTimestamp();
        var process = StartNode(["peer-server.mjs"], new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["DATABASE_URL"] = databaseUrl,
            ["PG_POOL_MAX"] = poolSize.ToString(CultureInfo.InvariantCulture),
            ["AUTH_JWKS_URL"] = issuer.JwksUrl.ToString(),
            ["AUTH_ISSUER"] = NodeIssuer.Issuer,
            ["AUTH_AUDIENCE"] = NodeIssuer.Audience,
        });
        var peer = new PeerServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await Readiness.WaitAsync(new Uri(peer.BaseAddress, "health"), () => process.HasExited, cancellationToken);
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
        peer.StartupMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return peer;
    }

    public static Process StartNode(string[] args, IReadOnlyDictionary<string, string> environment, Action<string>? onLine = null)
    {
        var startInfo = new ProcessStartInfo("node", args)
        {
            WorkingDirectory = PeerDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start node.");
        // Drained so that a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine?.Invoke(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Cleanup.Track(process);
        return process;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, IReadOnlyDictionary<string, string> environment, TimeSpan limit, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = PeerDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {file}.");
        Cleanup.Track(process);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            Cleanup.Forget(process);
        }
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}

/// <summary>The running reference server; disposing it stops it (SIGTERM, then kill).</summary>
internal sealed class PeerServer(Process process, Uri baseAddress) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    public Uri McpUrl => new(BaseAddress, "mcp");

    public int Pid => process.Id;

    public double StartupMs { get; set; }

    public async ValueTask DisposeAsync()
    {
        await Cleanup.StopAsync(process);
        process.Dispose();
    }
}

/// <summary>
/// jwks.mjs: the test issuer both servers trust in the mcp rows (an ES256 JWKS, tokens minted on request).
/// Our mcp is pointed at it through its own variables (AUTH_ISSUER, AUTH_JWKS_URL, AUTH_AUDIENCE), the
/// reference through the same ones: one issuer, one token per user, accepted by both.
/// </summary>
internal sealed class NodeIssuer : IAsyncDisposable
{
    public const string Issuer = "http://localhost:3000";
    public const string Audience = "taskchat";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;

    private NodeIssuer(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public Uri JwksUrl => new(BaseAddress, "api/auth/jwks");

    /// <summary>Our mcp's variables that make it trust this issuer.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["AUTH_ISSUER"] = Issuer,
        ["AUTH_AUDIENCE"] = Audience,
        ["AUTH_JWKS_URL"] = JwksUrl.ToString(),
    };

    public static async Task<NodeIssuer> StartAsync(CancellationToken cancellationToken)
    {
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = NodeTools.StartNode(["jwks.mjs"], new Dictionary<string, string> { ["PORT"] = "0", ["AUTH_ISSUER"] = Issuer, ["AUTH_AUDIENCE"] = Audience }, line =>
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                port.TrySetResult(int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture));
            }
        });
        try
        {
            return new NodeIssuer(process, await port.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken));
        }
        catch
        {
            await Cleanup.StopAsync(process);
            throw;
        }
    }

    /// <summary>A token for <paramref name="subject"/> (ES256, 15 minutes: the most our validators accept).</summary>
    public async Task<string> TokenAsync(string subject, CancellationToken cancellationToken) =>
        (await Http.GetStringAsync(new Uri(BaseAddress, "token?sub=" + Uri.EscapeDataString(subject)), cancellationToken)).Trim();

    public async ValueTask DisposeAsync()
    {
        await Cleanup.StopAsync(_process);
        _process.Dispose();
    }
}
