using System.Net;
using System.Text.RegularExpressions;

namespace TaskChat.Web.FunctionalTests;

/// <summary>The server-rendered pages over plain HTTP: the forms render, post, and guard the rest.</summary>
public abstract class PageTests(WebServerFixture web)
{
    [SkippableTheory]
    [InlineData("sign-up", new[] { "name", "email", "password", "sign-up-submit" })]
    [InlineData("sign-in", new[] { "email", "password", "sign-in-submit" })]
    public async Task TheAccountPagesRenderTheirForms(string page, string[] testIds)
    {
        using var browser = web.Browser();

        using var response = await browser.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in testIds)
        {
            Assert.Contains($"data-testid=\"{id}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("tasks")]
    [InlineData("chat")]
    public async Task AnAnonymousVisitIsSentToSignIn(string page)
    {
        using var browser = web.Browser();

        using var response = await browser.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", RedirectPath(response));
    }

    /// <summary>
    /// A conversation's address, the new chat's and one that names no conversation load as /chat does: the page's frame
    /// with "Loading…" where the thread goes, and no call to the api (down here: a call would hold the page or fail it).
    /// The interactive page reads what the address names.
    /// </summary>
    [SkippableTheory]
    [InlineData("chat/42")]
    [InlineData("chat/new")]
    [InlineData("chat/not-a-conversation")]
    public async Task TheChatsAddressesPrerenderThePageWithoutCallingTheApi(string path)
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in new[] { "thread-loading", "side-tasks-loading", "new-conversation", "chat-input" })
        {
            Assert.Contains($"data-testid=\"{id}\"", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("data-testid=\"conversation-missing\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"notice\"", html, StringComparison.Ordinal);
    }

    /// <summary>A conversation's address opened signed out (a bookmark, a link) leads to sign-in and, signed in, back to it.</summary>
    [SkippableFact]
    public async Task AConversationsAddressSignedOutLeadsToSignInAndBackToIt()
    {
        using var browser = web.Browser();

        using var anonymous = await browser.GetAsync("chat/42");
        await WebServers.SignUpAsync(browser);
        using var signedIn = await browser.GetAsync(anonymous.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/sign-in", RedirectPath(anonymous));
        Assert.Contains("ReturnUrl=%2Fchat%2F42", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/chat/42", RedirectPath(signedIn));
    }

    [SkippableFact]
    public async Task TheRootLeadsToSignInOrToTheChat()
    {
        using var browser = web.Browser();

        using var anonymous = await browser.GetAsync("");
        await WebServers.SignUpAsync(browser);
        using var signedIn = await browser.GetAsync("");

        Assert.Equal("/sign-in", RedirectPath(anonymous));
        Assert.Equal("/chat", RedirectPath(signedIn));
    }

    [SkippableFact]
    public async Task PostingTheSignUpFormSignsInAndLeadsToTheChat()
    {
        using var browser = web.Browser();

        using var response = await PostFormAsync(browser, "sign-up", new()
        {
            ["Input.Name"] = "Ada Lovelace",
            ["Input.Email"] = WebServers.NewEmail(),
            ["Input.Password"] = WebServers.Password,
        });
        using var chat = await browser.GetAsync("chat");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/chat", RedirectPath(response));
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        var html = await chat.Content.ReadAsStringAsync();
        Assert.Contains("Ada Lovelace", html, StringComparison.Ordinal);
        foreach (var id in new[] { "nav-tasks", "nav-chat", "sign-out", "new-conversation", "chat-input", "chat-send" })
        {
            Assert.Contains($"data-testid=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    /// <summary>The form comes back with the email kept and the password field empty: the wrong password stayed in it.</summary>
    [SkippableFact]
    public async Task AWrongPasswordOnTheSignInFormSaysSoAsTheJsonEndpointDoesAndEmptiesThePasswordField()
    {
        using var first = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(first);
        using var browser = web.Browser();

        using var response = await PostFormAsync(browser, "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong password 1" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"form-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Invalid email or password.", html, StringComparison.Ordinal);
        Assert.Matches(InputTag("email") + "[^>]*value=\"" + Regex.Escape(email) + "\"", html);
        Assert.Matches(InputTag("password"), html);
        Assert.DoesNotContain("wrong password 1", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InputTag("password") + "[^>]*value=\"[^\"]", html);
    }

    /// <summary>A refused sign-up comes back with the name and email kept and the password not written into the page.</summary>
    [SkippableFact]
    public async Task ARefusedSignUpKeepsTheNameAndEmailAndEmptiesThePasswordField()
    {
        using var first = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(first);
        using var browser = web.Browser();

        using var response = await PostFormAsync(browser, "sign-up", new()
        {
            ["Input.Name"] = "Ada Lovelace",
            ["Input.Email"] = email, // taken
            ["Input.Password"] = "a fine password 42",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"form-error\"", html, StringComparison.Ordinal);
        Assert.Matches(InputTag("email") + "[^>]*value=\"" + Regex.Escape(email) + "\"", html);
        Assert.DoesNotContain("a fine password 42", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InputTag("password") + "[^>]*value=\"[^\"]", html);
    }

    /// <summary>
    /// Signed in, the sign-in and sign-up pages send the user on (Back after signing in showed the form again, found in a
    /// walk-through): to the page asked for, else the chat. Signed out, they are the forms.
    /// </summary>
    [SkippableFact]
    public async Task SignedInTheSignInAndSignUpPagesLeadOnInsteadOfShowingTheForm()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        using var anonymous = web.Browser();

        using var signIn = await browser.GetAsync("sign-in");
        using var signInToTasks = await browser.GetAsync("sign-in?ReturnUrl=%2Ftasks");
        using var signInElsewhere = await browser.GetAsync("sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        using var signUp = await browser.GetAsync("sign-up");
        using var form = await anonymous.GetAsync("sign-in");

        // Where a redirect leads, on this site only.
        string? Target(HttpResponseMessage response)
        {
            var to = response.Headers.Location;
            return to is null ? null : new Uri(browser.BaseAddress!, to) is var at && at.Authority == browser.BaseAddress!.Authority ? at.PathAndQuery : to.ToString();
        }
        Assert.Equal((HttpStatusCode.Redirect, "/chat"), (signIn.StatusCode, Target(signIn)));
        Assert.Equal((HttpStatusCode.Redirect, "/tasks"), (signInToTasks.StatusCode, Target(signInToTasks)));
        Assert.Equal((HttpStatusCode.Redirect, "/chat"), (signInElsewhere.StatusCode, Target(signInElsewhere)));
        Assert.Equal((HttpStatusCode.Redirect, "/chat"), (signUp.StatusCode, Target(signUp)));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("data-testid=\"sign-in-submit\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>An input element whose data-testid is <paramref name="testId"/>, up to that attribute (as a regex).</summary>
    private static string InputTag(string testId) => "<input(?=[^>]*data-testid=\"" + testId + "\")";

    /// <summary>Nothing to count or mark: no "All read" and a disabled "Mark all read" over an empty list, only what the page is for.</summary>
    [SkippableFact]
    public async Task ANewUsersNotificationsPageSaysWhatWillShowThereWithoutMarkAllRead()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await browser.GetAsync("notifications");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"notifications-empty\"", html, StringComparison.Ordinal);
        Assert.Contains("No notifications yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"mark-all-read\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("All read", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task PostingTheSignInFormLeadsToTheChat()
    {
        using var first = web.Browser();
        var (email, _) = await WebServers.SignUpAsync(first);
        using var browser = web.Browser();

        using var response = await PostFormAsync(browser, "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = WebServers.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/chat", RedirectPath(response));
    }

    [SkippableFact]
    public async Task SigningOutWithTheFormEndsTheSession()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);
        using var chat = await browser.GetAsync("chat");
        var token = Forms.AntiforgeryToken(await chat.Content.ReadAsStringAsync());

        using var response = await browser.PostAsync("account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await browser.GetAsync("tasks");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", RedirectPath(response));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [SkippableFact]
    public async Task SigningOutWithoutTheAntiforgeryTokenIsRefused()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        using var response = await browser.PostAsync("account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var after = await browser.GetAsync("tasks");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>As a browser does: load the page (antiforgery cookie and field), then post the form to it.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, Dictionary<string, string> fields)
    {
        using var form = await browser.GetAsync(page);
        fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        fields["_handler"] = page;
        return await browser.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    /// <summary>Where a redirect leads, whether the server wrote the Location absolute or relative.</summary>
    private static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location && location.IsAbsoluteUri ? location.AbsolutePath : response.Headers.Location?.OriginalString;

}

public sealed class SqlitePageTests(SqliteWebServer web) : PageTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresPageTests(PostgresWebServer web) : PageTests(web), IClassFixture<PostgresWebServer>;
