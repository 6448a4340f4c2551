using System.Net;

namespace TaskChat.Web.FunctionalTests;

/// <summary>/api/health reports the api (here: down); /health/ready the database; /health/live nothing.</summary>
public abstract class WebHealthTests(WebServerFixture web)
{
    [SkippableFact]
    public async Task WithTheApiDownApiHealthIs503ButTheWebStaysReadyAndAlive()
    {
        using var http = web.Server.CreateHttpClient();

        using var health = await http.GetAsync("api/health");
        using var ready = await http.GetAsync("health/ready");
        using var live = await http.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("""{"status":"unhealthy","service":"frontend","backend":"error: connection refused"}""", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"healthy","service":"frontend","database":"connected"}""", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [SkippableTheory]
    [InlineData("api/health", HttpStatusCode.ServiceUnavailable)]
    [InlineData("health/live", HttpStatusCode.OK)]
    [InlineData("api/auth/jwks", HttpStatusCode.BadRequest)]
    public async Task OnlyHealthAnswersAnotherHostName(string path, HttpStatusCode expected)
    {
        using var http = web.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "rebinding.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [SkippableFact]
    public async Task HeadWorksOnApiHealth()
    {
        using var http = web.Server.CreateHttpClient();

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/health"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}

public sealed class SqliteWebHealthTests(SqliteWebServer web) : WebHealthTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresWebHealthTests(PostgresWebServer web) : WebHealthTests(web), IClassFixture<PostgresWebServer>;
