using System.Net;

namespace TaskChat.Api.FunctionalTests;

/// <summary>CORS for browser clients other than the web: only the origins in CORS_ORIGINS, with credentials.</summary>
public sealed class CorsTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    private const string AllowedOrigin = "http://localhost:3000";

    [Fact]
    public async Task APreflightFromAnAllowedOriginIsAnswered()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(Preflight("api/tasks", AllowedOrigin, "POST"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods")!.Split(',', StringSplitOptions.TrimEntries));
        var headers = Header(response, "Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("authorization", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("content-type", headers, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost:3001")]
    [InlineData("https://localhost:3000")]
    public async Task AnOriginNotListedGetsNoCorsHeaders(string origin)
    {
        using var http = server.Server.CreateHttpClient();

        using var preflight = await http.SendAsync(Preflight("api/tasks", origin, "POST"));
        using var get = await http.SendAsync(Get("api/tasks", origin));

        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(get, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnActualRequestFromAnAllowedOriginCarriesTheCorsHeaders()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(Get("api/tasks", AllowedOrigin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task ACreatedTaskExposesItsLocationToTheBrowser()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tasks") { Content = new StringContent("""{"title":"From a browser"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", AllowedOrigin);
        request.Headers.Authorization = new("Bearer", server.Jwks.CreateToken("cors-" + Guid.NewGuid().ToString("N")[..8]));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("Location", Header(response, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SeveralConfiguredOriginsAreEachAllowed()
    {
        await using var api = await server.StartAsync(system => system.WithApi().Wired(wiring => wiring with { CorsOrigins = "http://a.test:3000, https://b.test" }));
        using var http = api.Api.CreateHttpClient();

        using var a = await http.SendAsync(Preflight("api/tasks", "http://a.test:3000", "POST"));
        using var b = await http.SendAsync(Preflight("api/conversations", "https://b.test", "GET"));
        using var wrongPort = await http.SendAsync(Preflight("api/tasks", "http://a.test", "POST"));
        using var web = await http.SendAsync(Preflight("api/tasks", AllowedOrigin, "POST"));

        Assert.Equal("http://a.test:3000", Header(a, "Access-Control-Allow-Origin"));
        Assert.Equal("https://b.test", Header(b, "Access-Control-Allow-Origin"));
        Assert.Null(Header(wrongPort, "Access-Control-Allow-Origin"));
        // The configured list replaces the default.
        Assert.Null(Header(web, "Access-Control-Allow-Origin"));
    }

    private HttpRequestMessage Get(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Authorization = new("Bearer", server.Jwks.CreateToken("cors-" + Guid.NewGuid().ToString("N")[..8]));
        return request;
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
