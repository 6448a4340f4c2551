using System.Net;
using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// Clients other than the C# SDK, on the protocol versions they speak: the classic initialize
/// handshake, ping, and JSON-RPC errors for what a tools-only server does not offer.
/// </summary>
public sealed class ProtocolTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Theory]
    [InlineData("2025-03-26")]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task AClientOfAnEarlierProtocolVersionCanInitializeListAndCall(string version)
    {
        using var http = server.Server.CreateHttpClient();
        var token = server.Jwks.CreateToken("protocol-" + version);

        var initialize = await SendAsync(http, token, null, $$$$"""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"{{{{version}}}}","capabilities":{},"clientInfo":{"name":"raw-client","version":"1.0"}}}
            """);
        using var initialized = await http.SendAsync(WithVersion(RawMcpRequests.Post("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", token), version));
        var list = await SendAsync(http, token, version, RawMcpRequests.ToolsList);
        var call = await SendAsync(http, token, version, RawMcpRequests.ToolsCall(ToolNames.AddTask, """{"title":"From an older client"}"""));

        var result = initialize.GetProperty("result");
        Assert.Equal(version, result.GetProperty("protocolVersion").GetString());
        Assert.True(result.GetProperty("capabilities").TryGetProperty("tools", out _));
        Assert.Equal("taskchat-mcp", result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Accepted, initialized.StatusCode);
        Assert.Equal(ToolNames.All.Count, list.GetProperty("result").GetProperty("tools").GetArrayLength());
        var added = call.GetProperty("result").GetProperty("structuredContent");
        Assert.Equal(ToolEnvelope.SuccessStatus, added.GetProperty("status").GetString());
        Assert.Equal("From an older client", added.GetProperty("data").GetProperty("title").GetString());
    }

    [Fact]
    public async Task PingIsAnswered()
    {
        using var http = server.Server.CreateHttpClient();

        var reply = await SendAsync(http, server.Jwks.CreateToken("ping-user"), "2025-06-18", """{"jsonrpc":"2.0","id":7,"method":"ping"}""");

        Assert.Equal(7, reply.GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Object, reply.GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData("resources/list")]
    [InlineData("prompts/list")]
    [InlineData("tasks/drop_all")]
    public async Task AMethodThisServerDoesNotOfferIsMethodNotFound(string method)
    {
        using var http = server.Server.CreateHttpClient();

        var reply = await SendAsync(http, server.Jwks.CreateToken("method-user"), "2025-06-18", $$$"""{"jsonrpc":"2.0","id":3,"method":"{{{method}}}","params":{}}""");

        Assert.Equal(-32601, reply.GetProperty("error").GetProperty("code").GetInt32());
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, string token, string? version, string body)
    {
        using var response = await http.SendAsync(WithVersion(RawMcpRequests.Post(body, token), version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RawMcpRequests.ReadMessageAsync(response);
    }

    private static HttpRequestMessage WithVersion(HttpRequestMessage request, string? version)
    {
        if (version is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", version);
        }
        return request;
    }
}
