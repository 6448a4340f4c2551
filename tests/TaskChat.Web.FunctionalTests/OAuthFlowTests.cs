using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The web as an OAuth 2.1 authorization server, driven as an outside MCP client drives it: metadata,
/// registration, authorize with sign-in and consent, the code exchange with PKCE, refresh, and
/// every refusal the issue names.
/// </summary>
public abstract class OAuthFlowTests(OAuthWebServer web)
{
    [SkippableFact]
    public async Task TheMetadataIsTheSameDocumentAtTheRfc8414AndOpenIdPaths()
    {
        using var http = web.Server.CreateHttpClient();

        using var rfc8414 = await http.GetAsync(".well-known/oauth-authorization-server");
        using var openId = await http.GetAsync(".well-known/openid-configuration");
        var metadata = await Json.ReadAsync(rfc8414);

        Assert.Equal(HttpStatusCode.OK, rfc8414.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openId.StatusCode);
        Assert.Equal(metadata.ToString(), (await Json.ReadAsync(openId)).ToString());
        Assert.Equal(WebServers.Issuer, metadata.GetProperty("issuer").GetString()); // Exactly the api tokens' iss: no trailing slash.
        Assert.Equal(WebServers.Issuer + "/oauth/authorize", metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(WebServers.Issuer + "/oauth/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(WebServers.Issuer + "/oauth/revoke", metadata.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(WebServers.Issuer + "/oauth/register", metadata.GetProperty("registration_endpoint").GetString());
        Assert.Equal(WebServers.Issuer + "/api/auth/jwks", metadata.GetProperty("jwks_uri").GetString()); // One key set for both kinds of token.
        Assert.Equal(["S256"], Strings(metadata, "code_challenge_methods_supported"));
        Assert.Equal(["none"], Strings(metadata, "token_endpoint_auth_methods_supported"));
        Assert.Equal(["authorization_code", "refresh_token"], Strings(metadata, "grant_types_supported"));
        Assert.Equal(["code"], Strings(metadata, "response_types_supported"));
        Assert.Contains("tasks:read", Strings(metadata, "scopes_supported"));
        Assert.Contains("tasks:write", Strings(metadata, "scopes_supported"));
        Assert.True(metadata.GetProperty("client_id_metadata_document_supported").GetBoolean());
    }

    [SkippableFact]
    public async Task TheFullCodeFlowGivesAnAccessTokenForTheMcpThatTheJwksValidates()
    {
        using var browser = web.Browser();
        var (_, userId) = await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser, name: "Claude Desktop");

        var (_, html, page) = await client.ConsentPageAsync(client.AuthorizeUrl());
        using var answer = await client.DecideAsync(html, "allow");
        var code = client.CodeFrom(answer);
        using var exchange = await client.ExchangeAsync(code);
        var (accessToken, refreshToken, body) = await OAuthClient.TokensAsync(exchange);

        // The consent page names the client, where it sends the person back, and the scopes in words.
        Assert.Contains("data-testid=\"consent-client\">Claude Desktop<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"consent-host\">127.0.0.1<", html, StringComparison.Ordinal);
        Assert.Contains(">See your tasks<", html, StringComparison.Ordinal);
        Assert.Contains(">Add, change and delete your tasks<", html, StringComparison.Ordinal);
        // Chromium checks form-action on the redirect after the post: the client's origin, and nothing else, is added.
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("form-action 'self' http://127.0.0.1:53682", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", csp.Replace("style-src 'self' 'unsafe-inline';", "", StringComparison.Ordinal), StringComparison.Ordinal);

        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 1, 600);
        Assert.False(string.IsNullOrEmpty(refreshToken));
        var validated = await ValidateForMcpAsync(browser, accessToken);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var jwt = new JsonWebToken(accessToken);
        Assert.Equal("ES256", jwt.Alg);
        Assert.Contains(jwt.Kid, Jwks.KeyIds(await Jwks.FetchAsync(browser))); // The api tokens' key ring.
        Assert.Equal([OAuthWebServer.McpResource], jwt.Audiences);
        Assert.Equal(userId, jwt.Subject);
        Assert.Equal("UTC", jwt.GetClaim("zoneinfo").Value);
        Assert.Equal(["offline_access", "tasks:read", "tasks:write"], jwt.GetClaim("scope").Value.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal(client.ClientId, jwt.GetClaim("client_id").Value);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [SkippableFact]
    public async Task AScopeAskedForAloneIsAllTheTokenCarries()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        var (_, html, _) = await client.ConsentPageAsync(client.AuthorizeUrl(scope: "tasks:read"));
        using var answer = await client.DecideAsync(html, "allow");
        using var exchange = await client.ExchangeAsync(client.CodeFrom(answer));
        var (accessToken, _, _) = await OAuthClient.TokensAsync(exchange);

        Assert.Contains(">See your tasks<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Add, change and delete", html, StringComparison.Ordinal);
        Assert.Equal(["offline_access", "tasks:read"], new JsonWebToken(accessToken).GetClaim("scope").Value.Split(' ').Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task ASecondAuthorizationSkipsConsentUnlessTheScopesGrow()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);
        await client.AuthorizeAndAllowAsync(scope: "tasks:read");

        using var again = await client.GetAsync(client.AuthorizeUrl(scope: "tasks:read"));
        var code = client.CodeFrom(again);
        using var exchange = await client.ExchangeAsync(code);
        using var more = await client.GetAsync(client.AuthorizeUrl(scope: "tasks:read tasks:write"));

        await OAuthClient.TokensAsync(exchange);
        Assert.Equal(HttpStatusCode.Redirect, more.StatusCode);
        Assert.StartsWith("/oauth/consent?", WebServers.RedirectPath(more), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DenyingSendsAccessDeniedToTheClientAndGrantsNothing()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        var (_, html, _) = await client.ConsentPageAsync(client.AuthorizeUrl());
        using var answer = await client.DecideAsync(html, "deny");
        using var again = await client.GetAsync(client.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith(client.RedirectUri + "?", answer.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(answer.Headers.Location.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Equal("state-1", query["state"].ToString());
        Assert.False(query.ContainsKey("code"));
        Assert.StartsWith("/oauth/consent?", WebServers.RedirectPath(again), StringComparison.Ordinal); // Still asks.
    }

    [SkippableFact]
    public async Task TheConsentFormWithoutItsAntiforgeryTokenIsRefused()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);
        var (_, html, _) = await client.ConsentPageAsync(client.AuthorizeUrl());

        var forged = html.Replace("name=\"__RequestVerificationToken\" value=\"", "name=\"__RequestVerificationToken\" value=\"x", StringComparison.Ordinal);
        using var answer = await client.DecideAsync(forged, "allow");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
    }

    [SkippableFact]
    public async Task SigningInFirstComesBackToTheAuthorizationRequest()
    {
        using var signUp = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(signUp);
        var client = await OAuthClient.RegisterAsync(signUp);
        using var browser = web.Browser();
        var visitor = new OAuthClient(browser, client.ClientId, client.RedirectUri);
        var authorizeUrl = visitor.AuthorizeUrl();

        using var authorize = await visitor.GetAsync(authorizeUrl);
        var signInUrl = WebServers.RedirectPath(authorize)!;
        using var signInPage = await visitor.GetAsync(signInUrl);
        var signInHtml = await signInPage.Content.ReadAsStringAsync();
        using var signedIn = await browser.PostAsync(signInUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = WebServers.Password,
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(signInHtml),
            ["_handler"] = "sign-in",
        }));

        Assert.StartsWith("/sign-in?ReturnUrl=", signInUrl, StringComparison.Ordinal);
        // Were the person's consent already given, the sign-in form would end at the client: the CSP lets it.
        Assert.EndsWith("form-action 'self' http://127.0.0.1:53682", signInPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/" + authorizeUrl, WebServers.RedirectPath(signedIn));
        await visitor.ConsentPageAsync(WebServers.RedirectPath(signedIn)!);
    }

    [SkippableFact]
    public async Task AWrongPkceVerifierIsInvalidGrant()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);
        var code = await client.AuthorizeAndAllowAsync();

        using var wrong = await client.ExchangeAsync(code, verifier: OAuthClient.NewVerifier());

        Assert.Equal("invalid_grant", await OAuthClient.ErrorAsync(wrong));
    }

    [SkippableFact]
    public async Task ACodeUsedTwiceIsInvalidGrantAndRevokesWhatItGave()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);
        var code = await client.AuthorizeAndAllowAsync();
        using var first = await client.ExchangeAsync(code);
        var (_, refreshToken, _) = await OAuthClient.TokensAsync(first);

