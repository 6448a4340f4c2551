using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// TaskChat's MCP clients (the api's and the tests', <see cref="TestMcpClients.Options"/>) against an mcp slow to
/// answer <c>server/discover</c>. With the SDK's defaults the client gave the discover 5 s, then sent the
/// initialize handshake instead, and when the discover answer came just as the 5 s ran out that initialize
/// carried the discover's MCP-Protocol-Version (2026-07-28) against its body's 2025-11-25 and was refused
/// ("does not match body params.protocolVersion"): docs/troubleshooting.md. The clock is a fake one, moved while
/// the discover is on its way, so "slow" is exact and nothing here waits.
/// </summary>
public sealed class SlowDiscoveryTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Fact]
    public async Task A_discover_answered_after_the_SDKs_probe_time_is_waited_for_with_no_initialize_fallback()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var mcp = new SlowDiscover(time, TimeSpan.FromSeconds(6));

        await using var client = await TestMcpClients.ConnectAsync(server.Server.BaseAddress, server.Jwks.CreateToken("slow-discover"), mcp, time);
        var tools = await client.ListToolsAsync();

        Assert.Equal("2026-07-28", client.NegotiatedProtocolVersion);
        Assert.Equal(["server/discover", "tools/list"], mcp.Methods);
        Assert.Equal(ToolNames.All.Order(), tools.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task A_connect_still_has_its_overall_time_limit()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var mcp = new SlowDiscover(time, TimeSpan.FromSeconds(61)); // Past the SDK's InitializationTimeout (60 s).

        var error = await Assert.ThrowsAsync<TimeoutException>(() => TestMcpClients.ConnectAsync(server.Server.BaseAddress, server.Jwks.CreateToken("slow-discover"), mcp, time));

        Assert.Equal("Initialization timed out", error.Message);
        Assert.Equal(["server/discover"], mcp.Methods);
    }

    /// <summary>Moves the clock by <paramref name="answerTime"/> while a server/discover is on its way; records each request's method.</summary>
    private sealed class SlowDiscover(FakeTimeProvider time, TimeSpan answerTime) : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<string> Methods { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var method = body is null ? request.Method.Method : JsonDocument.Parse(body).RootElement.GetProperty("method").GetString()!;
            lock (Methods)
            {
                Methods.Add(method);
            }
            if (method == "server/discover")
            {
                time.Advance(answerTime);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
