using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.OAuth;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// A web whose OAuth server issues tokens for <see cref="McpResource"/>, and whose client metadata
/// documents come from <see cref="MetadataHost"/> (a stand-in for the clients' https sites).
/// </summary>
public abstract class OAuthWebServer(DatabaseProvider provider) : WebServerFixture(provider)
{
    public const string McpResource = "https://mcp.example.test/mcp";

    public FakeMetadataHost MetadataHost { get; } = new();

    protected override SystemBuilder Describe(SystemBuilder system) =>
        // Every test registers clients from one address: the budget is tested on a web of its own.
        system.WithWeb(new Dictionary<string, string> { ["MCP_PUBLIC_URL"] = McpResource, ["OAUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR"] = "100000" }, MetadataFrom(MetadataHost))
            .Wired(wiring => wiring with { Issuer = WebServers.Issuer });

    public static Action<IServiceCollection> MetadataFrom(FakeMetadataHost host) => services =>
        services.AddHttpClient(ClientMetadataDocuments.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => host);
}

public sealed class SqliteOAuthWebServer() : OAuthWebServer(DatabaseProvider.Sqlite);

public sealed class PostgresOAuthWebServer() : OAuthWebServer(DatabaseProvider.Postgres);

/// <summary>
/// The clients' https sites: each URL answers what the test put there, and every request is counted.
/// It holds nothing to dispose, so the web's HttpClientFactory rotating it out does no harm.
/// </summary>
public sealed class FakeMetadataHost : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpResponseMessage>> _answers = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>A unique https URL on the fake host, for one test's client.</summary>
    public static string NewClientId() => $"https://client-{Guid.NewGuid():N}.example.test/oauth/client.json";

    public void Publish(string url, object document) => Answer(url, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(document) });

    public void Answer(string url, Func<HttpResponseMessage> answer) => _answers[url] = answer;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        Requests.AddOrUpdate(url, 1, (_, n) => n + 1);
        return Task.FromResult(_answers.TryGetValue(url, out var answer) ? answer() : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}

/// <summary>An outside MCP client's side of the flow, driven by HttpClient: PKCE, authorize, consent, token.</summary>
public sealed partial class OAuthClient(HttpClient browser, string clientId, string redirectUri)
{
    public const string Redirect = "http://127.0.0.1:53682/callback";

    public string ClientId => clientId;

    public string RedirectUri => redirectUri;

    public string Verifier { get; private set; } = NewVerifier();

    public static string NewVerifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Registers a client dynamically (RFC 7591) and returns it.</summary>
    public static async Task<OAuthClient> RegisterAsync(HttpClient browser, string name = "Test Client", string redirectUri = Redirect)
    {
        using var response = await browser.PostAsJsonAsync("oauth/register", new { client_name = name, redirect_uris = new[] { redirectUri } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ReadAsync(response);
        return new OAuthClient(browser, body.GetProperty("client_id").GetString()!, redirectUri);
    }

    /// <summary>The authorization request's parameters; <paramref name="change"/> edits them (null removes one).</summary>
    public string AuthorizeUrl(string scope = "tasks:read tasks:write", string state = "state-1", Action<Dictionary<string, string?>>? change = null)
    {
        Verifier = NewVerifier();
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["code_challenge"] = Challenge(Verifier),
            ["code_challenge_method"] = "S256",
            ["scope"] = scope,
            ["state"] = state,
            ["resource"] = OAuthWebServer.McpResource,
        };
        change?.Invoke(parameters);
        return QueryHelpers.AddQueryString("oauth/authorize", parameters.Where(p => p.Value is not null));
    }

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        return await browser.SendAsync(request);
    }

    /// <summary>Authorize, expecting the consent page; returns its URL and HTML.</summary>
    public async Task<(string Url, string Html, HttpResponseMessage Response)> ConsentPageAsync(string authorizeUrl)
    {
        using var authorize = await GetAsync(authorizeUrl);
        Assert.True(authorize.StatusCode == HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        var consentUrl = WebServers.RedirectPath(authorize)!;
        Assert.StartsWith("/oauth/consent?", consentUrl, StringComparison.Ordinal);
        var page = await GetAsync(consentUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (consentUrl, await page.Content.ReadAsStringAsync(), page);
    }

    /// <summary>Posts the consent page's form with <paramref name="decision"/> and returns the answer (a redirect to the client).</summary>
    public async Task<HttpResponseMessage> DecideAsync(string consentHtml, string decision)
    {
        var fields = HiddenField().Matches(consentHtml).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(consentHtml);
        fields[AuthorizeEndpoint.DecisionField] = decision;
        return await browser.PostAsync("oauth/authorize", new FormUrlEncodedContent(fields));
    }

    /// <summary>The whole front channel for a signed-in person: authorize, allow, and the code from the redirect.</summary>
    public async Task<string> AuthorizeAndAllowAsync(string scope = "tasks:read tasks:write")
    {
        var (_, html, _) = await ConsentPageAsync(AuthorizeUrl(scope));
        using var answer = await DecideAsync(html, AuthorizeEndpoint.Allow);
        return CodeFrom(answer);
    }

    /// <summary>The code in a redirect to the client, checking the redirect URI and the state.</summary>
    public string CodeFrom(HttpResponseMessage answer, string state = "state-1")
    {
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.StartsWith(redirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(state, query["state"].ToString());
        Assert.Equal(WebServers.Issuer, query["iss"].ToString());
        return query["code"].ToString();
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier = null, string? redirect = null) =>
        browser.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirect ?? redirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier ?? Verifier,
        }));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        browser.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
        }));

    /// <summary>The tokens of a successful exchange.</summary>
    public static async Task<(string AccessToken, string RefreshToken, JsonElement Body)> TokensAsync(HttpResponseMessage response)
    {
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return (body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!, body);
    }

    /// <summary>The OAuth error of a refused token request.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("error").GetString()!;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
