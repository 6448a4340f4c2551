using System.Net;
using System.Net.Http.Json;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>What the web's tests do as a person would: sign up, keep the session cookie, ask for a token.</summary>
public static class WebServers
{
    /// <summary>The web's public URL, the issuer of its tokens, where a test says so (replicas behind one URL).</summary>
    public const string Issuer = "http://localhost:3000";
    public const string Audience = "taskchat";
    public const string Password = "correct horse 42";

    public static HttpClient Browser(RunningService server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

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

    public static async Task<string> TokenAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("api/auth/token");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("token").GetString()!;
    }
}