        using var second = await client.ExchangeAsync(code);
        using var refresh = await client.RefreshAsync(refreshToken);

        Assert.Equal("invalid_grant", await OAuthClient.ErrorAsync(second));
        Assert.Equal("invalid_grant", await OAuthClient.ErrorAsync(refresh)); // The first exchange's tokens are revoked.
    }

    [SkippableFact]
    public async Task ACodeForAnotherRedirectUriIsInvalidGrant()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);
        var code = await client.AuthorizeAndAllowAsync();

        using var exchange = await client.ExchangeAsync(code, redirect: "http://127.0.0.1:53682/elsewhere");

        Assert.Equal("invalid_grant", await OAuthClient.ErrorAsync(exchange));
    }

    [SkippableFact]
    public async Task ARefreshTokenRotatesAndTheOldOneIsRefusedAfterUse()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);
        using var exchange = await client.ExchangeAsync(await client.AuthorizeAndAllowAsync());
        var (_, refreshToken, _) = await OAuthClient.TokensAsync(exchange);

        using var refreshed = await client.RefreshAsync(refreshToken);
        var (accessToken, newRefreshToken, _) = await OAuthClient.TokensAsync(refreshed);
        using var reused = await client.RefreshAsync(refreshToken);

        Assert.NotEqual(refreshToken, newRefreshToken);
        Assert.True((await ValidateForMcpAsync(browser, accessToken)).IsValid);
        Assert.Equal("invalid_grant", await OAuthClient.ErrorAsync(reused));
    }

    [SkippableFact]
    public async Task ARedirectUriTheClientDidNotRegisterGetsAnErrorPageAndNoRedirect()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        using var response = await client.GetAsync(client.AuthorizeUrl(change: p => p["redirect_uri"] = "https://attacker.example/callback"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("redirect_uri", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AConsentPageForAnUnregisteredRedirectUriOffersNoForm()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        using var page = await client.GetAsync("oauth/consent?" + client.AuthorizeUrl(change: p => p["redirect_uri"] = "https://attacker.example/cb").Split('?')[1]);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"form-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("consent-allow", html, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ALoopbackRedirectUriMatchesOnAnyPort()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var registered = await OAuthClient.RegisterAsync(browser, redirectUri: "http://127.0.0.1/callback");
        var client = new OAuthClient(browser, registered.ClientId, "http://127.0.0.1:49152/callback");

        var code = await client.AuthorizeAndAllowAsync();
        using var exchange = await client.ExchangeAsync(code);
        using var otherPath = await client.GetAsync(client.AuthorizeUrl(change: p => p["redirect_uri"] = "http://127.0.0.1:49152/other"));

        await OAuthClient.TokensAsync(exchange);
        Assert.Equal(HttpStatusCode.BadRequest, otherPath.StatusCode);
    }

    [SkippableFact]
    public async Task AnUnknownResourceIsInvalidTarget()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        using var response = await client.GetAsync(client.AuthorizeUrl(change: p => p["resource"] = "https://api.other.example/mcp"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_target", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NoResourceGivesATokenForTheMcp()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        var (_, html, _) = await client.ConsentPageAsync(client.AuthorizeUrl(change: p => p["resource"] = null));
        using var answer = await client.DecideAsync(html, "allow");
        using var exchange = await client.ExchangeAsync(client.CodeFrom(answer));
        var (accessToken, _, _) = await OAuthClient.TokensAsync(exchange);

        Assert.Equal([OAuthWebServer.McpResource], new JsonWebToken(accessToken).Audiences);
    }

    [SkippableTheory]
    [InlineData("plain", "code_challenge_method")]
    [InlineData(null, "code_challenge_method")]
    public async Task PkceWithoutS256IsRefused(string? method, string named)
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        using var response = await client.GetAsync(client.AuthorizeUrl(change: p => p["code_challenge_method"] = method));
        using var noChallenge = await client.GetAsync(client.AuthorizeUrl(change: p => p["code_challenge"] = null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noChallenge.StatusCode);
        Assert.Contains("code_challenge", await noChallenge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnUnknownClientOrScopeIsRefused()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        using var unknownClient = await client.GetAsync(client.AuthorizeUrl(change: p => p["client_id"] = "tc_unknown"));
        using var unknownScope = await client.GetAsync(client.AuthorizeUrl(scope: "tasks:admin"));

        Assert.Equal(HttpStatusCode.BadRequest, unknownClient.StatusCode);
        Assert.Contains("client_id", await unknownClient.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("invalid_scope", await unknownScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task PromptNoneWithoutConsentIsConsentRequired()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var client = await OAuthClient.RegisterAsync(browser);

        using var response = await client.GetAsync(client.AuthorizeUrl(change: p => p["prompt"] = "none"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("consent_required", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString());
    }

    /// <summary>As the mcp validates: the JWKS the metadata names, the issuer, the mcp as audience, ES256.</summary>
    internal static async Task<TokenValidationResult> ValidateForMcpAsync(HttpClient http, string token) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = (await Jwks.FetchAsync(http)).GetSigningKeys(),
            ValidIssuer = WebServers.Issuer,
            ValidAudience = OAuthWebServer.McpResource,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });

    private static string[] Strings(JsonElement json, string name) => [.. json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}

public sealed class SqliteOAuthFlowTests(SqliteOAuthWebServer web) : OAuthFlowTests(web), IClassFixture<SqliteOAuthWebServer>;

public sealed class PostgresOAuthFlowTests(PostgresOAuthWebServer web) : OAuthFlowTests(web), IClassFixture<PostgresOAuthWebServer>;
