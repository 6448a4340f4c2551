using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Contract;
using TaskChat.Data.Model;
using TaskChat.TestSupport;
using TaskChat.Web.Auth;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// "Confirm your email" over real HTTP: the link mailed at sign-up (read from the web's mail folder, as a person opens their
/// inbox), the page that confirms on a button and never on the link's GET (a mail scanner's visit), the JSON endpoints,
/// another link on request within a limit, links that a password change ends, hostile tokens, and a web without mail.
/// Reminders go only to a confirmed address (ReminderEmailTests).
/// </summary>
public abstract class EmailConfirmationTests(WebServerFixture web)
{
    public const string Subject = "Confirm your email for TaskChat";

    private Mailbox Mailbox => web.Running.Mailbox;

    /// <summary>The token of the mailed link (its <c>?token=</c>).</summary>

    [SkippableFact]
    public async Task A_sign_up_mails_a_link_and_the_link_confirms_the_email()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        var before = await SessionUserAsync(browser);

        var mail = await Mailbox.WaitForAsync(email, Subject);
        using var stranger = web.Browser(); // The link works on any device, signed in or not.
        using var confirmed = await stranger.PostAsJsonAsync("api/auth/verify-email", new { token = mail.TokenIn("/verify-email") });

        Assert.False(before.GetProperty("email_verified").GetBoolean());
        Assert.Equal($"{WebServers.Issuer}/verify-email", mail.LinkTo("/verify-email").GetLeftPart(UriPartial.Path));
        Assert.Contains("within 3 days", mail.Text, StringComparison.Ordinal);
        Assert.Contains("If you didn't make a TaskChat account", mail.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal($"{email} is confirmed.", (await Json.ReadAsync(confirmed)).GetProperty("message").GetString());
        Assert.True((await SessionUserAsync(browser)).GetProperty("email_verified").GetBoolean());
        // Used again, a link that still works changes nothing and says the same.
        using var again = await stranger.PostAsJsonAsync("api/auth/verify-email", new { token = mail.TokenIn("/verify-email") });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>
    /// Mail scanners open links: the page's GET only asks. Anyone may sign up with a stranger's email, and a scanner's
    /// visit would otherwise confirm that stranger's address for them.
    /// </summary>
    [SkippableFact]
    public async Task The_links_page_asks_and_only_its_button_confirms()
    {
        using var browser = web.Browser();
        var (email, userId) = await WebServers.SignUpAsync(browser);
        var path = "verify-email" + (await Mailbox.WaitForAsync(email, Subject)).LinkTo("/verify-email").Query;
        using var scanner = web.Browser();

        var asked = await (await scanner.GetAsync(path)).Content.ReadAsStringAsync();
        var stillUnconfirmed = !await IsConfirmedAsync(userId);
        using var pressed = await Forms.PostAsync(scanner, path, [], formName: "verify-email");
        var done = await pressed.Content.ReadAsStringAsync();
        var afterwards = await (await scanner.GetAsync(path)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"confirm-email-submit\"", asked, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(email), asked, StringComparison.Ordinal);
        Assert.True(stillUnconfirmed);
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains("data-testid=\"email-confirmed\"", done, StringComparison.Ordinal);
        Assert.True(await IsConfirmedAsync(userId));
        Assert.Contains("data-testid=\"email-already-confirmed\"", afterwards, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_account_page_says_the_email_is_not_confirmed_and_sends_another_link()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        var first = await Mailbox.WaitForAsync(email, Subject);

        var account = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();
        using var sent = await Forms.PostAsync(browser, "account", [], formName: "send-confirmation");
        var redirect = WebServers.RedirectPath(sent);
        var sentPage = await (await browser.GetAsync(redirect!.TrimStart('/'))).Content.ReadAsStringAsync();
        var second = await Mailbox.WaitForAsync(email, Subject, count: 2);
        using var confirmed = await browser.PostAsJsonAsync("api/auth/verify-email", new { token = second.TokenIn("/verify-email") });
        var after = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"email-not-confirmed\"", account, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm-email-send\"", account, StringComparison.Ordinal);
        Assert.StartsWith("/account?done=confirm-sent", redirect, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(EmailConfirmations.SentText(email)), sentPage, StringComparison.Ordinal);
        Assert.NotEqual(first.TokenIn("/verify-email"), second.TokenIn("/verify-email"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.DoesNotContain("email-not-confirmed", after, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-email-send", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Another_link_by_json_is_sent_a_few_times_an_hour_and_never_once_confirmed()
    {
        var system = await web.StartAsync(s => s.WithWeb(new Dictionary<string, string>
        {
            ["AUTH_EMAIL_CONFIRMATIONS_PER_EMAIL_PER_HOUR"] = "2",
        }).Wired(w => w with { Issuer = WebServers.Issuer }));
        using var browser = WebServers.Browser(system.Web);
        var (email, _) = await WebServers.SignUpAsync(browser);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var asked = await browser.PostAsJsonAsync("api/auth/send-verification-email", new { });
            statuses.Add(asked.StatusCode);
            if (asked.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(asked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                Assert.Equal(ProblemCodes.RateLimited, (await Json.ReadAsync(asked)).GetProperty("code").GetString());
            }
        }
        // The sign-up's own and the two asked for: three links, the last of which confirms.
        var last = await system.Mailbox.WaitForAsync(email, Subject, count: 3);
        using var confirmed = await browser.PostAsJsonAsync("api/auth/verify-email", new { token = last.TokenIn("/verify-email") });
        using var afterConfirmed = await browser.PostAsJsonAsync("api/auth/send-verification-email", new { });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterConfirmed.StatusCode);
        Assert.Equal(EmailConfirmations.AlreadyConfirmedText, (await Json.ReadAsync(afterConfirmed)).GetProperty("message").GetString());
        Assert.Equal(3, system.Mailbox.To(email).Count(m => m.Subject == Subject));
    }

    [SkippableFact]
    public async Task Signed_out_asking_for_a_link_is_401()
    {
        using var browser = web.Browser();

        using var asked = await browser.PostAsJsonAsync("api/auth/send-verification-email", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, asked.StatusCode);
        Assert.Equal(ProblemCodes.Unauthorized, (await Json.ReadAsync(asked)).GetProperty("code").GetString());
    }

    /// <summary>A link names its account: another account's token under my id, or mine under another's, confirms nobody.</summary>
    [SkippableFact]
    public async Task A_link_confirms_only_its_own_account_and_a_password_change_ends_it()
    {
        using var ada = web.Browser();
        var (adaEmail, adaId) = await WebServers.SignUpAsync(ada);
        using var grace = web.Browser();
        var (graceEmail, graceId) = await WebServers.SignUpAsync(grace);
        var adaLink = MailedLinkTokens.Unpack((await Mailbox.WaitForAsync(adaEmail, Subject)).TokenIn("/verify-email"))!.Value;
        var graceLink = MailedLinkTokens.Unpack((await Mailbox.WaitForAsync(graceEmail, Subject)).TokenIn("/verify-email"))!.Value;

        using var swapped = await ada.PostAsJsonAsync("api/auth/verify-email", new { token = MailedLinkTokens.Pack(adaId, graceLink.Token) });
        using var borrowed = await ada.PostAsJsonAsync("api/auth/verify-email", new { token = MailedLinkTokens.Pack(graceId, adaLink.Token) });
        using var changed = await ada.PostAsJsonAsync("api/auth/change-password", new { current_password = WebServers.Password, new_password = "a new password 7" });
        using var afterChange = await ada.PostAsJsonAsync("api/auth/verify-email", new { token = MailedLinkTokens.Pack(adaId, adaLink.Token) });

        await AssertInvalidLinkAsync(swapped);
        await AssertInvalidLinkAsync(borrowed);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await AssertInvalidLinkAsync(afterChange); // A password change ends the links sent before it.
        Assert.False(await IsConfirmedAsync(adaId));
        Assert.False(await IsConfirmedAsync(graceId));
    }

    [SkippableTheory]
    [MemberData(nameof(PasswordResetTests.HostileTokens), MemberType = typeof(PasswordResetTests))]
    public async Task A_token_the_web_did_not_make_is_an_invalid_link_never_a_500(string? token)
    {
        using var browser = web.Browser();

        using var response = await browser.PostAsJsonAsync("api/auth/verify-email", new { token });
        using var page = await browser.GetAsync($"verify-email?token={Uri.EscapeDataString(token ?? "")}");
        // The button posted anyway (a page from before the link stopped working): the antiforgery field from another form.
        var antiforgery = Forms.AntiforgeryToken(await (await browser.GetAsync("sign-in")).Content.ReadAsStringAsync());
        using var pressed = await browser.PostAsync($"verify-email?token={Uri.EscapeDataString(token ?? "")}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery, ["_handler"] = "verify-email" }));

        await AssertInvalidLinkAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"confirm-link-invalid\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Blazor refuses a post to a form the page does not show (the link's page shows none): a client error, never a 500.
        Assert.Equal(HttpStatusCode.BadRequest, pressed.StatusCode);
    }

    [SkippableFact]
    public async Task Malformed_or_oversized_json_and_a_post_from_another_site_are_client_errors()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var malformed = await browser.PostAsync("api/auth/verify-email", new StringContent("{\"token\":", Encoding.UTF8, "application/json"));
        using var wrongType = await browser.PostAsync("api/auth/verify-email", new StringContent("{\"token\":42}", Encoding.UTF8, "application/json"));
        using var huge = await browser.PostAsync("api/auth/verify-email", new StringContent($"{{\"token\":\"{new string('a', 200_000)}\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        foreach (var path in new[] { "api/auth/verify-email", "api/auth/send-verification-email" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { token = "x" }) };
            request.Headers.Add("Origin", "https://evil.example");

            using var response = await browser.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(ProblemCodes.CrossOrigin, (await Json.ReadAsync(response)).GetProperty("code").GetString());
        }
    }

    [SkippableFact]
    public async Task A_web_that_cannot_send_mail_sends_no_link_and_says_so()
    {
        var system = await web.StartAsync(s => s.WithWeb(new Dictionary<string, string> { ["SMTP_URL"] = "off" }).Wired(w => w with { Issuer = WebServers.Issuer }));
        using var browser = WebServers.Browser(system.Web);
        await WebServers.SignUpAsync(browser);

        using var asked = await browser.PostAsJsonAsync("api/auth/send-verification-email", new { });
        var account = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, asked.StatusCode);
        Assert.Equal(ProblemCodes.EmailConfirmationUnavailable, (await Json.ReadAsync(asked)).GetProperty("code").GetString());
        Assert.DoesNotContain("email-not-confirmed", account, StringComparison.Ordinal); // Nothing to confirm it with: not said.
        Assert.DoesNotContain("confirm-email-send", account, StringComparison.Ordinal);
        Assert.Empty(system.Mailbox.All());
    }

    private async Task<bool> IsConfirmedAsync(string userId)
    {
        using var scope = web.Running.Web.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TaskChatUser>>();
        return (await users.FindByIdAsync(userId))!.EmailConfirmed;
    }

    private static async Task<System.Text.Json.JsonElement> SessionUserAsync(HttpClient browser) =>
        (await Json.ReadAsync(await browser.GetAsync("api/auth/get-session"))).GetProperty("user");

    private static Task AssertInvalidLinkAsync(HttpResponseMessage response) =>
        Json.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.InvalidToken, EmailConfirmations.InvalidLinkText, response);
}

public sealed class SqliteEmailConfirmationTests(SqliteWebServer web) : EmailConfirmationTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresEmailConfirmationTests(PostgresWebServer web) : EmailConfirmationTests(web), IClassFixture<PostgresWebServer>;
