using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Contract;
using TaskChat.Data.Limits;
using TaskChat.TestSupport;
using TaskChat.Web.Auth;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Issue 8 §2, as a checklist: the auth endpoints are throttled per client address and per email, the
/// lockout counts per email and address (a stranger locks out only themselves) in the database (it holds
/// across replicas), and forwarded headers count only from TRUSTED_PROXIES. Each test starts a web with
/// small limits over the fixture's database; addresses other than loopback are proxied ones
/// (X-Forwarded-For from a loopback proxy named in TRUSTED_PROXIES).
/// </summary>
public abstract class AuthThrottlingTests(WebServerFixture web)
{
    private const string TrustLoopbackProxy = "127.0.0.1,::1";

    [SkippableFact]
    public async Task SignIn_from_one_address_is_throttled_after_N_attempts()
    {
        var server = await StartWebAsync(new() { ["AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE"] = "3", ["TRUSTED_PROXIES"] = TrustLoopbackProxy });
        var (email, _) = await SignUpOnFixtureAsync();
        using var browser = WebServers.Browser(server);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var wrong = await SignInAsync(browser, WebServers.NewEmail(), "wrong password 1", from: "203.0.113.10");
            statuses.Add(wrong.StatusCode);
        }
        using var throttled = await SignInAsync(browser, email, WebServers.Password, from: "203.0.113.10");
        using var otherAddress = await SignInAsync(browser, email, WebServers.Password, from: "198.51.100.20");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        await AssertRateLimitedAsync(throttled, ProblemCodes.RateLimited, TimeSpan.FromSeconds(20));
        Assert.Contains("from your network", (await Json.ReadAsync(throttled)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
    }

    [SkippableFact]
    public async Task The_sign_in_form_shows_a_clear_message_when_throttled()
    {
        var server = await StartWebAsync(new() { ["AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE"] = "1" });
        var (email, _) = await SignUpOnFixtureAsync();
        using var browser = WebServers.Browser(server);

        using var first = await Forms.PostAsync(browser, "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong password 1" });
        using var second = await Forms.PostAsync(browser, "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = WebServers.Password });

        Assert.Equal(Accounts.WrongCredentialsText, Forms.Error(await first.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // The page again, with the message: no redirect, no session.
        Assert.Matches(@"^Too many sign-in attempts from your network\. Try again in [1-6]?[0-9] seconds\.$", Forms.Error(await second.Content.ReadAsStringAsync()));
        Assert.Equal("null", await (await browser.GetAsync("api/auth/get-session")).Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task SignUp_from_one_address_is_throttled_after_N_accounts()
    {
        var server = await StartWebAsync(new() { ["AUTH_SIGN_UP_PER_ADDRESS_PER_HOUR"] = "2" });
        using var browser = WebServers.Browser(server);
        await WebServers.SignUpAsync(browser);
        await WebServers.SignUpAsync(browser);
        var third = WebServers.NewEmail();

        using var throttled = await browser.PostAsJsonAsync("api/auth/sign-up/email", new { email = third, password = WebServers.Password, name = "Mallory" });
        using var fixtureBrowser = web.Browser();
        using var signInAsThird = await SignInAsync(fixtureBrowser, third, WebServers.Password);

        await AssertRateLimitedAsync(throttled, ProblemCodes.RateLimited, TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.Unauthorized, signInAsThird.StatusCode); // No account was created.
    }

    [SkippableFact]
    public async Task The_sign_up_form_shows_a_clear_message_when_throttled()
    {
        var server = await StartWebAsync(new() { ["AUTH_SIGN_UP_PER_ADDRESS_PER_HOUR"] = "1" });
        using var first = WebServers.Browser(server);
        using var second = WebServers.Browser(server);

        using var created = await Forms.PostAsync(first, "sign-up", new() { ["Input.Name"] = "Ada", ["Input.Email"] = WebServers.NewEmail(), ["Input.Password"] = WebServers.Password });
        using var throttled = await Forms.PostAsync(second, "sign-up", new() { ["Input.Name"] = "Bob", ["Input.Email"] = WebServers.NewEmail(), ["Input.Password"] = WebServers.Password });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Matches(@"^Too many accounts created from your network\. Try again in [1-6]?[0-9] minutes\.$", Forms.Error(await throttled.Content.ReadAsStringAsync()));
    }

    [SkippableFact]
    public async Task SignIn_to_one_email_is_throttled_after_N_attempts_from_any_number_of_addresses()
    {
        var server = await StartWebAsync(new()
        {
            ["AUTH_SIGN_IN_PER_EMAIL_PER_MINUTE"] = "3", ["AUTH_LOCKOUT_FAILURES"] = "100", ["TRUSTED_PROXIES"] = TrustLoopbackProxy,
        });
        var (email, _) = await SignUpOnFixtureAsync();
        using var browser = WebServers.Browser(server);

        var statuses = new List<HttpStatusCode>();
        for (var address = 1; address <= 3; address++)
        {
            using var wrong = await SignInAsync(browser, email, "wrong password 1", from: $"203.0.113.{address}");
            statuses.Add(wrong.StatusCode);
        }
        using var throttled = await SignInAsync(browser, email.ToUpperInvariant(), "wrong password 1", from: "203.0.113.4");
        using var otherEmail = await SignInAsync(browser, WebServers.NewEmail(), "wrong password 1", from: "203.0.113.4");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        await AssertRateLimitedAsync(throttled, ProblemCodes.RateLimited, TimeSpan.FromSeconds(20));
        Assert.Contains("for this account", (await Json.ReadAsync(throttled)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, otherEmail.StatusCode);
    }

    [SkippableFact]
    public async Task A_strangers_failed_sign_ins_lock_out_only_the_strangers_address_never_the_owner()
    {
        // The email's budget (8) is more than the lockout lets one address spend (5): a stranger's locked-out attempts do not count.
        var server = await StartWebAsync(new() { ["AUTH_SIGN_IN_PER_EMAIL_PER_MINUTE"] = "8", ["TRUSTED_PROXIES"] = TrustLoopbackProxy });
        var (email, _) = await SignUpOnFixtureAsync();
        using var stranger = WebServers.Browser(server);
        using var owner = WebServers.Browser(server);

        var strangerStatuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 15; attempt++)
        {
            using var wrong = await SignInAsync(stranger, email, $"wrong password {attempt}", from: "203.0.113.66");
            strangerStatuses.Add(wrong.StatusCode);
        }
        using var strangerWithTheRightPassword = await SignInAsync(stranger, email, WebServers.Password, from: "203.0.113.66");
        using var ownerSignIn = await SignInAsync(owner, email, WebServers.Password, from: "198.51.100.7");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 4).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 11)), strangerStatuses);
        await AssertRateLimitedAsync(strangerWithTheRightPassword, ProblemCodes.LockedOut, TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, ownerSignIn.StatusCode);
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_an_unknown_email_exactly_as_a_real_one()
    {
        var (real, _) = await SignUpOnFixtureAsync();
        var unknown = WebServers.NewEmail();
        using var browser = web.Browser();

        var realStatuses = new List<HttpStatusCode>();
        var unknownStatuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var onReal = await SignInAsync(browser, real, $"wrong password {attempt}");
            using var onUnknown = await SignInAsync(browser, unknown, $"wrong password {attempt}");
            realStatuses.Add(onReal.StatusCode);
            unknownStatuses.Add(onUnknown.StatusCode);
        }

        Assert.Equal(realStatuses, unknownStatuses); // The lockout does not tell which emails have an account.
        Assert.Equal(HttpStatusCode.TooManyRequests, unknownStatuses[^1]);
    }

    [SkippableFact]
    public async Task The_lockout_holds_across_web_replicas()
    {
        var first = await StartWebAsync([]);
        var second = await StartWebAsync([]);
        var (email, _) = await SignUpOnFixtureAsync();
        using var onFirst = WebServers.Browser(first);
        using var onSecond = WebServers.Browser(second);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var wrong = await SignInAsync(attempt % 2 == 0 ? onFirst : onSecond, email, $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var fifth = await SignInAsync(onSecond, email, "wrong password 5");
        using var rightOnFirst = await SignInAsync(onFirst, email, WebServers.Password);

        await AssertRateLimitedAsync(fifth, ProblemCodes.LockedOut, TimeSpan.FromMinutes(5));
        await AssertRateLimitedAsync(rightOnFirst, ProblemCodes.LockedOut, TimeSpan.FromMinutes(5));
    }

    [SkippableFact]
    public async Task The_lockout_ends_after_AUTH_LOCKOUT_MINUTES()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var system = await web.StartAsync(s => s
            .WithWeb(new Dictionary<string, string> { ["AUTH_LOCKOUT_MINUTES"] = "2" }, services => services.AddSingleton<TimeProvider>(clock))
            .Wired(w => w with { Issuer = WebServers.Issuer }));
        var (email, _) = await SignUpOnFixtureAsync();
        using var browser = WebServers.Browser(system.Web);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await SignInAsync(browser, email, $"wrong password {attempt}")).Dispose();
        }

