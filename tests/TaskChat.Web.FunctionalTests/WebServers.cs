using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.TestSupport;
using TaskChat.Web.Api;
using TaskChat.Web.Sessions;

namespace TaskChat.Web.FunctionalTests;

/// <summary>What the web's tests do as a person would: sign up, keep the session cookie, ask for a token.</summary>
public static class WebServers
{
    /// <summary>The web's public URL, the issuer of its tokens, where a test says so (replicas behind one URL).</summary>
    public const string Issuer = "http://localhost:3000";
    public const string Audience = "taskchat";
    public const string Password = "correct horse 42";

    private static readonly ConditionalWeakTable<HttpClient, CookieContainer> Jars = [];

    /// <summary>A web (a replica, when called twice) on <paramref name="clock"/> that owns nothing but itself.</summary>
    public static async Task<RunningService> StartOnClockAsync(TestDatabase database, TimeProvider clock) =>
        (await new SystemBuilder(database.Url)
            .WithWeb(testServices: services => services.AddSingleton(clock))
            .Wired(wiring => wiring with { Issuer = Issuer })
            .StartAsync()).Web;

    public static HttpClient Browser(RunningService server)
    {
        var cookies = new CookieContainer();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        Jars.Add(browser, cookies);
        return browser;
    }

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    /// <summary>Signs up a new user (which signs the client in) and returns the user's email.</summary>
    public static async Task<(string Email, string UserId)> SignUpAsync(HttpClient browser, string name = "Ada Lovelace")
    {
        var email = NewEmail();
        using var response = await browser.PostAsJsonAsync("api/auth/sign-up/email", new { email, password = Password, name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        return (email, body.GetProperty("user").GetProperty("id").GetString()!);
    }

    /// <summary>The session cookie as a browser would send it (<c>taskchat.session=...</c>): what a thief would copy.</summary>
    public static string SessionCookie(HttpClient browser, RunningService server) =>
        CookiesOf(browser).GetCookies(server.BaseAddress)["taskchat.session"] is { } cookie
            ? $"{cookie.Name}={cookie.Value}"
            : throw new InvalidOperationException("The client holds no session cookie.");

    /// <summary>A GET with only <paramref name="cookie"/>, from a client that keeps nothing: a replayed copy.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(RunningService server, string cookie, string path, HttpMethod? method = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    /// <summary>Where a redirect leads, whether the server wrote the Location absolute or relative.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location && location.IsAbsoluteUri ? location.PathAndQuery : response.Headers.Location?.OriginalString;

    private static CookieContainer CookiesOf(HttpClient browser) =>
        Jars.TryGetValue(browser, out var cookies) ? cookies : throw new InvalidOperationException("Not a client from Browser().");

    /// <summary>
    /// The principal a page's circuit has for the user's one session (its user id and its session id),
    /// as the cookie handler builds it: for tests that call the web's services directly.
    /// </summary>
    public static async Task<ClaimsPrincipal> CircuitUserAsync(RunningService web, string userId)
    {
        var session = Assert.Single(await web.Services.GetRequiredService<SessionRecords>().ListAsync(userId, CancellationToken.None));
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(SessionRecords.SessionIdClaim, session.Id)], "test"));
    }

    /// <summary>The pages' ApiClient for a new user of <paramref name="web"/>, calling <paramref name="apiUrl"/> with that user's tokens.</summary>
    internal static async Task<ApiClient> ApiClientForNewUserAsync(RunningService web, Uri apiUrl, TimeSpan? callTimeout = null, TimeSpan? chatStreamIdleLimit = null)
    {
        using var browser = Browser(web);
        var (_, userId) = await SignUpAsync(browser);
        var user = await CircuitUserAsync(web, userId);
        return new ApiClient(new HttpClient { BaseAddress = apiUrl }, web.Services.GetRequiredService<ApiTokens>(), new SignedIn(user), new ChatRetryKeys())
        {
            CallTimeout = callTimeout ?? ApiClient.DefaultCallTimeout,
            ChatStreamIdleLimit = chatStreamIdleLimit ?? ApiClient.DefaultChatStreamIdleLimit,
        };
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    public static async Task<string> TokenAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("api/auth/token");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("token").GetString()!;
    }
}
