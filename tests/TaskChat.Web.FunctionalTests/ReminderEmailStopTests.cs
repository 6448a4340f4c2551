using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Contract;
using TaskChat.Data.Model;
using TaskChat.Web.Live;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// "Stop these emails" over real HTTP: the one-click POST a mail program sends (RFC 8058), with no cookie; the link opened
/// in a browser, whose page asks and whose button stops them; hostile tokens; and the account page turning them on again.
/// The headers themselves are checked on a real reminder email (ReminderEmailTests).
/// </summary>
public abstract class ReminderEmailStopTests(WebServerFixture web)
{
    [SkippableFact]
    public async Task A_one_click_post_stops_them_without_signing_in()
    {
        using var browser = web.Browser();
        var (_, userId) = await WebServers.SignUpAsync(browser);
        using var mailProgram = web.Browser(); // No cookie: a mail provider's request.

        using var stopped = await OneClickAsync(mailProgram, Link(userId));
        using var again = await OneClickAsync(mailProgram, Link(userId));

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("Reminder emails are off.", await stopped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // Off already: the same answer.
        Assert.False(await EmailRemindersAsync(userId));
    }

    /// <summary>Mail scanners open links: the link's GET shows a page that asks, and only its button stops them.</summary>
    [SkippableFact]
    public async Task The_link_opened_in_a_browser_asks_and_its_button_stops_them()
    {
        using var browser = web.Browser();
        var (email, userId) = await WebServers.SignUpAsync(browser);
        using var scanner = web.Browser();
        var link = Link(userId);

        using var opened = await scanner.GetAsync(link);
        var page = await (await scanner.GetAsync(opened.Headers.Location!.OriginalString.TrimStart('/'))).Content.ReadAsStringAsync();
        var stillOn = await EmailRemindersAsync(userId);
        using var pressed = await scanner.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["from"] = "page" }));
        var done = await (await scanner.GetAsync(pressed.Headers.Location!.OriginalString.TrimStart('/'))).Content.ReadAsStringAsync();
        var account = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.StartsWith(ReminderEmailStop.PagePath + "?token=", opened.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stop-reminder-emails\"", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(email), page, StringComparison.Ordinal);
        Assert.True(stillOn);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.EndsWith("&done=1", pressed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reminder-emails-stopped\"", done, StringComparison.Ordinal);
        Assert.False(await EmailRemindersAsync(userId));
        Assert.DoesNotContain("data-testid=\"reminder-email-toggle\" checked", account, StringComparison.Ordinal);

        // The account page turns them on again, as the stopped page says.
        using var on = await Forms.PostAsync(browser, "account", new() { ["EmailReminders"] = "on" }, formName: "reminder-email");
        Assert.True(await EmailRemindersAsync(userId));
    }

    [SkippableTheory]
    [MemberData(nameof(PasswordResetTests.HostileTokens), MemberType = typeof(PasswordResetTests))]
    public async Task A_token_the_web_did_not_make_stops_nothing_and_is_never_a_500(string? token)
    {
        using var browser = web.Browser();
        var (_, userId) = await WebServers.SignUpAsync(browser);
        var path = $"{ReminderEmailStop.LinkPath.TrimStart('/')}?token={Uri.EscapeDataString(token ?? "")}";

        using var oneClick = await OneClickAsync(browser, path);
        using var fromPage = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["from"] = "page" }));
        var page = await (await browser.GetAsync($"stop-reminder-emails?token={Uri.EscapeDataString(token ?? "")}")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, oneClick.StatusCode);
        Assert.Equal(ProblemCodes.InvalidToken, (await Json.ReadAsync(oneClick)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Redirect, fromPage.StatusCode);
        Assert.DoesNotContain("done=1", fromPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stop-link-invalid\"", page, StringComparison.Ordinal);
        Assert.True(await EmailRemindersAsync(userId));
    }

    /// <summary>A token for something else (the email confirmation's) or sent as JSON, a huge body, or no body: no 500.</summary>
    [SkippableFact]
    public async Task Other_tokens_and_odd_bodies_are_client_errors()
    {
        using var browser = web.Browser();
        var (email, userId) = await WebServers.SignUpAsync(browser);
        var confirmation = (await web.Running.Mailbox.WaitForAsync(email, EmailConfirmationTests.Subject)).TokenIn("/verify-email");
        var link = Link(userId);

        using var otherPurpose = await OneClickAsync(browser, $"{ReminderEmailStop.LinkPath.TrimStart('/')}?token={Uri.EscapeDataString(confirmation)}");
        using var asJson = await browser.PostAsJsonAsync(link, new { from = "page" });
        using var empty = await browser.PostAsync(link, null);
        using var huge = await browser.PostAsync(link, new StringContent("List-Unsubscribe=" + new string('a', 300_000), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, otherPurpose.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asJson.StatusCode); // The token is what counts: a body it cannot read is the one-click answer.
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.True(huge.StatusCode is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"A huge body: {huge.StatusCode}");
        Assert.False(await EmailRemindersAsync(userId));
    }

    /// <summary>A multipart body its boundary never opens, or that ends inside a part: read as no field, as any odd body.</summary>
    [SkippableTheory]
    [InlineData("garbage without the boundary")]
    [InlineData("--zz\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\npage")]
    public async Task A_broken_multipart_body_is_the_one_click_answer_not_a_500(string body)
    {
        using var browser = web.Browser();
        var (_, userId) = await WebServers.SignUpAsync(browser);
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zz");

        // Before: the form reader's IOException ("Unexpected end of Stream") was a 500, logged as an error with its stack.
        using var response = await browser.PostAsync(Link(userId), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await EmailRemindersAsync(userId));
    }

    private string Link(string userId) =>
        $"{ReminderEmailStop.LinkPath.TrimStart('/')}?token={web.Running.Web.Services.GetRequiredService<ReminderEmailStop>().TokenFor(userId)}";

    /// <summary>The POST RFC 8058 describes: the form body <c>List-Unsubscribe=One-Click</c>, to the header's address.</summary>
    private static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string path) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

    private async Task<bool> EmailRemindersAsync(string userId)
    {
        using var scope = web.Running.Web.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<TaskChatUser>>().FindByIdAsync(userId))!.EmailReminders;
    }
}

public sealed class SqliteReminderEmailStopTests(SqliteWebServer web) : ReminderEmailStopTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresReminderEmailStopTests(PostgresWebServer web) : ReminderEmailStopTests(web), IClassFixture<PostgresWebServer>;