        using var locked = await SignInAsync(browser, email, WebServers.Password);
        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        using var afterwards = await SignInAsync(browser, email, WebServers.Password);

        await AssertRateLimitedAsync(locked, ProblemCodes.LockedOut, TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [SkippableFact]
    public async Task Stale_lockout_counters_are_deleted_and_live_locks_kept()
    {
        // A day ago: the other tests' counters in this database are all newer than this clock's cut-off.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        await using var db = web.Database.CreateDbContext();
        var lockout = new SignInLockout(db, clock);
        var period = TimeSpan.FromMinutes(5);
        var (stale, locked) = (WebServers.NewEmail(), WebServers.NewEmail());
        await lockout.CountFailureAsync(stale, "203.0.113.1", 5, period, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await lockout.CountFailureAsync(locked, "203.0.113.1", 5, period, CancellationToken.None);
        }
        clock.Advance(TimeSpan.FromMinutes(2));

        var deleted = await lockout.DeleteStaleAsync(period, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.NotNull(await lockout.LockedForAsync(locked, "203.0.113.1", CancellationToken.None));
        Assert.False(db.SignInFailures.Any(f => f.PairHash == SignInLockout.PairHash(stale, "203.0.113.1")));
    }

    [SkippableFact]
    public async Task Forwarded_headers_count_only_from_a_proxy_named_in_TRUSTED_PROXIES()
    {
        var direct = await StartWebAsync(new() { ["AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE"] = "2" });
        var proxied = await StartWebAsync(new() { ["AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE"] = "2", ["TRUSTED_PROXIES"] = TrustLoopbackProxy });
        using var toDirect = WebServers.Browser(direct);
        using var toProxied = WebServers.Browser(proxied);

        // Without a trusted proxy, a client choosing its own X-Forwarded-For is still one address.
        var directStatuses = new List<HttpStatusCode>();
        // Behind one, what the client wrote left of the proxy's entry is ignored: the proxy's entry is the client.
        var proxiedStatuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var onDirect = await SignInAsync(toDirect, WebServers.NewEmail(), "wrong password 1", from: $"198.51.100.{attempt}");
            using var onProxied = await SignInAsync(toProxied, WebServers.NewEmail(), "wrong password 1", from: $"198.51.100.{attempt}, 203.0.113.10");
            directStatuses.Add(onDirect.StatusCode);
            proxiedStatuses.Add(onProxied.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], directStatuses);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], proxiedStatuses);
    }

    [SkippableFact]
    public async Task Other_auth_requests_from_one_address_are_throttled_but_never_the_JWKS()
    {
        var server = await StartWebAsync(new() { ["AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE"] = "3" });
        using var browser = WebServers.Browser(server);

        var statuses = new List<HttpStatusCode>();
        for (var request = 0; request < 3; request++)
        {
            using var session = await browser.GetAsync("api/auth/get-session");
            statuses.Add(session.StatusCode);
        }
        using var throttled = await browser.GetAsync("api/auth/token");
        var jwks = new List<HttpStatusCode>();
        for (var request = 0; request < 5; request++)
        {
            using var keys = await browser.GetAsync("api/auth/jwks");
            jwks.Add(keys.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        await AssertRateLimitedAsync(throttled, ProblemCodes.RateLimited, TimeSpan.FromSeconds(20));
        Assert.All(jwks, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private async Task<RunningService> StartWebAsync(Dictionary<string, string> variables)
    {
        var system = await web.StartAsync(s => s.WithWeb(variables).Wired(w => w with { Issuer = WebServers.Issuer }));
        return system.Web;
    }

    /// <summary>An account, made on the fixture's own web (the same database), so the web under test spends none of its sign-up budget.</summary>
    private async Task<(string Email, string UserId)> SignUpOnFixtureAsync()
    {
        using var browser = web.Browser();
        return await WebServers.SignUpAsync(browser);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string? from = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/sign-in/email") { Content = JsonContent.Create(new { email, password }) };
        if (from is not null)
        {
            request.Headers.Add("X-Forwarded-For", from);
        }
        return browser.SendAsync(request);
    }

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response, string code, TimeSpan longestWait)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await Json.ReadAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), longestWait);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}

public sealed class SqliteAuthThrottlingTests(SqliteWebServer web) : AuthThrottlingTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresAuthThrottlingTests(PostgresWebServer web) : AuthThrottlingTests(web), IClassFixture<PostgresWebServer>;
