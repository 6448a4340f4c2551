using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Bench.Suite;

/// <summary>
/// A chat turn against a REST call on the same api and database (PostgreSQL, or the embedded SQLite file): the api and the mcp as their own
/// processes (Release, their own logging), the offline agent, real HTTP with tokens from the bench's
/// issuer, each turn sent as the web sends it (a new Idempotency-Key). Every user has 20 pending tasks,
/// and <c>GET /api/tasks?status=pending</c> lists them. The two-call turn ("mark the milk one done":
/// list_tasks, then complete_task) first gets its "buy milk" task through REST, outside the timing, so
/// that each turn finds exactly one milk among 21 pending tasks. Beside them, <c>POST /api/tasks</c> adds
/// the one-tool turn's task through REST: what the turn costs beyond the write it makes (no target: the
/// issue's targets are against the GET); and the one-tool turn in a conversation that goes on, as people chat: each
/// user's turns continue its one conversation, whose last 20 messages (the history a turn reads) are earlier "add"
/// turns with their tool calls, where the other turns each start a conversation.
/// </summary>
internal static class ApiTurns
{
    private static string SectionFor(DatabaseProvider provider) =>
        $"api: a chat turn against GET /api/tasks (same api, same {(provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite file")})";
    private const int SeededTasks = 20;

    /// <summary>Turns a chatter's conversation has before it is measured: ten turns are the 20 messages a turn reads (<c>ChatTurnRunner.HistoryMessages</c>).</summary>
    private const int ChatTurnHistoryTurns = 10;

    /// <summary>Each chatter's conversation, once its first turn started it (a chatter is one worker, one call at a time).</summary>
    private static readonly ConcurrentDictionary<HttpClient, long> Conversations = new();

    private enum Kind
    {
        Get,
        Add,
        Mark,
        Post,
        AddContinued,
    }

    /// <summary>
    /// The api's variables in the bench (its api and memory rows): the offline agent, and limits that the load would
    /// otherwise meet, since they are not what is measured: every "add" turn starts a conversation, so a run of more
    /// than about six rounds passed a user's 1,000 (409 `conversation_limit_reached`, seen with `--rounds 14`).
    /// </summary>
    internal static Dictionary<string, string> ApiVariables(BenchOptions options) => new(options.ServiceVariables)
    {
        ["LLM_PROVIDER"] = "offline",
        ["CHAT_TURNS_PER_MINUTE"] = "10000",
        ["MAX_CONVERSATIONS_PER_USER"] = "1000000",
    };

    /// <summary>Adds the rows of one database: PostgreSQL (the "api" part), or the embedded default SQLite ("api-sqlite").</summary>
    public static async Task RunAsync(BenchOptions options, DatabaseProvider provider, List<Row> rows, CancellationToken cancellationToken)
    {
        var section = SectionFor(provider);
        await using var jwks = await TestJwks.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithMcp(options.ServiceVariables).WithApi(ApiVariables(options)).AsProcesses(Footprint.SpeedForms(options)).StartAsync();

        ServerCpu readCpu() => ServerCpu.Read(system.Api.Process.Id, system.Mcp.Process.Id, provider == DatabaseProvider.Postgres);

        HttpClient User(string id)
        {
            var http = new HttpClient { BaseAddress = system.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.CreateToken(id));
            return http;
        }
        // Listers are listed and mark their milk done; adders add (their lists grow, and nobody lists them).
        var listers = Enumerable.Range(0, options.ApiInFlight).Select(i => User("bench-lister-" + i)).ToArray();
        var adders = Enumerable.Range(0, options.ApiInFlight).Select(i => User("bench-adder-" + i)).ToArray();
        // Those who go on chatting in one conversation each (its id kept after their first turn).
        var chatters = Enumerable.Range(0, options.ApiInFlight).Select(i => User("bench-chatter-" + i)).ToArray();
        HttpClient[] UsersFor(Kind kind) => kind switch
        {
            Kind.Add or Kind.Post => adders,
            Kind.AddContinued => chatters,
            _ => listers,
        };
        try
        {
            foreach (var user in listers)
            {
                for (var i = 0; i < SeededTasks; i++)
                {
                    await CreateTaskAsync(user, $"Seeded task {i}: tidy the garage", cancellationToken);
                }
            }
            // Warm-up: JIT in both processes, the pools, the MCP client's connections.
            for (var i = 0; i < options.ApiWarmUp; i++)
            {
                foreach (var kind in new[] { Kind.Get, Kind.Add, Kind.Mark, Kind.Post })
                {
                    await CallAsync(UsersFor(kind)[i % listers.Length], kind, i, cancellationToken);
                }
            }
            // Each chatter's conversation gets its history: ten turns are the 20 messages a turn reads.
            foreach (var chatter in chatters)
            {
                for (var i = 0; i < ChatTurnHistoryTurns; i++)
                {
                    await CallAsync(chatter, Kind.AddContinued, i, cancellationToken);
                }
            }

            Row Turn(string label, int inFlight) =>
                new(section, $"{label}, {(inFlight == 1 ? "sequential" : inFlight + " in flight")}: mean latency, turn ÷ GET", "ms",
                    Target.Max(label.StartsWith("one-tool", StringComparison.Ordinal) ? 3 : 5, label.StartsWith("one-tool", StringComparison.Ordinal) ? "≤ 3× GET" : "≤ 5× GET"));
            var rowsByShape = new Dictionary<(Kind, int), Row>();
            var throughput = new Dictionary<(Kind, int), Row>();
            foreach (var inFlight in new[] { 1, options.ApiInFlight })
            {
                rowsByShape[(Kind.Add, inFlight)] = Turn("one-tool turn \"add buy milk N\"", inFlight);
                rowsByShape[(Kind.Mark, inFlight)] = Turn("two-call turn \"mark the milk one done\"", inFlight);
                throughput[(Kind.Add, inFlight)] = new Row(section, $"\"add\" turns/s against GETs/s, {(inFlight == 1 ? "sequential" : inFlight + " in flight")}", "per s", null);
                throughput[(Kind.Mark, inFlight)] = new Row(section, $"\"mark done\" turns/s against GETs/s, {(inFlight == 1 ? "sequential" : inFlight + " in flight")}", "per s", null);
            }
            // Where a turn's time goes: the CPU each process spends on it, against a GET's (the issue's breakdown of a
            // turn, measured beside the latencies). A "mark" turn's untimed REST set-up (it adds the milk first) is
            // taken off its figures: the POST of the same round, per call. With calls in flight only: one call at a
            // time, a process's thread pool spins between calls, and that CPU would be counted against each call.
            var inFlightShape = options.ApiInFlight + " in flight";
            var cpuRows = new[] { (Kind: Kind.Add, Label: "one-tool turn"), (Kind: Kind.Mark, Label: "two-call turn") }.ToDictionary(turn => turn.Kind, turn => new CpuRows(
                new Row(section, $"{turn.Label}, {inFlightShape}: CPU per call of the api, the mcp and PostgreSQL together, turn ÷ GET", "ms", null),
                new Row(section, $"{turn.Label}, {inFlightShape}: the api's CPU per call, turn ÷ GET", "ms", null),
                new Row(section, $"{turn.Label}, {inFlightShape}: the mcp's CPU per call (a GET uses none)", "ms", null),
                new Row(section, $"{turn.Label}, {inFlightShape}: PostgreSQL's CPU per call, turn ÷ GET", "ms", null)));
            var p99 = new Dictionary<(Kind, int), Row>();
            var againstPost = new Dictionary<int, Row>();
            var continued = new Dictionary<int, Row>();
            var continuedApiCpu = new Row(section, $"one-tool turn in a conversation that goes on (20 messages of history), {inFlightShape}: the api's CPU per call, turn ÷ GET", "ms", null);
            foreach (var inFlight in new[] { 1, options.ApiInFlight })
            {
                continued[inFlight] = new Row(section,
                    $"one-tool turn in a conversation that goes on (20 messages of history), {(inFlight == 1 ? "sequential" : inFlight + " in flight")}: mean latency, turn ÷ GET", "ms", null);
                p99[(Kind.Add, inFlight)] = new Row(section, $"\"add\" turn p99 against GET p99, {(inFlight == 1 ? "sequential" : inFlight + " in flight")}", "ms", null);
                againstPost[inFlight] = new Row(section,
                    $"one-tool turn against POST /api/tasks (the same task added through REST), {(inFlight == 1 ? "sequential" : inFlight + " in flight")}: mean latency, turn ÷ POST", "ms", null);
            }

            // Round 0 is a round like the others, not counted: after the short warm-up above, the hot
            // methods' tier-1 code is still being compiled in the background and the pools are still
            // growing, so a first round ran its GETs at 2–3 ms against 0.9 ms in the third, and a
            // median of three rounds mixed a cold round with warm ones.
            for (var round = 0; round <= options.Rounds; round++)
            {
                foreach (var inFlight in new[] { 1, options.ApiInFlight })
                {
                    var scale = inFlight == 1 ? 1 : 4;
                    // GET, add, mark: the GET of the round is the reference of both turns beside it.
                    var get = await MeasureAsync(listers, inFlight, options.ApiCalls * 2 * scale, Kind.Get, readCpu, cancellationToken);
                    var add = await MeasureAsync(adders, inFlight, options.ApiCalls * scale, Kind.Add, readCpu, cancellationToken);
                    var mark = await MeasureAsync(listers, inFlight, options.ApiCalls / 2 * scale, Kind.Mark, readCpu, cancellationToken);
                    var post = await MeasureAsync(adders, inFlight, options.ApiCalls * scale, Kind.Post, readCpu, cancellationToken);
                    var goingOn = await MeasureAsync(chatters, inFlight, options.ApiCalls * scale, Kind.AddContinued, readCpu, cancellationToken);
                    if (round == 0)
                    {
                        Console.Error.WriteLine($"bench: warm-up round api ({provider}), {inFlight} in flight: GET {get.MeanMs:F2} ms, add turn {add.MeanMs:F2} ms, mark turn {mark.MeanMs:F2} ms, POST {post.MeanMs:F2} ms, add turn going on {goingOn.MeanMs:F2} ms (not counted)");
                        continue;
                    }
                    continued[inFlight].Ours.Add(goingOn.MeanMs);
                    continued[inFlight].Reference.Add(get.MeanMs);
                    againstPost[inFlight].Ours.Add(add.MeanMs);
                    againstPost[inFlight].Reference.Add(post.MeanMs);
                    rowsByShape[(Kind.Add, inFlight)].Ours.Add(add.MeanMs);
                    rowsByShape[(Kind.Add, inFlight)].Reference.Add(get.MeanMs);
                    rowsByShape[(Kind.Mark, inFlight)].Ours.Add(mark.MeanMs);
                    rowsByShape[(Kind.Mark, inFlight)].Reference.Add(get.MeanMs);
                    throughput[(Kind.Add, inFlight)].Ours.Add(add.PerSecond);
                    throughput[(Kind.Add, inFlight)].Reference.Add(get.PerSecond);
                    throughput[(Kind.Mark, inFlight)].Ours.Add(mark.PerSecond);
                    throughput[(Kind.Mark, inFlight)].Reference.Add(get.PerSecond);
                    if (inFlight > 1)
                    {
                        var postgres = provider == DatabaseProvider.Postgres;
                        cpuRows[Kind.Add].Add(add.CpuPerCall, get.CpuPerCall, postgres);
                        cpuRows[Kind.Mark].Add(mark.CpuPerCall - post.CpuPerCall, get.CpuPerCall, postgres);
                        continuedApiCpu.Ours.Add(goingOn.CpuPerCall.Api);
                        continuedApiCpu.Reference.Add(get.CpuPerCall.Api);
                    }
                    p99[(Kind.Add, inFlight)].Ours.Add(add.P99Ms);
                    p99[(Kind.Add, inFlight)].Reference.Add(get.P99Ms);
                    Console.Error.WriteLine($"bench: round {round} api ({provider}), {inFlight} in flight: GET {get.MeanMs:F2} ms ({get.PerSecond:F0}/s), add turn {add.MeanMs:F2} ms ({add.PerSecond:F0}/s, p99 {add.P99Ms:F1}), mark turn {mark.MeanMs:F2} ms ({mark.PerSecond:F0}/s), POST {post.MeanMs:F2} ms, add turn going on {goingOn.MeanMs:F2} ms");
                }
            }
            foreach (var inFlight in new[] { 1, options.ApiInFlight })
            {
                rows.AddRange([rowsByShape[(Kind.Add, inFlight)], rowsByShape[(Kind.Mark, inFlight)], throughput[(Kind.Add, inFlight)], throughput[(Kind.Mark, inFlight)], p99[(Kind.Add, inFlight)], againstPost[inFlight], continued[inFlight]]);
                if (inFlight > 1)
                {
                    rows.AddRange(cpuRows.Values.SelectMany(cpu => new[] { cpu.Together, cpu.Api, cpu.Mcp, cpu.Database }).Where(row => row.Ours.Count > 0));
                    rows.Add(continuedApiCpu);
                }
            }
        }
        finally
        {
            foreach (var user in listers.Concat(adders).Concat(chatters))
            {
                Conversations.TryRemove(user, out _);
                user.Dispose();
            }
        }
    }

    private sealed record CpuRows(Row Together, Row Api, Row Mcp, Row Database)
    {
        /// <summary>One round's figures: the turn's, against the GET's of the same round (PostgreSQL's only when it is the database).</summary>
        public void Add(ServerCpu turn, ServerCpu get, bool postgres)
        {
            Together.Ours.Add(turn.Total);
            Together.Reference.Add(get.Total);
            Api.Ours.Add(turn.Api);
            Api.Reference.Add(get.Api);
            Mcp.Ours.Add(turn.Mcp);
            if (postgres)
            {
                Database.Ours.Add(turn.Database);
                Database.Reference.Add(get.Database);
            }
        }
    }

    private sealed record Measured(double MeanMs, double P99Ms, double PerSecond, ServerCpu CpuPerCall);

    /// <summary>CPU time in ms (per call once divided): the api's process, the mcp's, and PostgreSQL's processes (zero on SQLite: it runs in the api).</summary>
    private readonly record struct ServerCpu(double Api, double Mcp, double Database)
    {
        public double Total => Api + Mcp + Database;

        public static ServerCpu operator -(ServerCpu a, ServerCpu b) => new(a.Api - b.Api, a.Mcp - b.Mcp, a.Database - b.Database);

        public ServerCpu Per(int calls) => new(Api / calls, Mcp / calls, Database / calls);

        /// <summary>
        /// Read from /proc/[pid]/stat. PostgreSQL's is every process named postgres on the machine: the bench's pooled
        /// connections are its backends, open from the warm-up on (a backend that exits between two readings would
        /// take its time with it; the pools keep theirs).
        /// </summary>
        public static ServerCpu Read(int apiPid, int mcpPid, bool postgres) =>
            new(CpuMs(apiPid) ?? 0, CpuMs(mcpPid) ?? 0, postgres ? PostgresCpuMs() : 0);

        private static double PostgresCpuMs() =>
            Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).OfType<string>().Where(name => name.All(char.IsAsciiDigit))
                .Sum(pid => CpuMs(int.Parse(pid, CultureInfo.InvariantCulture), "postgres") ?? 0);

        /// <summary>User and system time of the process (fields 14 and 15 of its stat, in clock ticks of 10 ms); null when it is gone or is not <paramref name="name"/>.</summary>
        private static double? CpuMs(int pid, string? name = null)
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return null; // Exited between the listing and the reading.
            }
            var commEnd = stat.LastIndexOf(')');
            if (name is not null && stat[(stat.IndexOf('(') + 1)..commEnd] != name)
            {
                return null;
            }
            // After the name: state is field 3, utime 14, stime 15.
            var fields = stat[(commEnd + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
    }

    /// <summary>
    /// <paramref name="calls"/> calls, <paramref name="inFlight"/> at a time, worker w acting as user w.
    /// Throughput is in flight ÷ mean latency (Little's law for a closed loop), so that the untimed REST
    /// set-up of a "mark" turn does not count against it.
    /// </summary>
    private static async Task<Measured> MeasureAsync(HttpClient[] users, int inFlight, int calls, Kind kind, Func<ServerCpu> readCpu, CancellationToken cancellationToken)
    {
        var cpuBefore = readCpu();
        var latencies = new List<double>[inFlight];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            latencies[worker] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                latencies[worker].Add(await CallAsync(users[worker], kind, i, cancellationToken));
            }
        }));
        var cpu = (readCpu() - cpuBefore).Per(calls);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var mean = all.Average();
        return new Measured(mean, all[Math.Min(all.Length - 1, (int)Math.Ceiling(all.Length * 0.99) - 1)], inFlight * 1000 / mean, cpu);
    }

    /// <summary>One call of the kind; its latency in ms.</summary>
    private static async Task<double> CallAsync(HttpClient user, Kind kind, int n, CancellationToken cancellationToken)
    {
        if (kind == Kind.Mark)
        {
            await CreateTaskAsync(user, "buy milk", cancellationToken);
        }
        var started = Stopwatch.GetTimestamp();
        if (kind == Kind.Post)
        {
            await CreateTaskAsync(user, $"buy milk {n}", cancellationToken);
        }
        else if (kind == Kind.Get)
        {
            using var response = await user.GetAsync("api/tasks?status=pending", cancellationToken);
            await Ensure(response, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        else
        {
            var message = kind == Kind.Mark ? "mark the milk one done" : $"add buy milk {n}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat")
            {
                Content = kind == Kind.AddContinued && Conversations.TryGetValue(user, out var conversation)
                    ? JsonContent.Create(new { message, conversation_id = conversation })
                    : JsonContent.Create(new { message }),
            };
            request.Headers.Add(IdempotencyKeys.Header, Guid.NewGuid().ToString("N"));
            using var response = await user.SendAsync(request, cancellationToken);
            await Ensure(response, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (kind == Kind.Mark && !body.Contains("done", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("\"mark the milk one done\" did not complete the task: " + body);
            }
            if (kind == Kind.AddContinued && !Conversations.ContainsKey(user))
            {
                using var reply = JsonDocument.Parse(body);
                Conversations[user] = reply.RootElement.GetProperty("conversation_id").GetInt64();
            }
        }
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task CreateTaskAsync(HttpClient user, string title, CancellationToken cancellationToken)
    {
        using var response = await user.PostAsJsonAsync("api/tasks", new { title }, cancellationToken);
        await Ensure(response, cancellationToken);
    }

    private static async Task Ensure(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
