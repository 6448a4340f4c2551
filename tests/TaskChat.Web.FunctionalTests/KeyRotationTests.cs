using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Key rotation on the web's clock (a FakeTimeProvider): the next key is published a day before it
/// signs, tokens switch to it on schedule, the old key stays published until its last token has
/// expired, and replicas sharing the database agree on every key.
/// </summary>
public abstract class KeyRotationTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task TheNextKeyIsPublishedBeforeItSignsAndTheOldOneStaysUntilItsTokensExpire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await StartAsync(database, clock);
        using var browser = WebServers.Browser(web);
        var (email, _) = await WebServers.SignUpAsync(browser);
        var first = new JsonWebToken(await WebServers.TokenAsync(browser)).Kid;
        Assert.Equal([first], Jwks.KeyIds(await Jwks.FetchAsync(browser)));

        clock.Advance(TimeSpan.FromDays(29) + TimeSpan.FromHours(1)); // Inside the day before the rotation.
        var published = Jwks.KeyIds(await Jwks.FetchAsync(browser));
        var second = Assert.Single(published, kid => kid != first);
        Assert.Equal([first, second], published);
        Assert.Equal(first, new JsonWebToken(await TokenAfterSignInAsync(web, email)).Kid);

        clock.Advance(TimeSpan.FromHours(23) - TimeSpan.FromMinutes(1)); // A minute before it.
        var lastOfTheOldKey = await TokenAfterSignInAsync(web, email);
        Assert.Equal(first, new JsonWebToken(lastOfTheOldKey).Kid);

        clock.Advance(TimeSpan.FromMinutes(2)); // A minute after it.
        Assert.Equal(second, new JsonWebToken(await TokenAfterSignInAsync(web, email)).Kid);
        var jwks = await Jwks.FetchAsync(browser);
        Assert.Equal([first, second], Jwks.KeyIds(jwks));
        var stillValid = await Jwks.ValidateAsync(lastOfTheOldKey, jwks);
        Assert.True(stillValid.IsValid, stillValid.Exception?.Message);
        Assert.True(new JsonWebToken(lastOfTheOldKey).ValidTo > clock.GetUtcNow().UtcDateTime);

        clock.Advance(TimeSpan.FromMinutes(15)); // Its last token has expired, clock skew included.
        Assert.True(new JsonWebToken(lastOfTheOldKey).ValidTo.AddSeconds(30) < clock.GetUtcNow().UtcDateTime);
        Assert.Equal([second], Jwks.KeyIds(await Jwks.FetchAsync(browser)));
    }

    [SkippableFact]
    public async Task ReplicasSharingTheDatabaseShareKeysAndSessions()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = await StartAsync(database, clock);
        await using var two = await StartAsync(database, clock);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });

        using var signUp = await http.PostAsJsonAsync(new Uri(one.BaseAddress, "api/auth/sign-up/email"), new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada" });
        var cookie = signUp.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("taskchat.session=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(two.BaseAddress, "api/auth/token"));
        request.Headers.Add("Cookie", cookie);
        using var tokenFromTwo = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, tokenFromTwo.StatusCode);
        var token = (await Json.ReadAsync(tokenFromTwo)).GetProperty("token").GetString()!;
        using var fromOne = new HttpClient { BaseAddress = one.BaseAddress };
        var verified = await Jwks.ValidateAsync(token, await Jwks.FetchAsync(fromOne));
        Assert.True(verified.IsValid, verified.Exception?.Message);

        clock.Advance(TimeSpan.FromDays(29) + TimeSpan.FromHours(1));
        using var fromTwo = new HttpClient { BaseAddress = two.BaseAddress };
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Jwks.FetchAsync(i % 2 == 0 ? fromOne : fromTwo)));

        Assert.All(keys, set => Assert.Equal(Jwks.KeyIds(keys[0]), Jwks.KeyIds(set)));
        Assert.Equal(2, keys[0].Keys.Count);
        await using var db = database.CreateDbContext();
        Assert.Equal(2, db.SigningKeys.Count());
    }

    /// <summary>A web (a replica, when called twice) that owns nothing but itself: disposing it stops it.</summary>
    private static async Task<RunningService> StartAsync(TestDatabase database, FakeTimeProvider clock) =>
        (await new SystemBuilder(database.Url)
            .WithWeb(new Dictionary<string, string> { ["AUTH_KEY_ROTATION_DAYS"] = "30" }, services => services.AddSingleton<TimeProvider>(clock))
            // Replicas behind one public URL sign as it.
            .Wired(wiring => wiring with { Issuer = WebServers.Issuer })
            .StartAsync()).Web;

    /// <summary>Days pass on the fake clock, longer than a session: sign in again.</summary>
    private static async Task<string> TokenAfterSignInAsync(RunningService web, string email)
    {
        using var browser = WebServers.Browser(web);
        using var signIn = await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = WebServers.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return await WebServers.TokenAsync(browser);
    }
}

public sealed class SqliteKeyRotationTests() : KeyRotationTests(DatabaseProvider.Sqlite);

public sealed class PostgresKeyRotationTests() : KeyRotationTests(DatabaseProvider.Postgres);
