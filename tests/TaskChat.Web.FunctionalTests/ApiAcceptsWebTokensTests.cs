using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// End to end: the api validates the web's tokens through the web's JWKS (AUTH_JWKS_URL), with the
/// web's base URL as AUTH_ISSUER, and accepts the first token signed after a rotation without a restart.
/// </summary>
public abstract class ApiAcceptsWebTokensTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task TheApiAcceptsAWebTokenAndTheFirstTokenAfterARotation()
    {
        // A little behind real time, so that the web's clock can move forward without minting
        // tokens from the future as the api sees them.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await new SystemBuilder(database.Url)
            .WithApi()
            .WithWeb(testServices: services => services.AddSingleton<TimeProvider>(clock))
            .StartAsync();
        var (web, api, issuer) = (system.Web, system.Api, system.Issuer);
        using var browser = WebServers.Browser(web);
        var (_, userId) = await WebServers.SignUpAsync(browser);
        var before = await WebServers.TokenAsync(browser);
        Assert.Equal(issuer, new JsonWebToken(before).Issuer);
        Assert.Equal(HttpStatusCode.OK, await TasksStatusAsync(api, before));

        // The current key retires now, with no successor published ahead: the worst case, as after
        // the web was down when the successor was due. The next token is signed with a key the api
        // has never seen.
        await using (var db = database.CreateDbContext())
        {
            var retiresAt = clock.GetUtcNow().UtcDateTime.AddSeconds(30);
            await db.SigningKeys.ExecuteUpdateAsync(keys => keys
                .SetProperty(k => k.RetiresAt, retiresAt)
                .SetProperty(k => k.ExpiresAt, retiresAt.AddMinutes(15).AddSeconds(30)));
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await WebServers.TokenAsync(browser);

        Assert.NotEqual(new JsonWebToken(before).Kid, new JsonWebToken(after).Kid);
        Assert.Equal(userId, new JsonWebToken(after).Subject);
        Assert.Equal(HttpStatusCode.OK, await TasksStatusAsync(api, after));
        Assert.Equal(HttpStatusCode.OK, await TasksStatusAsync(api, before)); // The retired key is still published.
    }

    [SkippableFact]
    public async Task TheWebReportsTheApiInItsHealth()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await new SystemBuilder(database.Url).WithApi().WithWeb().StartAsync();
        using var http = system.Web.CreateHttpClient();

        using var health = await http.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"healthy","service":"frontend","backend":"connected"}""", await health.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> TasksStatusAsync(RunningService api, string token)
    {
        using var http = api.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync("api/tasks");
        return response.StatusCode;
    }
}

public sealed class SqliteApiAcceptsWebTokensTests() : ApiAcceptsWebTokensTests(DatabaseProvider.Sqlite);

public sealed class PostgresApiAcceptsWebTokensTests() : ApiAcceptsWebTokensTests(DatabaseProvider.Postgres);
