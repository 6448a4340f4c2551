using System.Net;
using System.Text.Json;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// What reaches /mcp that the official client would never send: the answers are 4xx with a reason,
/// never a 500, and nothing is stored.
/// </summary>
public sealed class HttpSurfaceTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Fact]
    public async Task ALoneSurrogateInATitleIsRefusedAndNothingIsStored()
    {
        using var http = server.Server.CreateHttpClient();
        var token = server.Jwks.CreateToken("surrogate-user");

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.AddTask, """{"title":"broken \ud800 surrogate"}"""), token));

        // The SDK cannot decode such arguments, so it answers with a JSON-RPC error before any tool
        // (or our argument guard) runs; the server stays up and nothing is written.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await RawMcpRequests.ReadMessageAsync(response)).TryGetProperty("error", out _));
        Assert.Equal(0, await TaskCountAsync(http, token));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":"add_task"}""")]
    public async Task AMalformedBodyIsAClientError(string body)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(body, server.Jwks.CreateToken("malformed-user")));

        await AssertClientErrorAsync(response);
    }

    [Fact]
    public async Task APostWithoutAContentTypeIsAClientErrorNotA500()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = RawMcpRequests.Post(RawMcpRequests.ToolsList, server.Jwks.CreateToken("no-type-user"));
        request.Content!.Headers.ContentType = null;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ProblemCodes.UnsupportedMediaType, (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{}}""")]
    public async Task AMessageWithEmptyParamsIsAClientErrorNotA500(string body)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(body, server.Jwks.CreateToken("empty-init-user")));

        await AssertClientErrorAsync(response);
    }

    [Fact]
    public async Task ATextBodyIsUnsupportedMediaType()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, server.Jwks.CreateToken("text-user"), "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    /// <summary>Before, the SDK's JSON reading threw on a charset it cannot decode: a 500 (and a write never ran, but said nothing).</summary>
    [Theory]
    [InlineData("nonsense")]
    [InlineData("utf-7")]
    public async Task ABodyInACharsetTheServerCannotReadIsUnsupportedMediaType(string charset)
    {
        using var http = server.Server.CreateHttpClient();
        var token = server.Jwks.CreateToken("charset-" + charset);
        using var request = RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.AddTask, """{"title":"Buy milk"}"""), token);
        request.Content!.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ProblemCodes.UnsupportedMediaType, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(0, await TaskCountAsync(http, token));
    }

    [Fact]
    public async Task GetOnTheStatelessEndpointIsMethodNotAllowed()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "mcp");
        request.Headers.Authorization = new("Bearer", server.Jwks.CreateToken("get-user"));
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedAsTooLarge()
    {
        using var http = OversizedRequests.Client(server.Server.BaseAddress);
        var title = new string('x', (int)TaskChat.Mcp.Tools.TaskToolsExtensions.MaxRequestBodyBytes + 1);

        using var request = RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.AddTask, JsonSerializer.Serialize(new { title })), server.Jwks.CreateToken("huge-user"));
        // Kestrel answers 413 from the Content-Length and closes the connection; waiting for
        // "100 Continue" lets the client read that answer instead of failing mid-upload.
        request.Headers.ExpectContinue = true;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AForeignHostHeaderIsRefused()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = RawMcpRequests.Post(RawMcpRequests.ToolsList, server.Jwks.CreateToken("rebinding-user"));
        request.Headers.Host = "evil.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:3000", HttpStatusCode.OK)]
    public async Task OnlyOriginsOfAllowedHostsReachTheServer(string origin, HttpStatusCode expected)
    {
        using var http = server.Server.CreateHttpClient();
        using var request = RawMcpRequests.Post(RawMcpRequests.ToolsList, server.Jwks.CreateToken("origin-user"));
        request.Headers.Add("Origin", origin);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AForeignOriginIsRefusedEvenWithoutAToken()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = RawMcpRequests.Post(RawMcpRequests.ToolsList);
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthAnswersProbesThatUseAnInternalHostName()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "health/ready");
        request.Headers.Host = "10.42.0.17:8001";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<int> TaskCountAsync(HttpClient http, string token)
    {
        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.ListTasks, "{}"), token));
        return (await RawMcpRequests.ReadMessageAsync(response)).GetProperty("result").GetProperty("structuredContent")
            .GetProperty("data").GetProperty("count").GetInt32();
    }

    /// <summary>A 4xx, or a JSON-RPC error inside a 200 (also a clear answer): never a 500.</summary>
    private static async Task AssertClientErrorAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status == 200)
        {
            Assert.True((await RawMcpRequests.ReadMessageAsync(response)).TryGetProperty("error", out _));
        }
        else
        {
            Assert.InRange(status, 400, 499);
        }
    }
}
