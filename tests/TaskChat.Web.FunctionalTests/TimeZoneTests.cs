using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskChat.Web.Api;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The user's time zone: taken from the browser at sign-up (the form's hidden field, the JSON's timeZone),
/// stored only when it is an IANA zone (otherwise UTC, and the sign-up still succeeds), changed on /account,
/// and carried by the next token as zoneinfo.
/// </summary>
public abstract partial class TimeZoneTests(WebServerFixture web)
{
    [SkippableTheory]
    [InlineData("Pacific/Auckland")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Europe/Paris")]
    [InlineData("UTC")]
    public async Task AnIanaZoneSentAtSignUpIsStoredAndCarriedByTheToken(string zone)
    {
        using var browser = web.Browser();

        using var response = await browser.PostAsJsonAsync("api/auth/sign-up/email",
            new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada", time_zone = zone });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(zone, await ZoneInTokenAsync(browser));
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("Europe/../../etc/shadow")]
    [InlineData("/etc/localtime")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Europe/Paris\u0000")]
    [InlineData("Europe/Paris'; DROP TABLE users; --")]
    [InlineData("Pacific Standard Time")]
    [InlineData("Z")]
    public async Task AnAbsentUnknownOrHostileZoneAtSignUpIsUtcAndTheAccountIsCreated(string? zone)
    {
        using var browser = web.Browser();

        using var response = await browser.PostAsJsonAsync("api/auth/sign-up/email",
            new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada", time_zone = zone });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("UTC", await ZoneInTokenAsync(browser));
    }

    [SkippableFact]
    public async Task AnOversizedZoneAtSignUpIsUtcAndTheAccountIsCreated()
    {
        using var browser = web.Browser();

        using var response = await browser.PostAsJsonAsync("api/auth/sign-up/email",
            new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada", time_zone = "Europe/" + new string('x', 5000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("UTC", await ZoneInTokenAsync(browser));
    }

    [SkippableFact]
    public async Task TheSignUpFormHasTheHiddenFieldAndStoresTheZoneItCarries()
    {
        using var browser = web.Browser();
        var page = await (await browser.GetAsync("sign-up")).Content.ReadAsStringAsync();

        using var response = await Forms.PostAsync(browser, "sign-up", new()
        {
            ["Input.Name"] = "Ada",
            ["Input.Email"] = WebServers.NewEmail(),
            ["Input.Password"] = WebServers.Password,
            ["Input.TimeZone"] = "America/New_York",
        });

        Assert.Matches("<input type=\"hidden\" name=\"Input.TimeZone\"[^>]*data-browser-time-zone", page);
        Assert.Equal("/chat", WebServers.RedirectPath(response));
        Assert.Equal("America/New_York", await ZoneInTokenAsync(browser));
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("../../etc/passwd")]
    [InlineData("Nowhere/Special")]
    public async Task TheSignUpFormWithoutScriptOrWithAHostileZoneStillSignsUpInUtc(string? zone)
    {
        using var browser = web.Browser();
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Ada",
            ["Input.Email"] = WebServers.NewEmail(),
            ["Input.Password"] = WebServers.Password,
        };
        if (zone is not null)
        {
            fields["Input.TimeZone"] = zone;
        }

        using var response = await Forms.PostAsync(browser, "sign-up", fields);

        Assert.Equal("/chat", WebServers.RedirectPath(response));
        Assert.Equal("UTC", await ZoneInTokenAsync(browser));
    }

    [SkippableFact]
    public async Task TheAccountPageListsTheZonesWithTheStoredOneSelectedAndOffersTheDetectedOne()
    {
        using var browser = web.Browser();
        await browser.PostAsJsonAsync("api/auth/sign-up/email",
            new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada", time_zone = "Asia/Tokyo" });

        var html = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"time-zone-select\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Asia/Tokyo\" selected", html);
        Assert.Contains("<option value=\"Pacific/Auckland\"", html, StringComparison.Ordinal);
        Assert.Contains("data-current-time-zone=\"Asia/Tokyo\"", html, StringComparison.Ordinal);
        Assert.Single(SelectedOptions().Matches(html));
    }

    [SkippableFact]
    public async Task AZoneChosenOnTheAccountPageIsStoredAndTheNextTokenCarriesIt()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        Assert.Equal("UTC", await ZoneInTokenAsync(browser));

        using var response = await Forms.PostAsync(browser, "account", new() { ["ZoneChoice"] = "Europe/Berlin" }, formName: "time-zone");
        using var after = await browser.GetAsync(WebServers.RedirectPath(response));

        Assert.Equal("/account?done=zone", WebServers.RedirectPath(response));
        Assert.Contains("Time zone saved: Europe/Berlin.", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", await ZoneInTokenAsync(browser));
    }

    [SkippableFact]
    public async Task TheDetectedZoneButtonWinsOverTheList()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await Forms.PostAsync(browser, "account",
            new() { ["ZoneChoice"] = "UTC", ["DetectedZone"] = "Pacific/Auckland" }, formName: "time-zone");

        Assert.Equal("/account?done=zone", WebServers.RedirectPath(response));
        Assert.Equal("Pacific/Auckland", await ZoneInTokenAsync(browser));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("<b>Europe/Paris</b>")]
    public async Task AnUnknownOrHostileZoneOnTheAccountPageIsRefusedAndNothingChanges(string zone)
    {
        using var browser = web.Browser();
        await browser.PostAsJsonAsync("api/auth/sign-up/email",
            new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada", time_zone = "Europe/Rome" });

        using var response = await Forms.PostAsync(browser, "account", new() { ["ZoneChoice"] = zone }, formName: "time-zone");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a time zone from the list.", html, StringComparison.Ordinal);
        Assert.Equal("Europe/Rome", await ZoneInTokenAsync(browser));
    }

    [SkippableFact]
    public async Task AnOversizedZoneOnTheAccountPageIsRefused()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await Forms.PostAsync(browser, "account", new() { ["ZoneChoice"] = "Europe/" + new string('A', 10_000) }, formName: "time-zone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a time zone from the list.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("UTC", await ZoneInTokenAsync(browser));
    }

    [SkippableFact]
    public async Task AZoneBeyondTheBodyLimitIsABadRequestAndNothingChanges()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await Forms.PostAsync(browser, "account", new() { ["ZoneChoice"] = new string('A', 100_000) }, formName: "time-zone");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UTC", await ZoneInTokenAsync(browser));
    }

    [SkippableFact]
    public async Task ThePagesCachedApiTokenIsReplacedOnceTheZoneChanges()
    {
        using var browser = web.Browser();
        var (_, userId) = await WebServers.SignUpAsync(browser);
        var user = await WebServers.CircuitUserAsync(web.Server, userId);
        var tokens = web.Server.Services.GetRequiredService<ApiTokens>();
        var before = await tokens.GetAsync(user, CancellationToken.None);

        using var response = await Forms.PostAsync(browser, "account", new() { ["ZoneChoice"] = "America/Chicago" }, formName: "time-zone");
        var after = await tokens.GetAsync(user, CancellationToken.None);

        Assert.Equal("/account?done=zone", WebServers.RedirectPath(response));
        Assert.Equal("UTC", new JsonWebToken(before).GetClaim("zoneinfo").Value);
        Assert.Equal("America/Chicago", new JsonWebToken(after).GetClaim("zoneinfo").Value);
    }

    private static async Task<string> ZoneInTokenAsync(HttpClient browser) =>
        new JsonWebToken(await WebServers.TokenAsync(browser)).GetClaim("zoneinfo").Value;

    [GeneratedRegex("<option [^>]*selected")]
    private static partial Regex SelectedOptions();
}

public sealed class SqliteTimeZoneTests(SqliteWebServer web) : TimeZoneTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresTimeZoneTests(PostgresWebServer web) : TimeZoneTests(web), IClassFixture<PostgresWebServer>;
