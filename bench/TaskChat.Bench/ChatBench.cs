using System.Net.Http.Headers;
using System.Net.Http.Json;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Bench;

/// <summary>
/// A chat turn through the api with the offline agent: HTTP in, the agent, real MCP calls to a real
/// mcp over loopback, the turn stored; compared with a plain REST call on the same api.
/// </summary>
internal static class ChatBench
{
    public static async Task RunAsync(DatabaseProvider provider, Action<string, string, Measurement, Measurement> print)
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
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.CreateToken("chat-bench-" + i));
            return http;
        }).ToArray();
        var name = provider.ToString().ToLowerInvariant();

        for (var i = 0; i < 30; i++)
        {
            await Post(clients[0], "api/chat", new { message = "add warm-up " + i });
            (await clients[0].GetAsync("api/tasks?status=completed")).Dispose();
        }

        var rest = await Measure.SequentialAsync(300, async _ => (await clients[0].GetAsync("api/tasks?status=completed")).Dispose());
        print(name, "api GET /api/tasks (REST)", rest, rest);
        print(name, "api chat \"add …\" (1 tool call)", await Measure.SequentialAsync(200, i => Post(clients[0], "api/chat", new { message = "add sequential " + i })), rest);
        print(name, "api chat \"mark the … one done\" (2 calls)", await Measure.SequentialAsync(100, i => Post(clients[0], "api/chat", new { message = $"mark the sequential {i} one done" })), rest);
        print(name, "api chat \"add …\", 4 users", await Measure.ConcurrentAsync(800, 16, i => Post(clients[i % 4], "api/chat", new { message = "add concurrent " + i })), rest);

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static async Task Post(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }
}
