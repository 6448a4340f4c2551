using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, traces and metrics reach a collector, and no secret does.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task TracesAndMetricsAreExportedOverOtlpWhenAnEndpointIsSet()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var jwks = await TestJwks.StartAsync();
        await using var database = await TestDatabase.CreateAsync(Data.Connection.DatabaseProvider.Sqlite);
        await using var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithMcp(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        }).StartAsync();
        var token = jwks.CreateToken("telemetry-user");
        var client = await TestMcpClients.ConnectAsync(system.Mcp.BaseAddress, token);
        await using var _ = client;

        await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Traced task" });

        var traces = await collector.WaitForAsync("/v1/traces", body => body.Contains("POST /mcp", StringComparison.Ordinal));
        await collector.WaitForAsync("/v1/traces", body => body.Contains($"tools/call {ToolNames.AddTask}", StringComparison.Ordinal)); // The MCP SDK's own span.
        await collector.WaitForAsync("/v1/metrics", _ => true);
        Assert.Contains("mcp-server", traces, StringComparison.Ordinal);
        Assert.DoesNotContain(token, string.Concat(collector.Bodies), StringComparison.Ordinal);
    }

    /// <summary>Accepts OTLP/HTTP posts and keeps their bodies as text (protobuf strings stay readable).</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string Body)> _posts;

        private FakeOtlpCollector(WebApplication app, ConcurrentQueue<(string Path, string Body)> posts)
        {
            _app = app;
            _posts = posts;
        }

        public required Uri Address { get; init; }

        public IEnumerable<string> Bodies => _posts.Select(p => p.Body);

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            var posts = new ConcurrentQueue<(string Path, string Body)>();
            var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.Latin1);
                posts.Enqueue((context.Request.Path.Value!, await reader.ReadToEndAsync()));
                return Results.Ok();
            }));
            return new FakeOtlpCollector(app, posts) { Address = address };
        }

        /// <summary>The first body posted to <paramref name="path"/> that matches, waiting up to a minute.</summary>
        public async Task<string> WaitForAsync(string path, Func<string, bool> matches)
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (DateTime.UtcNow < deadline)
            {
                var found = _posts.FirstOrDefault(p => p.Path == path && matches(p.Body));
                if (found.Body is not null)
                {
                    return found.Body;
                }
                await Task.Delay(100);
            }
            throw new TimeoutException($"Nothing matching was posted to {path}; got: {string.Join(", ", _posts.Select(p => p.Path))}");
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
