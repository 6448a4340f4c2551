using System.Net;
using System.Net.Http.Json;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The copied-cookie attempt (issue 8): someone copies the session cookie (a shared computer, a
/// proxy log, malware), the owner signs out, the copy is replayed. A session that lives only in the
/// cookie would still work for days; a server-side session is gone the moment it is signed out.
/// </summary>
public abstract class CopiedCookieTests(WebServerFixture web)
{
    [SkippableFact]
    public async Task ACookieCopiedBeforeSignOutIsRefusedAfterIt()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var copy = WebServers.SessionCookie(browser, web.Server);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "api/auth/token")).StatusCode);

        using var signOut = await browser.PostAsJsonAsync("api/auth/sign-out", new { });
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);

        using var token = await ReplayAsync(copy, "api/auth/token");
        using var session = await ReplayAsync(copy, "api/auth/get-session");
        using var page = await ReplayAsync(copy, "tasks");
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal("null", await session.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", WebServers.RedirectPath(page), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> ReplayAsync(string cookie, string path) => WebServers.ReplayAsync(web.Server, cookie, path);
}

public sealed class SqliteCopiedCookieTests(SqliteWebServer web) : CopiedCookieTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresCopiedCookieTests(PostgresWebServer web) : CopiedCookieTests(web), IClassFixture<PostgresWebServer>;
