using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// How clients become known (dynamic registration, RFC 7591; client metadata documents), the
/// Connected apps page that disconnects them, and an expired code.
/// </summary>
public abstract partial class OAuthClientRegistrationTests(OAuthWebServer web)
{
    [SkippableFact]
    public async Task ARegistrationGetsAPublicClientWithWhatItAskedFor()
    {
        using var http = web.Server.CreateHttpClient();

        using var response = await http.PostAsJsonAsync("oauth/register", new
        {
            client_name = "VS Code",
            redirect_uris = VsCodeRedirects,
            token_endpoint_auth_method = "none",
            grant_types = CodeAndRefresh,
            response_types = CodeOnly,
        });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("tc_", body.GetProperty("client_id").GetString(), StringComparison.Ordinal);
        Assert.Equal("VS Code", body.GetProperty("client_name").GetString());
        Assert.Equal("none", body.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(2, body.GetProperty("redirect_uris").GetArrayLength());
        Assert.False(body.TryGetProperty("client_secret", out _));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [SkippableTheory]
    [InlineData("client_secret_post")]
    [InlineData("client_secret_basic")]
    public async Task AClientAskingForASecretIsRegisteredAsPublicAndToldSo(string method)
    {
        // RFC 7591 lets the server replace requested metadata; the C# MCP SDK always asks for client_secret_post.
        using var http = web.Server.CreateHttpClient();

        using var response = await http.PostAsJsonAsync("oauth/register", new { redirect_uris = AppCb, token_endpoint_auth_method = method });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("none", body.GetProperty("token_endpoint_auth_method").GetString());
        Assert.False(body.TryGetProperty("client_secret", out _));
    }

    [SkippableTheory]
    [InlineData("{}", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":[]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":"https://a.example/cb"}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["http://app.example/cb"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["https://app.example/cb#frag"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["javascript:alert(1)"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["https://user:pw@app.example/cb"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["/relative"]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":[42]}""", "invalid_redirect_uri")]
    [InlineData("""{"redirect_uris":["https://app.example/cb"],"token_endpoint_auth_method":"private_key_jwt"}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://app.example/cb"],"grant_types":["client_credentials"]}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://app.example/cb"],"response_types":["token"]}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://app.example/cb"],"client_name":"Evil\u0000App"}""", "invalid_client_metadata")]
    [InlineData("""{"redirect_uris":["https://app.example/cb"],"client_uri":"javascript:alert(1)"}""", "invalid_client_metadata")]
    [InlineData("""[]""", "invalid_client_metadata")]
    [InlineData("""not json""", "invalid_client_metadata")]
    [InlineData("", "invalid_client_metadata")]
    public async Task AnUnacceptableRegistrationIsRefusedWithTheRfc7591Error(string json, string error)
    {
        using var http = web.Server.CreateHttpClient();

        using var response = await http.PostAsync("oauth/register", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }

    [SkippableFact]
    public async Task OversizedRegistrationsAreRefused()
    {
        using var http = web.Server.CreateHttpClient();

        using var tooMany = await http.PostAsJsonAsync("oauth/register", new { redirect_uris = Enumerable.Range(0, 11).Select(i => $"https://app.example/cb{i}") });
        using var longName = await http.PostAsJsonAsync("oauth/register", new { client_name = new string('a', 101), redirect_uris = AppCb });
        using var longUri = await http.PostAsJsonAsync("oauth/register", new { redirect_uris = OverlongRedirect });
        using var huge = await http.PostAsJsonAsync("oauth/register", new { client_name = "x", redirect_uris = AppCb, padding = new string('p', 20_000) });
        using var notJson = await http.PostAsync("oauth/register", new StringContent("redirect_uris=https://app.example/cb", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal("invalid_redirect_uri", (await Json.ReadAsync(tooMany)).GetProperty("error").GetString());
        Assert.Equal("invalid_client_metadata", (await Json.ReadAsync(longName)).GetProperty("error").GetString());
        Assert.Equal("invalid_redirect_uri", (await Json.ReadAsync(longUri)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [SkippableFact]
    public async Task RegistrationsFromOneAddressAreRateLimited()
    {
        await using var system = await web.StartAsync(s => s
            .WithWeb(new Dictionary<string, string> { ["OAUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR"] = "2" })
            .Wired(w => w with { Issuer = WebServers.Issuer }));
        using var http = system.Web.CreateHttpClient();
        var body = new { redirect_uris = AppCb };

        using var first = await http.PostAsJsonAsync("oauth/register", body);
        using var second = await http.PostAsJsonAsync("oauth/register", body);
        using var third = await http.PostAsJsonAsync("oauth/register", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter is not null);
    }

    [SkippableFact]
    public async Task TokenAndRevocationRequestsFromOneAddressAreRateLimited()
    {
        // OpenIddict answers these before routing; the global limiter still counts them (guessing codes or refresh tokens).
        await using var system = await web.StartAsync(s => s
            .WithWeb(new Dictionary<string, string> { ["AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE"] = "3" })
            .Wired(w => w with { Issuer = WebServers.Issuer }));
        using var http = system.Web.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            using var guess = await http.PostAsync(i % 2 == 0 ? "oauth/token" : "oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = "guess-" + i,
                ["token"] = "guess-" + i,
                ["client_id"] = "tc_unknown",
            }));
            statuses.Add(guess.StatusCode);
            if (guess.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(guess.Headers.RetryAfter is not null);
            }
        }
        using var metadata = await http.GetAsync(".well-known/oauth-authorization-server");

        Assert.All(statuses.Take(3), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode); // Only the token and revocation endpoints share that budget.
    }

    [SkippableFact]
    public async Task AMetadataDocumentClientIsFetchedCheckedAndNamedOnTheConsentPage()
    {
        var clientId = FakeMetadataHost.NewClientId();
        web.MetadataHost.Publish(clientId, new { client_id = clientId, client_name = "Claude", redirect_uris = ClaudeCallback });
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = new OAuthClient(browser, clientId, "https://claude.ai/api/mcp/auth_callback");

        var (_, html, _) = await client.ConsentPageAsync(client.AuthorizeUrl());
        using var answer = await client.DecideAsync(html, "allow");
        using var exchange = await client.ExchangeAsync(client.CodeFrom(answer));
        using var again = await client.GetAsync(client.AuthorizeUrl(scope: "tasks:read tasks:write offline_access"));

        Assert.Contains("data-testid=\"consent-client\">Claude<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"consent-host\">claude.ai<", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"consent-publisher\">{new Uri(clientId).Host}<", html, StringComparison.Ordinal);
        await OAuthClient.TokensAsync(exchange);
        Assert.False(string.IsNullOrEmpty(client.CodeFrom(again))); // Allowed before: no second consent.
        Assert.Equal(1, web.MetadataHost.Requests[clientId]); // Kept for five minutes, not fetched on every request.
    }

    [SkippableFact]
    public async Task AMetadataDocumentThatDoesNotListTheRedirectUriIsRefusedWithoutRedirect()
    {
        var clientId = FakeMetadataHost.NewClientId();
        web.MetadataHost.Publish(clientId, new { client_id = clientId, client_name = "App", redirect_uris = AppCallback });
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = new OAuthClient(browser, clientId, "https://attacker.example/callback");

        using var response = await client.GetAsync(client.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("other-id")]
    [InlineData("not-json")]
    [InlineData("not-found")]
    [InlineData("redirect")]
    [InlineData("huge")]
    [InlineData("no-redirects")]
    [InlineData("http-redirect")]
    public async Task AMetadataDocumentThatIsNotAcceptableRefusesTheClient(string problem)
    {
        var clientId = FakeMetadataHost.NewClientId();
        const string Callback = "https://app.example/callback";
        Func<HttpResponseMessage> answer = problem switch
        {
            "other-id" => () => Ok(new { client_id = "https://other.example/client.json", redirect_uris = AppCallback }),
            "not-json" => () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>", Encoding.UTF8, "text/html") },
            "not-found" => () => new HttpResponseMessage(HttpStatusCode.NotFound),
            "redirect" => () => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://169.254.169.254/latest/meta-data") } },
            "huge" => () => Ok(new { client_id = clientId, redirect_uris = AppCallback, padding = new string('p', 20_000) }),
            "no-redirects" => () => Ok(new { client_id = clientId, redirect_uris = Array.Empty<string>() }),
            _ => () => Ok(new { client_id = clientId, redirect_uris = PlainHttpCallback }),
        };
        web.MetadataHost.Answer(clientId, answer);
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = new OAuthClient(browser, clientId, problem == "http-redirect" ? "http://app.example/callback" : Callback);

        using var response = await client.GetAsync(client.AuthorizeUrl());

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("https://10.0.0.5/client.json")]
    [InlineData("https://127.0.0.1/client.json")]
    [InlineData("https://[::1]/client.json")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/latest/meta-data")] // 169.254.169.254 through NAT64
    [InlineData("https://[64:ff9b::a00:5]/client.json")] // 10.0.0.5 through NAT64
    [InlineData("https://[::7f00:1]/client.json")] // 127.0.0.1, IPv4-compatible
    [InlineData("https://[2002:a00:5::1]/client.json")] // 10.0.0.5's 6to4 network
    [InlineData("https://[64:ff9b:1::a00:5]/client.json")] // local-use NAT64
    [InlineData("https://app.example")]
    [InlineData("https://app.example/a/../client.json")]
    [InlineData("https://user:pw@app.example/client.json")]
    public async Task AMetadataDocumentUrlOnAPrivateAddressOrMalformedIsNeverFetched(string clientId)
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = new OAuthClient(browser, clientId, "https://app.example/callback");

        using var response = await client.GetAsync(client.AuthorizeUrl());

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain(web.MetadataHost.Requests.Keys, url => url.StartsWith(clientId.Split('/')[2], StringComparison.Ordinal) || url == clientId);
    }

    [SkippableFact]
    public async Task ConnectedAppsListsTheClientAndDisconnectingEndsItsRefreshTokensAtOnce()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser, name: "MCP Inspector");
        using var exchange = await client.ExchangeAsync(await client.AuthorizeAndAllowAsync());
        var (_, refreshToken, _) = await OAuthClient.TokensAsync(exchange);
        using var stranger = web.Browser();
        await WebServers.SignUpAsync(stranger);

        var account = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();
        var html = await (await browser.GetAsync("account/apps")).Content.ReadAsStringAsync();
        var applicationId = RevokeValue().Match(html).Groups[1].Value;
        // Another user posting this app's id revokes nothing of this user's.
        using var strangersPost = await PostRevokeAsync(stranger, applicationId);
        using var stillWorks = await client.RefreshAsync(refreshToken);
        var (_, rotated, _) = await OAuthClient.TokensAsync(stillWorks);
        using var revoke = await PostRevokeAsync(browser, applicationId);
        using var refused = await client.RefreshAsync(rotated);
        var after = await (await browser.GetAsync("account/apps")).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/account/apps\"", account, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"app-name\">MCP Inspector<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"app-host\">127.0.0.1<", html, StringComparison.Ordinal);
        Assert.Contains("See your tasks", html, StringComparison.Ordinal);
        Assert.Contains("last used", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal("/account/apps?done=revoked", WebServers.RedirectPath(revoke));
        Assert.Equal("invalid_grant", await OAuthClient.ErrorAsync(refused));
        Assert.Contains("data-testid=\"apps-empty\"", after, StringComparison.Ordinal);
        // A new authorization asks for consent again.
        await client.ConsentPageAsync(client.AuthorizeUrl());
    }

    [SkippableFact]
    public async Task AnExpiredCodeIsInvalidGrant()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await web.StartAsync(s => s
            .WithWeb(new Dictionary<string, string> { ["MCP_PUBLIC_URL"] = OAuthWebServer.McpResource }, services => services.AddSingleton<TimeProvider>(clock))
            .Wired(w => w with { Issuer = WebServers.Issuer }));
        using var browser = WebServers.Browser(system.Web);
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);
        var code = await client.AuthorizeAndAllowAsync();

        clock.Advance(TimeSpan.FromMinutes(3)); // Codes live two minutes.
        using var exchange = await client.ExchangeAsync(code);

        Assert.Equal("invalid_grant", await OAuthClient.ErrorAsync(exchange));
    }

    private static readonly string[] VsCodeRedirects = ["http://127.0.0.1:33418/", "https://vscode.dev/redirect"];
    private static readonly string[] CodeAndRefresh = ["authorization_code", "refresh_token"];
    private static readonly string[] CodeOnly = ["code"];
    private static readonly string[] AppCb = ["https://app.example/cb"];
    private static readonly string[] OverlongRedirect = ["https://app.example/" + new string('a', 2001)];
    private static readonly string[] ClaudeCallback = ["https://claude.ai/api/mcp/auth_callback"];
    private static readonly string[] AppCallback = ["https://app.example/callback"];
    private static readonly string[] PlainHttpCallback = ["http://app.example/callback"];

    private static HttpResponseMessage Ok(object document) => new(HttpStatusCode.OK) { Content = JsonContent.Create(document) };

    private static async Task<HttpResponseMessage> PostRevokeAsync(HttpClient browser, string applicationId)
    {
        var html = await (await browser.GetAsync("account/apps")).Content.ReadAsStringAsync();
        return await browser.PostAsync("account/apps", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["RevokeId"] = applicationId,
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html),
            ["_handler"] = "revoke-app",
        }));
    }

    [GeneratedRegex("name=\"RevokeId\" value=\"([^\"]+)\"")]
    private static partial Regex RevokeValue();
}

public sealed class SqliteOAuthClientRegistrationTests(SqliteOAuthWebServer web) : OAuthClientRegistrationTests(web), IClassFixture<SqliteOAuthWebServer>;

public sealed class PostgresOAuthClientRegistrationTests(PostgresOAuthWebServer web) : OAuthClientRegistrationTests(web), IClassFixture<PostgresOAuthWebServer>;
