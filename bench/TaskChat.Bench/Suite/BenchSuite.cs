using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.TestSupport.Processes;

namespace TaskChat.Bench.Suite;

/// <summary>How long and how often; <c>--quick</c> is for trying the bench out, not for figures.</summary>
internal sealed record BenchOptions
{
    public int Rounds { get; init; } = 3;

    public double McpSeconds { get; init; } = 5;

    public double WarmUpSeconds { get; init; } = 3;

    public int[] McpInFlight { get; init; } = [8, 32];

    public int ApiInFlight { get; init; } = 16;

    /// <summary>Sequential "add" turns per round; GETs are twice as many, "mark" turns half; ×4 with calls in flight.</summary>
    public int ApiCalls { get; init; } = 100;

    public int ApiWarmUp { get; init; } = 30;

    public int MemoryCalls { get; init; } = 10_000;

    /// <summary>
    /// Variables given to our services in every row, the launcher's included (<c>--env NAME=VALUE</c>, repeatable):
    /// to try a setting (a GC mode, a runtime knob) against the reference, without touching the bench's own process.
    /// </summary>
    public Dictionary<string, string> ServiceVariables { get; init; } = [];

    /// <summary>
    /// Where bench/run published the services ReadyToRun, as the images ship them (<c>--published DIR</c>: mcp/, api/,
    /// web/ under it); null when not given, and the start-up rows of the published forms are skipped.
    /// </summary>
    public string? Published { get; init; }

    /// <summary>
    /// <c>--speed-as-shipped</c>: the mcp and api rows run the published services (the images' form) instead of
    /// their builds, to compare a runtime setting where the images would carry it (needs <c>--published</c>).
    /// </summary>
    public bool SpeedAsShipped { get; init; }

    /// <summary>Which parts run: startup, memory, mcp, api (PostgreSQL), api-sqlite (the embedded default).</summary>
    public HashSet<string> Parts { get; init; } = ["startup", "memory", "mcp", "api", "api-sqlite"];

    public static BenchOptions Quick => new()
    {
        Rounds = 2, McpSeconds = 2, WarmUpSeconds = 1, ApiCalls = 20, ApiWarmUp = 5, MemoryCalls = 2_000,
    };
}

