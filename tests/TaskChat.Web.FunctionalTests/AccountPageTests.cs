using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace TaskChat.Web.FunctionalTests;

/// <summary>The account page's server-rendered forms over plain HTTP, as a browser without script posts them.</summary>
public abstract class AccountPageTests(WebServerFixture web)
{
    [SkippableFact]
    public async Task TheHeaderLinksToTheAccountPageWhichListsTheSessionsWithThisOneMarked()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser, name: "Grace Hopper");
        using var elsewhere = await SignInAsync(email);

        var chat = await (await browser.GetAsync("chat")).Content.ReadAsStringAsync();
        using var response = await browser.GetAsync("account");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"nav-account\"", chat, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Grace Hopper", html, StringComparison.Ordinal);
        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "data-testid=\"session\""));
        Assert.Equal(1, Regex.Count(html, "data-testid=\"session-current\""));
        Assert.Equal(1, Regex.Count(html, "data-testid=\"session-revoke\""));
        foreach (var id in new[] { "current-password", "new-password", "change-password-submit", "sign-out-others", "sign-out-everywhere" })
        {
            Assert.Contains($"data-testid=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task AnAnonymousVisitIsSentToSignIn()
    {
        using var browser = web.Browser();

        using var response = await browser.GetAsync("account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", WebServers.RedirectPath(response), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WithTheApiDownDownloadingYourDataComesBackToTheAccountPageSayingSo()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await browser.GetAsync("account/export");
        var page = await (await browser.GetAsync(WebServers.RedirectPath(response))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account?export=unavailable#your-data", WebServers.RedirectPath(response));
        Assert.Contains("data-testid=\"export-error\"", page, StringComparison.Ordinal);
        Assert.Contains("could not be downloaded", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheChangePasswordFormSaysWhenTheCurrentPasswordIsWrong()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await PostFormAsync(browser, "change-password", new() { ["Password.Current"] = "wrong password 1", ["Password.New"] = "a new password 7" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"form-error\"", html, StringComparison.Ordinal);
        Assert.Contains("That is not your current password.", html, StringComparison.Ordinal);
        // Neither password is written back into the page (they were, as the fields' values).
        Assert.DoesNotContain("wrong password 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a new password 7", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheChangePasswordFormRefusesTheCurrentPasswordAsTheNewOneUnderItsFieldAndSignsNobodyOut()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        using var elsewhere = await SignInAsync(email);

        using var response = await PostFormAsync(browser, "change-password", new() { ["Password.Current"] = WebServers.Password, ["Password.New"] = WebServers.Password });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"new-password\" aria-describedby=\"new-password-hint new-password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"new-password-error\">That is your current password: choose a new one.<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"form-error\"", html, StringComparison.Ordinal); // said once, under the field
        Assert.DoesNotContain(WebServers.Password, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task TheChangePasswordFormSignsOutTheOtherSessionsAndKeepsThisOne()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        using var elsewhere = await SignInAsync(email);

        using var response = await PostFormAsync(browser, "change-password", new() { ["Password.Current"] = WebServers.Password, ["Password.New"] = "a new password 7" });
        using var after = await browser.GetAsync(WebServers.RedirectPath(response));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account?done=password", WebServers.RedirectPath(response));
        Assert.Contains("Password changed.", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task ASessionSignedOutFromTheListEndsAndTheOthersStay()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        using var elsewhere = await SignInAsync(email);
        var sessions = await browser.GetFromJsonAsync<SessionItem[]>("api/auth/list-sessions");
        var otherId = Assert.Single(sessions!, s => !s.Current).Id;

        using var response = await PostFormAsync(browser, "revoke-session", new() { ["RevokeId"] = otherId });

        Assert.Equal("/account?done=revoked", WebServers.RedirectPath(response));
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task SignOutEverywhereEndsThisSessionToo()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        var copy = WebServers.SessionCookie(browser, web.Server);
        using var elsewhere = await SignInAsync(email);

        using var response = await PostFormAsync(browser, "sign-out-everywhere", []);

        Assert.Equal("/sign-in", WebServers.RedirectPath(response));
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebServers.ReplayAsync(web.Server, copy, "api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebServers.ReplayAsync(web.Server, copy, "account")).StatusCode);
    }

    [SkippableFact]
    public async Task RemindersByEmailAreOnForANewAccountAndTheSettingTurnsThemOffAndOnAgain()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        var fresh = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();

        // An unticked box sends nothing: the form's post alone says "off"; anything but "on" is not a yes.
        using var off = await Forms.PostAsync(browser, "account", new() { ["EmailReminders"] = "yes<script>" }, formName: "reminder-email");
        var afterOff = await (await browser.GetAsync(WebServers.RedirectPath(off))).Content.ReadAsStringAsync();
        using var on = await Forms.PostAsync(browser, "account", new() { ["EmailReminders"] = "on" }, formName: "reminder-email");
        var afterOn = await (await browser.GetAsync(WebServers.RedirectPath(on))).Content.ReadAsStringAsync();

        Assert.Matches(ReminderToggle(@checked: true), fresh);
        Assert.Contains("href=\"/account#reminders\"", await (await browser.GetAsync("notifications")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/account?done=reminders", WebServers.RedirectPath(off), StringComparison.Ordinal);
        Assert.Matches(ReminderToggle(@checked: false), afterOff);
        Assert.Contains("Saved: reminders won&#x27;t be emailed.", afterOff, StringComparison.Ordinal);
        Assert.Matches(ReminderToggle(@checked: true), afterOn);
        Assert.Contains("Saved: reminders you miss will be emailed to", afterOn, StringComparison.Ordinal);
    }

    private static Regex ReminderToggle(bool @checked) =>
        new(@checked ? "<input type=\"checkbox\" name=\"EmailReminders\" value=\"on\" checked" : "<input type=\"checkbox\" name=\"EmailReminders\" value=\"on\" data-testid");

    [SkippableFact]
    public async Task AFormPostWithoutTheAntiforgeryTokenChangesNothing()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        using var elsewhere = await SignInAsync(email);

        using var response = await browser.PostAsync("account", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-out-everywhere" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("api/auth/token")).StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var browser = web.Browser();
        using var response = await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = WebServers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    /// <summary>As a browser does: load the page (antiforgery cookie and field), then post one of its forms.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string form, Dictionary<string, string> fields)
    {
        using var page = await browser.GetAsync("account");
        fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        fields["_handler"] = form;
        return await browser.PostAsync("account", new FormUrlEncodedContent(fields));
    }

    private sealed record SessionItem(string Id, bool Current);
}

public sealed class SqliteAccountPageTests(SqliteWebServer web) : AccountPageTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresAccountPageTests(PostgresWebServer web) : AccountPageTests(web), IClassFixture<PostgresWebServer>;
