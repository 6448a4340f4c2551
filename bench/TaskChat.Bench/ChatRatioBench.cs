using System.Net.Http.Headers;
using System.Net.Http.Json;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Bench;

/// <summary>
/// The chat turn's cost as a ratio to a REST call on the same api and database: rounds interleaved
/// (REST, then each kind of turn, then REST again...), so that load from elsewhere on the machine
/// falls on both sides. Prints each round's ratios and the median: sequential mean latency ratios and,
/// with 16 in flight, the ratio of REST calls/s to turns/s; and the CPU time per call (sequential), which a
/// loaded machine disturbs much less than latency.
/// </summary>
internal static class ChatRatioBench
{
    public static async Task RunAsync(DatabaseProvider provider, int rounds)
    {
        await using var jwks = await TestJwks.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithMcp().WithApi(new Dictionary<string, string>
        {
            ["LLM_PROVIDER"] = "offline",
            ["CHAT_TURNS_PER_MINUTE"] = "10000",
        }).StartAsync();
        var clients = Enumerable.Range(0, 4).Select(i =>
        {
            var http = system.Api.CreateHttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.CreateToken("chat-ratio-" + i));
            return http;
        }).ToArray();
        var name = provider.ToString().ToLowerInvariant();
        for (var i = 0; i < 50; i++)
        {
            await Post(clients[0], "api/chat", new { message = "add warm-up " + i });
            await Post(clients[1], "api/chat", new { message = $"mark the warm-up {i} one done" });
            (await clients[0].GetAsync("api/tasks?status=completed")).Dispose();
        }
        var results = new List<double[]>();
        for (var round = 0; round < rounds; round++)
        {
            var r = round;
            var (rest, restCpu) = await Cpu(200, () => Measure.SequentialAsync(200, _ => Get(clients[0])));
            var (add, addCpu) = await Cpu(100, () => Measure.SequentialAsync(100, i => Post(clients[0], "api/chat", new { message = $"add sequential {r}-{i}" })));
            var (mark, markCpu) = await Cpu(60, () => Measure.SequentialAsync(60, i => Post(clients[0], "api/chat", new { message = $"mark the sequential {r}-{i} one done" })));
            var rest16 = await Measure.ConcurrentAsync(1600, 16, i => Get(clients[i % 4]));
            var add16 = await Measure.ConcurrentAsync(320, 16, i => Post(clients[i % 4], "api/chat", new { message = $"add concurrent {r}-{i}" }));
            var mark16 = await Measure.ConcurrentAsync(160, 16, i => Post(clients[i % 4], "api/chat", new { message = $"mark the concurrent {r}-{i % 320} one done" }));
            var ratios = new[]
            {
                rest.MeanMs, add.MeanMs, mark.MeanMs, add.MeanMs / rest.MeanMs, mark.MeanMs / rest.MeanMs,
                rest16.CallsPerSecond, add16.CallsPerSecond, mark16.CallsPerSecond, rest16.CallsPerSecond / add16.CallsPerSecond, rest16.CallsPerSecond / mark16.CallsPerSecond,
                add16.P50Ms, add16.P95Ms,
                restCpu, addCpu, markCpu, addCpu / restCpu, markCpu / restCpu,
            };
            results.Add(ratios);
            Console.WriteLine($"{name} round {round + 1}: " + Format(ratios) + $" load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        var median = Enumerable.Range(0, results[0].Length).Select(c => results.Select(x => x[c]).Order().ElementAt(results.Count / 2)).ToArray();
        Console.WriteLine($"{name} median : " + Format(median));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static string Format(double[] v) =>
        $"seq ms REST {v[0]:F2} add {v[1]:F2} mark {v[2]:F2} → add {v[3]:F1}× mark {v[4]:F1}× | 16 in flight /s REST {v[5]:F0} add {v[6]:F0} mark {v[7]:F0} → add {v[8]:F1}× mark {v[9]:F1}× (add p50 {v[10]:F0} ms p95 {v[11]:F0} ms) | CPU ms/op (client+api+mcp) REST {v[12]:F2} add {v[13]:F2} mark {v[14]:F2} → add {v[15]:F1}× mark {v[16]:F1}×";

    /// <summary>The process's CPU time per call while <paramref name="run"/> ran (client, api and mcp share this process): less sensitive to a loaded machine than latency.</summary>
    private static async Task<(Measurement Result, double CpuMsPerCall)> Cpu(int calls, Func<Task<Measurement>> run)
    {
        var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var result = await run();
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before;
        return (result, used.TotalMilliseconds / calls);
    }

    private static async Task Get(HttpClient http)
    {
        using var response = await http.GetAsync("api/tasks?status=completed");
        response.EnsureSuccessStatusCode();
    }

    private static async Task Post(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }
}