/// <summary>
/// <c>--all</c>: every row of issue 13 in one run (start-up, memory, the mcp against the TypeScript reference,
/// chat turns against a REST call), each measured over interleaved rounds, written as one markdown table to
/// standard output and bench/results/latest.md (and into bench/README.md with <c>--readme</c>).
/// </summary>
internal static class BenchSuite
{
    public const string ReadmeStart = "<!-- bench:all:start -->";
    public const string ReadmeEnd = "<!-- bench:all:end -->";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Contains("--quick") ? BenchOptions.Quick : new BenchOptions();
        if (Value(args, "--rounds") is { } rounds)
        {
            options = options with { Rounds = int.Parse(rounds, CultureInfo.InvariantCulture) };
        }
        if (Value(args, "--only") is { } only)
        {
            options = options with { Parts = [.. only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] };
        }
        if (Value(args, "--published") is { } published)
        {
            options = options with { Published = Path.GetFullPath(published) };
        }
        if (args.Contains("--speed-as-shipped"))
        {
            options = options with { SpeedAsShipped = true };
        }
        foreach (var (argument, index) in args.Select((a, i) => (a, i)).Where(a => a.a == "--env" && a.i + 1 < args.Length))
        {
            var pair = args[index + 1].Split('=', 2);
            options.ServiceVariables[pair[0]] = pair.Length > 1 ? pair[1] : "";
        }
        if (PostgresTestDatabase.Server() is null)
        {
            await Console.Error.WriteLineAsync($"bench --all needs PostgreSQL: pass --postgres \"Host=...;Port=...;Username=...;Database=postgres\" or set {PostgresTestDatabase.ServerVariable}.");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        // Ctrl-C and SIGTERM cancel the run: the services, the reference and the databases are disposed on the way out.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("bench: stopping (cleaning up processes and databases)...");
            stop.Cancel();
        };
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var total = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        await NodeTools.EnsureInstalledAsync(stop.Token);
        var rows = new List<Row>();
        try
        {
            if (options.Parts.Contains("startup"))
            {
                await Footprint.RunStartupAsync(options, rows, stop.Token);
            }
            if (options.Parts.Contains("mcp"))
            {
                await McpSpeed.RunAsync(options, rows, stop.Token);
            }
            if (options.Parts.Contains("api"))
            {
                await ApiTurns.RunAsync(options, DatabaseProvider.Postgres, rows, stop.Token);
            }
            if (options.Parts.Contains("api-sqlite"))
            {
                await ApiTurns.RunAsync(options, DatabaseProvider.Sqlite, rows, stop.Token);
            }
            if (options.Parts.Contains("memory"))
            {
                await Footprint.RunMemoryAsync(options, rows, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("bench: cancelled.");
            return 130;
        }
        catch (Exception e)
        {
            // Everything it started is stopped and dropped by now (the parts dispose on the way out).
            await Console.Error.WriteLineAsync($"bench: failed: {e}");
            return 1;
        }
        finally
        {
            Cleanup.KillAll();
        }

        var machine = await MachineAsync(options, loadBefore, total.Elapsed, stop.Token);
        var table = Report.Markdown(rows, machine, Notes(options));
        Console.WriteLine(table);
        var results = Path.Combine(BuiltService.RepositoryRoot, "bench", "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, "latest.md");
        await File.WriteAllTextAsync(file, table, stop.Token);
        await Console.Error.WriteLineAsync($"bench: written to {Path.GetRelativePath(BuiltService.RepositoryRoot, file)}");
        if (args.Contains("--readme"))
        {
            await UpdateReadmeAsync(table);
        }
        return 0;
    }

    private static string? Value(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static async Task UpdateReadmeAsync(string table)
    {
        var readme = Path.Combine(BuiltService.RepositoryRoot, "bench", "README.md");
        var text = await File.ReadAllTextAsync(readme);
        var start = text.IndexOf(ReadmeStart, StringComparison.Ordinal);
        var end = text.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            await Console.Error.WriteLineAsync($"bench: bench/README.md has no {ReadmeStart} … {ReadmeEnd} block: not updated.");
            return;
        }
        await File.WriteAllTextAsync(readme, text[..(start + ReadmeStart.Length)] + "\n" + table.TrimEnd() + "\n" + text[end..]);
        await Console.Error.WriteLineAsync("bench: bench/README.md updated");
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static async Task<string> MachineAsync(BenchOptions options, string loadBefore, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        string postgres;
        try
        {
            await using var connection = new NpgsqlConnection(PostgresTestDatabase.Server()!.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            // Whether its commits wait for the disk: a cluster with fsync off (development's, CI's) hides what the turn's
            // commits cost a production server (performance.md, "A turn's first commit does not wait for the disk").
            await using var settings = new NpgsqlCommand("SELECT current_setting('fsync'), current_setting('synchronous_commit')", connection);
            await using var reader = await settings.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            postgres = $"PostgreSQL {connection.PostgreSqlVersion} (fsync {reader.GetString(0)}, synchronous_commit {reader.GetString(1)})";
        }
        catch (NpgsqlException)
        {
            postgres = "PostgreSQL ?";
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, node {await NodeTools.NodeVersionAsync(cancellationToken)}, {postgres}; ");
        text.Append(CultureInfo.InvariantCulture, $"load average {loadBefore} at the start, {LoadAverage()} at the end; {options.Rounds} rounds, the run took {elapsed.TotalMinutes:F1} min.");
        if (options.SpeedAsShipped)
        {
            text.Append(" The mcp and api rows ran the published services (`--speed-as-shipped`).");
        }
        return text.ToString();
    }

    private static string Notes(BenchOptions options) =>
        $"""
        Each figure is the median of {options.Rounds} rounds; the ratio is taken per round (ours and the reference ran next to each other) and its median shown.
        mcp rows: load.mjs runs {options.McpSeconds} s per side per round, sides alternating which goes first; ratio = ours ÷ reference (calls/s: higher is better; p99: lower). CPU per call: the server process's CPU time over the run ÷ its calls.
        api rows: the reference is `GET /api/tasks?status=pending` (20 tasks) measured in the same round; ratio = turn ÷ GET (mean latency); turns/s with calls in flight = in flight ÷ mean latency.
        start-up and memory rows are checked against absolute targets (no ratio); the reference column is the TypeScript server's figure where there is one.

        """;
}
