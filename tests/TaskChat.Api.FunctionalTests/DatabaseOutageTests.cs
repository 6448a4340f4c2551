using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>The api with its database down: 503 database_unavailable, and one quiet log line per request.</summary>
public sealed class DatabaseOutageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WithTheDatabaseDownRestEndpointsAre503WithRetryAfterAndLogOneWarningLineEach(DatabaseProvider provider)
    {
        using var database = new UnreachableDatabase(provider);
        await using var jwks = await TestJwks.StartAsync();
        await using var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithApi().StartAsync();
        var logs = new CapturedLogs();
        system.Api.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var http = system.ClientFor("outage-user", system.Api);

        using var list = await http.GetAsync("api/tasks");
        using var add = await http.PostAsJsonAsync("api/tasks", new { title = "Written during the outage" });
        using var conversations = await http.GetAsync("api/conversations");

        logs.AssertQuietWarnings(3);
        foreach (var response in new[] { list, add, conversations })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(ProblemCodes.DatabaseUnavailable, (await Json.ReadAsync(response)).GetProperty("code").GetString());
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }

    [Fact]
    public async Task AnUnreadableBodyIsAClientErrorLoggedBelowWarningWithoutAStack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var jwks = await TestJwks.StartAsync();
        await using var system = await new SystemBuilder(database.Url).SignedBy(jwks).WithApi().StartAsync();
        var logs = new CapturedLogs();
        system.Api.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var http = system.ClientFor("bad-body-user", system.Api);

        using var malformed = await http.PostAsync("api/tasks", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        // Sent as OversizedRequests sends it: written whole, the 2 MB could meet the closed connection (a broken pipe, not the 413).
        using var tooLargeRequest = OversizedRequests.Json(HttpMethod.Post, "api/tasks", "{\"title\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        using var tooLarge = await http.SendAsync(tooLargeRequest);

        Assert.InRange((int)malformed.StatusCode, 400, 499);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Empty(logs.Entries);
    }
}
