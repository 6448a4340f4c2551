using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Server-side sessions over real HTTP: change-password, the session list, revoking one, the others
/// or all, a new session at every sign-in, and hostile input on every new endpoint.
/// </summary>
public abstract class SessionTests(WebServerFixture web)
{
    private const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0";
    private const string NewPassword = "a new password 7";

    [SkippableFact]
    public async Task ChangingThePasswordEndsTheOtherSessionsAndKeepsThisOne()
    {
        using var here = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(here);
        using var elsewhere = await SignInAsync(email);
        var elsewhereCookie = WebServers.SessionCookie(elsewhere, web.Server);

        using var changed = await here.PostAsJsonAsync("api/auth/change-password", new { current_password = WebServers.Password, new_password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(email, (await Json.ReadAsync(changed)).GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebServers.ReplayAsync(web.Server, elsewhereCookie, "api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInResponseAsync(email, WebServers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInResponseAsync(email, NewPassword)).StatusCode);
    }

    [SkippableFact]
    public async Task AWrongCurrentPasswordIs403AndChangesNothing()
    {
        using var here = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(here);
        using var elsewhere = await SignInAsync(email);

        using var response = await here.PostAsJsonAsync("api/auth/change-password", new { current_password = "not my password 1", new_password = NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemCodes.WrongPassword, (await Json.ReadAsync(response)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInResponseAsync(email, WebServers.Password)).StatusCode);
    }

    [SkippableFact]
    public async Task TheCurrentPasswordAsTheNewOneIs422NamingNewPasswordAndEndsNoSession()
    {
        using var here = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(here);
        using var elsewhere = web.Browser();
        using var signIn = await elsewhere.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = WebServers.Password });

        using var response = await here.PostAsJsonAsync("api/auth/change-password", new { current_password = WebServers.Password, new_password = WebServers.Password });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("That is your current password: choose a new one.", body.GetProperty("errors").GetProperty("new_password")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("short1")]
    [InlineData("onlyletters")]
    [InlineData("1234567890")]
    [InlineData("")]
    public async Task AWeakNewPasswordIs422NamingNewPassword(string weak)
    {
        using var here = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(here);

        using var response = await here.PostAsJsonAsync("api/auth/change-password", new { current_password = WebServers.Password, new_password = weak });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ProblemCodes.Validation, body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("new_password", out _), body.ToString());
        Assert.Equal(HttpStatusCode.OK, (await SignInResponseAsync(email, WebServers.Password)).StatusCode);
    }

    [SkippableFact]
    public async Task ThePasswordRulesApplyToANewPasswordAsToSignUp()
    {
        using var here = web.Browser();
        await WebServers.SignUpAsync(here);

        using var response = await here.PostAsJsonAsync("api/auth/change-password", new { current_password = WebServers.Password, new_password = new string('a', 200) + "1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 128", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RevokeSessionsEndsEverySessionThisOneIncluded()
    {
        using var here = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(here);
        var hereCookie = WebServers.SessionCookie(here, web.Server);
        using var elsewhere = await SignInAsync(email);

        using var response = await here.PostAsJsonAsync("api/auth/revoke-sessions", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await Json.ReadAsync(response)).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebServers.ReplayAsync(web.Server, hereCookie, "api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task RevokeOtherSessionsKeepsThisOne()
    {
        using var here = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(here);
        using var second = await SignInAsync(email);
        using var third = await SignInAsync(email);

        using var response = await here.PostAsJsonAsync("api/auth/revoke-other-sessions", new { });

        Assert.Equal(2, (await Json.ReadAsync(response)).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await third.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task TheSessionListMarksThisOneAndRevokingAnotherEndsItsCookie()
    {
        using var here = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(here);
        using var elsewhere = await SignInAsync(email, FirefoxOnWindows);

        var sessions = await ListAsync(here);
        Assert.Equal(2, sessions.GetArrayLength());
        var current = Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        var other = Assert.Single(sessions.EnumerateArray(), s => !s.GetProperty("current").GetBoolean());
        Assert.Equal("Firefox on Windows", other.GetProperty("device").GetString());
        Assert.Equal(FirefoxOnWindows, other.GetProperty("user_agent").GetString());
        Assert.True(other.GetProperty("last_seen_at").GetDateTime() >= other.GetProperty("created_at").GetDateTime());
        Assert.True(other.GetProperty("expires_at").GetDateTime() > DateTime.UtcNow.AddDays(29));

        using var revoked = await here.PostAsJsonAsync("api/auth/revoke-session", new { id = other.GetProperty("id").GetString() });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("api/auth/token")).StatusCode);
        var left = Assert.Single((await ListAsync(here)).EnumerateArray());
        Assert.Equal(current.GetProperty("id").GetString(), left.GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task RevokingTheCurrentSessionFromTheListIsASignOut()
    {
        using var here = web.Browser();
        await WebServers.SignUpAsync(here);
        var id = Assert.Single((await ListAsync(here)).EnumerateArray()).GetProperty("id").GetString();

        using var revoked = await here.PostAsJsonAsync("api/auth/revoke-session", new { id });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("null", await (await here.GetAsync("api/auth/get-session")).Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task AnotherUsersSessionIsNotFoundAndStaysAlive()
    {
        using var alice = web.Browser();
        await WebServers.SignUpAsync(alice);
        var aliceSession = Assert.Single((await ListAsync(alice)).EnumerateArray()).GetProperty("id").GetString()!;
        using var mallory = web.Browser();
        await WebServers.SignUpAsync(mallory);

        using var response = await mallory.PostAsJsonAsync("api/auth/revoke-session", new { id = aliceSession });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("api/auth/token")).StatusCode);
        Assert.DoesNotContain(aliceSession, (await ListAsync(mallory)).ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SigningInAgainStartsANewSessionAndEndsTheOneTheBrowserHad()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        var before = WebServers.SessionCookie(browser, web.Server);
        var beforeId = Assert.Single((await ListAsync(browser)).EnumerateArray()).GetProperty("id").GetString();

        using var signIn = await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = WebServers.Password });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var after = Assert.Single((await ListAsync(browser)).EnumerateArray());
        Assert.NotEqual(beforeId, after.GetProperty("id").GetString());
        Assert.True(after.GetProperty("current").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebServers.ReplayAsync(web.Server, before, "api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task SigningInAsSomeoneElseDoesNotHandThemTheOldCookie()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser, name: "Alice");
        var alicesCookie = WebServers.SessionCookie(browser, web.Server);
        using var other = web.Browser();
        var (bobsEmail, bobsId) = await WebServers.SignUpAsync(other, name: "Bob");

        using var signIn = await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email = bobsEmail, password = WebServers.Password });
        using var replayed = await WebServers.ReplayAsync(web.Server, alicesCookie, "api/auth/get-session");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("null", await replayed.Content.ReadAsStringAsync());
        Assert.Equal(bobsId, (await Json.ReadAsync(await browser.GetAsync("api/auth/get-session"))).GetProperty("user").GetProperty("id").GetString());
    }

    [SkippableTheory]
    [InlineData("GET", "list-sessions")]
    [InlineData("POST", "change-password")]
    [InlineData("POST", "revoke-session")]
    [InlineData("POST", "revoke-other-sessions")]
    [InlineData("POST", "revoke-sessions")]
    public async Task SignedOutTheyAre401ProblemsNeverRedirects(string method, string path)
    {
        using var browser = web.Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/auth/" + path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(ProblemCodes.Unauthorized, (await Json.ReadAsync(response)).GetProperty("code").GetString());
    }

    [SkippableTheory]
    [InlineData("change-password", "", HttpStatusCode.UnprocessableEntity)]
    [InlineData("change-password", "{}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("change-password", "null", HttpStatusCode.UnprocessableEntity)]
    [InlineData("change-password", "{\"current_password\":", HttpStatusCode.BadRequest)]
    [InlineData("change-password", "{\"current_password\": 5, \"new_password\": true}", HttpStatusCode.BadRequest)]
    [InlineData("change-password", "[]", HttpStatusCode.BadRequest)]
    [InlineData("change-password", "{\"current_password\": \"x\\u0000y\", \"new_password\": \"a new password 7\"}", HttpStatusCode.Forbidden)]
    [InlineData("revoke-session", "", HttpStatusCode.UnprocessableEntity)]
    [InlineData("revoke-session", "{}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("revoke-session", "{\"id\": \"\"}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("revoke-session", "{\"id\": 42}", HttpStatusCode.BadRequest)]
    [InlineData("revoke-session", "{\"id\": \"' OR 1=1 --\"}", HttpStatusCode.NotFound)]
    [InlineData("revoke-session", "{\"id\": \"\\u0000\"}", HttpStatusCode.NotFound)]
    [InlineData("revoke-session", "{\"id\":", HttpStatusCode.BadRequest)]
    [InlineData("revoke-sessions", "{\"unexpected\":", HttpStatusCode.OK)]
    public async Task HostileBodiesAreClientErrorsNever500(string path, string body, HttpStatusCode expected)
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await browser.PostAsync("api/auth/" + path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [SkippableFact]
    public async Task ALongIdIsNotFoundWithoutTouchingTheDatabaseColumnWidth()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await browser.PostAsJsonAsync("api/auth/revoke-session", new { id = new string('x', 10_000) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("change-password")]
    [InlineData("revoke-session")]
    public async Task AnOversizedBodyIs413(string path)
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var huge = new string('a', 100 * 1024);

        using var request = OversizedRequests.Json(HttpMethod.Post, "api/auth/" + path,
            JsonSerializer.Serialize(new { current_password = huge, new_password = huge, id = huge }));
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("change-password")]
    [InlineData("revoke-session")]
    [InlineData("revoke-other-sessions")]
    [InlineData("revoke-sessions")]
    public async Task AFormPostIs415AndAnotherSitesPostIs403(string path)
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var form = await browser.PostAsync("api/auth/" + path, new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "x" }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/" + path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", "https://evil.example");
        using var crossSite = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string email, string? userAgent = null)
    {
        var browser = web.Browser();
        if (userAgent is not null)
        {
            browser.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }
        using var response = await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = WebServers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    private async Task<HttpResponseMessage> SignInResponseAsync(string email, string password)
    {
        using var browser = web.Browser();
        return await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email, password });
    }

    private static async Task<JsonElement> ListAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("api/auth/list-sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }
}

public sealed class SqliteSessionTests(SqliteWebServer web) : SessionTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresSessionTests(PostgresWebServer web) : SessionTests(web), IClassFixture<PostgresWebServer>;
