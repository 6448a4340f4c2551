using System.Net;
using System.Net.Http.Json;
using System.Text;
using TaskChat.Contract;
using TaskChat.TestSupport;
using TaskChat.Web.Auth;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// "Forgot your password?" over real HTTP: the link by mail (read from the web's mail folder, as a person opens their
/// inbox), the new password, every session ended, the notice; the same answer for an email without an account; a link
/// that works once; the limits; hostile input on both endpoints; the forms; and a web that cannot send mail.
/// </summary>
public abstract class PasswordResetTests(WebServerFixture web)
{
    private const string NewPassword = "a new password 7";
    private const string ResetSubject = "Reset your TaskChat password";
    private const string ChangedSubject = "Your TaskChat password was changed";

    private Mailbox Mailbox => web.Running.Mailbox;

    [SkippableFact]
    public async Task A_link_by_mail_sets_a_new_password_and_ends_every_session()
    {
        using var signedIn = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(signedIn);
        using var stranger = web.Browser();

        using var asked = await stranger.PostAsJsonAsync("api/auth/request-password-reset", new { email });
        var mail = await Mailbox.WaitForAsync(email, ResetSubject);
        var link = mail.LinkTo("/reset-password");
        using var reset = await stranger.PostAsJsonAsync("api/auth/reset-password", new { token = mail.TokenIn("/reset-password"), new_password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(PasswordResets.SentText, (await Json.ReadAsync(asked)).GetProperty("message").GetString());
        Assert.True((await Json.ReadAsync(asked)).GetProperty("status").GetBoolean());
        Assert.Equal($"{WebServers.Issuer}/reset-password", link.GetLeftPart(UriPartial.Path)); // The web's public URL, not the test's port.
        Assert.Equal("no-reply@localhost", mail.From);
        Assert.Contains("within an hour", mail.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(email, WebServers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, NewPassword)).StatusCode);
        // The session that was signed in before the reset is over: whoever knew the old password is out.
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("api/auth/token")).StatusCode);
        var notice = await Mailbox.WaitForAsync(email, ChangedSubject);
        Assert.Contains("reset with a link sent to this address", notice.Text, StringComparison.Ordinal);
        Assert.Contains($"{WebServers.Issuer}/forgot-password", notice.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_email_without_an_account_gets_the_same_answer_and_no_mail()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        var nobody = WebServers.NewEmail();

        using var forNobody = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email = nobody });
        using var forSomebody = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email = email.ToUpperInvariant() });
        // Messages go out in the order they were asked for: once the second is there, the first would be too.
        await Mailbox.WaitForAsync(email, ResetSubject);

        Assert.Equal(forSomebody.StatusCode, forNobody.StatusCode);
        Assert.Equal(await forSomebody.Content.ReadAsStringAsync(), await forNobody.Content.ReadAsStringAsync());
        Assert.Empty(Mailbox.To(nobody));
    }

    [SkippableFact]
    public async Task A_link_works_once_and_a_password_change_ends_the_links_sent_before_it()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        var first = await AskForLinkAsync(browser, email, count: 1);
        var second = await AskForLinkAsync(browser, email, count: 2);

        using var used = await browser.PostAsJsonAsync("api/auth/reset-password", new { token = second, new_password = NewPassword });
        using var again = await browser.PostAsJsonAsync("api/auth/reset-password", new { token = second, new_password = "yet another password 8" });
        using var older = await browser.PostAsJsonAsync("api/auth/reset-password", new { token = first, new_password = "yet another password 8" });

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        await AssertInvalidLinkAsync(again);
        await AssertInvalidLinkAsync(older);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, NewPassword)).StatusCode);

        // A link asked for before the password is changed on the account page no longer works after it.
        using var signedIn = web.Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, NewPassword, signedIn)).StatusCode);
        var third = await AskForLinkAsync(browser, email, count: 3);
        using var changed = await signedIn.PostAsJsonAsync("api/auth/change-password", new { current_password = NewPassword, new_password = "a third password 9" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await AssertInvalidLinkAsync(await browser.PostAsJsonAsync("api/auth/reset-password", new { token = third, new_password = "yet another password 8" }));
        Assert.Contains("changed by someone signed in to it", (await Mailbox.WaitForAsync(email, ChangedSubject, count: 2)).Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_refused_new_password_keeps_the_link_and_the_old_password()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);
        var token = await AskForLinkAsync(browser, email);

        using var tooSimple = await browser.PostAsJsonAsync("api/auth/reset-password", new { token, new_password = "short1" });
        using var tooLong = await browser.PostAsJsonAsync("api/auth/reset-password", new { token, new_password = new string('a', 200) + "1" });
        using var empty = await browser.PostAsJsonAsync("api/auth/reset-password", new { token, new_password = "" });

        foreach (var refused in new[] { tooSimple, tooLong, empty })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.True((await Json.ReadAsync(refused)).GetProperty("errors").TryGetProperty("new_password", out _));
        }
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, WebServers.Password)).StatusCode);
        using var then = await browser.PostAsJsonAsync("api/auth/reset-password", new { token, new_password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, then.StatusCode);
    }

    public static TheoryData<string?> HostileTokens => new()
    {
        null,
        "",
        "not a token",
        "%00",
        new string('A', 6_000), // Longer than any token the web makes, short enough for a URL.
        Convert.ToBase64String(Encoding.UTF8.GetBytes("someone\nCfDJ8")).TrimEnd('='),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("' OR 1=1 --\nCfDJ8")).TrimEnd('='),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("a\u0000b\nCfDJ8")).TrimEnd('='),
    };

    [SkippableTheory]
    [MemberData(nameof(HostileTokens))]
    public async Task A_token_the_web_did_not_make_is_an_invalid_link_never_a_500(string? token)
    {
        using var browser = web.Browser();

        using var response = await browser.PostAsJsonAsync("api/auth/reset-password", new { token, new_password = NewPassword });
        using var page = await browser.GetAsync($"reset-password?token={Uri.EscapeDataString(token ?? "")}");

        await AssertInvalidLinkAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"reset-link-invalid\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(null, "Enter your email address.")]
    [InlineData("", "Enter your email address.")]
    [InlineData("not-an-email", "Enter a valid email address.")]
    [InlineData("ada\u0000@example.test", "Enter a valid email address.")]
    [InlineData("<script>alert(1)</script>@example.test", "Enter a valid email address.")]
    public async Task A_request_for_a_wrong_email_is_422_with_the_reason(string? email, string reason)
    {
        using var browser = web.Browser();

        using var response = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([reason], body.GetProperty("errors").GetProperty("email").EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task An_oversized_email_or_malformed_json_is_a_client_error()
    {
        using var browser = web.Browser();

        using var longEmail = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email = new string('a', 300) + "@example.test" });
        using var malformed = await browser.PostAsync("api/auth/request-password-reset", new StringContent("{\"email\":", Encoding.UTF8, "application/json"));
        using var huge = await browser.PostAsync("api/auth/reset-password", new StringContent($"{{\"token\":\"{new string('a', 200_000)}\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, longEmail.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [SkippableFact]
    public async Task Both_endpoints_refuse_a_post_from_another_site()
    {
        using var browser = web.Browser();
        foreach (var (path, body) in new (string, object)[] { ("api/auth/request-password-reset", new { email = WebServers.NewEmail() }), ("api/auth/reset-password", new { token = "x", new_password = NewPassword }) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Origin", "https://evil.example");

            using var response = await browser.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(ProblemCodes.CrossOrigin, (await Json.ReadAsync(response)).GetProperty("code").GetString());
        }
    }

    [SkippableFact]
    public async Task One_email_gets_a_few_links_an_hour_whoever_asks_and_the_refusal_tells_nothing()
    {
        var system = await web.StartAsync(s => s.WithWeb(new Dictionary<string, string>
        {
            ["AUTH_PASSWORD_RESETS_PER_EMAIL_PER_HOUR"] = "2",
            ["TRUSTED_PROXIES"] = "127.0.0.1,::1",
        }).Wired(w => w with { Issuer = WebServers.Issuer }));
        using var browser = WebServers.Browser(system.Web);
        var (email, _) = await WebServers.SignUpAsync(browser);
        var nobody = WebServers.NewEmail();

        var statuses = new List<HttpStatusCode>();
        foreach (var from in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            using var asked = await RequestFromAsync(browser, email, from);
            statuses.Add(asked.StatusCode);
        }
        using var third = await RequestFromAsync(browser, email, "203.0.113.4");
        (await RequestFromAsync(browser, nobody, "203.0.113.5")).Dispose();
        (await RequestFromAsync(browser, nobody, "203.0.113.6")).Dispose();
        using var nobodyAgain = await RequestFromAsync(browser, nobody, "203.0.113.7");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, nobodyAgain.StatusCode); // The same for an email with no account.
        Assert.Equal((await Json.ReadAsync(third)).GetProperty("code").GetString(), (await Json.ReadAsync(nobodyAgain)).GetProperty("code").GetString());
        await system.Mailbox.WaitForAsync(email, ResetSubject, count: 2);
        Assert.Equal(2, system.Mailbox.To(email).Count(m => m.Subject == ResetSubject));
    }

    [SkippableFact]
    public async Task One_address_asks_for_a_few_links_an_hour()
    {
        var system = await web.StartAsync(s => s.WithWeb(new Dictionary<string, string>
        {
            ["AUTH_PASSWORD_RESETS_PER_ADDRESS_PER_HOUR"] = "2",
            ["TRUSTED_PROXIES"] = "127.0.0.1,::1",
        }).Wired(w => w with { Issuer = WebServers.Issuer }));
        using var browser = WebServers.Browser(system.Web);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var asked = await RequestFromAsync(browser, WebServers.NewEmail(), "198.51.100.9");
            statuses.Add(asked.StatusCode);
        }
        using var elsewhere = await RequestFromAsync(browser, WebServers.NewEmail(), "198.51.100.10");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [SkippableFact]
    public async Task The_forms_send_the_link_and_set_the_password_as_a_person_would()
    {
        using var owner = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(owner);
        using var browser = web.Browser();

        var signIn = await (await browser.GetAsync("sign-in")).Content.ReadAsStringAsync();
        using var sent = await Forms.PostAsync(browser, "forgot-password", new() { ["Input.Email"] = email });
        var sentPage = await sent.Content.ReadAsStringAsync();
        var link = (await Mailbox.WaitForAsync(email, ResetSubject)).LinkTo("/reset-password");
        var resetPath = "reset-password" + link.Query;
        var resetPage = await (await browser.GetAsync(resetPath)).Content.ReadAsStringAsync();
        using var tooSimple = await Forms.PostAsync(browser, resetPath, new() { ["Input.NewPassword"] = "short1" }, formName: "reset-password");
        using var done = await Forms.PostAsync(browser, resetPath, new() { ["Input.NewPassword"] = NewPassword }, formName: "reset-password");
        var after = await (await browser.GetAsync(WebServers.RedirectPath(done)!.TrimStart('/'))).Content.ReadAsStringAsync();
        var usedPage = await (await browser.GetAsync(resetPath)).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/forgot-password\"", signIn, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reset-sent\"", sentPage, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(email), sentPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"mail-folder\"", sentPage, StringComparison.Ordinal); // Where the one-command run's mail goes.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(email), resetPage, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"new-password\"", resetPage, StringComparison.Ordinal);
        Assert.Equal(PasswordRules.TooSimpleText, Forms.Error(await tooSimple.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("short1", await tooSimple.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/sign-in?reset=1", WebServers.RedirectPath(done));
        Assert.Contains("data-testid=\"password-reset-done\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reset-link-invalid\"", usedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task The_account_page_offers_the_link_to_someone_who_forgot_their_current_password()
    {
        using var browser = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(browser);

        var account = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/forgot-password?email={System.Net.WebUtility.HtmlEncode(Uri.EscapeDataString(email))}\" data-testid=\"forgot-current-password\"", account, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_web_that_cannot_send_mail_says_so_and_offers_no_link()
    {
        var system = await web.StartAsync(s => s.WithWeb(new Dictionary<string, string> { ["SMTP_URL"] = "off" }).Wired(w => w with { Issuer = WebServers.Issuer }));
        using var browser = WebServers.Browser(system.Web);

        using var asked = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email = WebServers.NewEmail() });
        var signIn = await (await browser.GetAsync("sign-in")).Content.ReadAsStringAsync();
        var forgot = await (await browser.GetAsync("forgot-password")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, asked.StatusCode);
        Assert.Equal(ProblemCodes.PasswordResetUnavailable, (await Json.ReadAsync(asked)).GetProperty("code").GetString());
        Assert.DoesNotContain("forgot-password", signIn, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reset-unavailable\"", forgot, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"reset-submit\"", forgot, StringComparison.Ordinal);
        await WebServers.SignUpAsync(browser);
        var account = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("forgot-current-password", account, StringComparison.Ordinal);
        // Nor reminders by email: the section says they show in pages only, with no setting that would do nothing.
        Assert.Contains("data-testid=\"reminder-email-unavailable\"", account, StringComparison.Ordinal);
        Assert.DoesNotContain("reminder-email-toggle", account, StringComparison.Ordinal);
    }

    private async Task<string> AskForLinkAsync(HttpClient browser, string email, int count = 1)
    {
        using var asked = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        return (await Mailbox.WaitForAsync(email, ResetSubject, count)).TokenIn("/reset-password");
    }

    private static Task<HttpResponseMessage> RequestFromAsync(HttpClient browser, string email, string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/request-password-reset") { Content = JsonContent.Create(new { email }) };
        request.Headers.Add("X-Forwarded-For", from);
        return browser.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SignInAsync(string email, string password, HttpClient? browser = null)
    {
        using var own = browser is null ? web.Browser() : null;
        return await (browser ?? own!).PostAsJsonAsync("api/auth/sign-in/email", new { email, password });
    }

    private static Task AssertInvalidLinkAsync(HttpResponseMessage response) =>
        Json.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.InvalidToken, PasswordResets.InvalidLinkText, response);
}

public sealed class SqlitePasswordResetTests(SqliteWebServer web) : PasswordResetTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresPasswordResetTests(PostgresWebServer web) : PasswordResetTests(web), IClassFixture<PostgresWebServer>;
