using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Issue 8 §4, as a checklist: every web response, pages, JSON endpoints, static files and errors,
/// carries a Content-Security-Policy that limits scripts to the web's own files and the import map's
/// hash, nosniff, a Referrer-Policy and no framing; HSTS in production over https.
/// (The browser test checks that the pages run under it without a violation.)
/// </summary>
public abstract partial class SecurityHeadersTests(WebServerFixture web)
{
    public static readonly TheoryData<string, string> Anonymous = new()
    {
        { "GET", "sign-in" },
        { "GET", "sign-up" },
        { "GET", "" },
        { "GET", "chat" },
        { "GET", "tasks" },
        { "GET", "no-such-page" },
        { "GET", "api/auth/get-session" },
        { "GET", "api/auth/token" },
        { "GET", "api/auth/jwks" },
        { "GET", "api/health" },
        { "GET", "health/live" },
        { "GET", "health/ready" },
        { "GET", "app.css" },
        { "GET", "_framework/blazor.web.js" },
        { "POST", "api/auth/sign-in/email" },
        { "POST", "api/auth/sign-up/email" },
    };

    [SkippableTheory]
    [MemberData(nameof(Anonymous))]
    public async Task Every_response_carries_the_browser_hardening_headers(string method, string path)
    {
        using var browser = web.Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { email = "not-an-email", password = "x" });
        }

        using var response = await browser.SendAsync(request);

        AssertHardened(response);
    }

    [SkippableTheory]
    [InlineData("chat")]
    [InlineData("tasks")]
    public async Task The_signed_in_pages_carry_them_too(string page)
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await browser.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
        AssertInlineScriptsAllowedByHash(response, await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData("sign-in")]
    [InlineData("sign-up")]
    public async Task The_only_inline_script_of_a_page_is_the_import_map_and_the_policy_names_its_hash(string page)
    {
        using var browser = web.Browser();

        using var response = await browser.GetAsync(page);

        AssertInlineScriptsAllowedByHash(response, await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task HSTS_is_not_sent_in_development_over_http()
    {
        using var browser = web.Browser();

        using var response = await browser.GetAsync("sign-in");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    internal static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Matches(@"^'self'( 'sha256-[A-Za-z0-9+/]+=*')?$", policy["script-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
    }

    /// <summary>Every inline script is allowed by a hash in the policy, and no script needs 'unsafe-inline'.</summary>
    private static void AssertInlineScriptsAllowedByHash(HttpResponseMessage response, string html)
    {
        var scriptSources = Directives(Header(response, "Content-Security-Policy"))["script-src"];
        var inline = InlineScript().Matches(html).Select(m => m.Groups[2].Value).ToList();
        Assert.Single(inline); // The import map.
        Assert.Contains("type=\"importmap\"", InlineScript().Match(html).Groups[1].Value, StringComparison.Ordinal);
        foreach (var script in inline)
        {
            var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
            Assert.Contains(hash, scriptSources, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe", scriptSources, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header.");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");

    /// <summary>A script element without a src attribute, and its text.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)([^>]*)>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}

public sealed class SqliteSecurityHeadersTests(SqliteWebServer web) : SecurityHeadersTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresSecurityHeadersTests(PostgresWebServer web) : SecurityHeadersTests(web), IClassFixture<PostgresWebServer>;

/// <summary>The web in production (PostgreSQL, the key ring certificate, an https public URL): HSTS on every response.</summary>
public sealed class ProductionSecurityHeadersTests(PostgresWebServer web) : IClassFixture<PostgresWebServer>
{
    [SkippableFact]
    public async Task HSTS_is_sent_in_production_when_the_public_URL_is_https()
    {
        using var certificate = TestCertificate.Create();
        var system = await web.StartAsync(s => s
            .WithWeb(new Dictionary<string, string> { ["KEY_RING_CERTIFICATE"] = certificate.Path, ["API_URL"] = "http://api.internal:8000" })
            .Wired(w => w with { Environment = "production", Issuer = "https://tasks.example.test" }));
        using var browser = WebServers.Browser(system.Web);

        using var page = await browser.GetAsync("sign-in");
        using var json = await browser.GetAsync("api/auth/get-session");

        foreach (var response in new[] { page, json })
        {
            Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
            SecurityHeadersTests.AssertHardened(response);
        }
    }
}
