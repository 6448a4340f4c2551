using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// A stack whose open pages check their session every 2 seconds (AUTH_SESSION_REVALIDATION_SECONDS),
/// so that a test sees a revoked session's page leave without waiting the default minute.
/// </summary>
public sealed class RunningTaskChatWithQuickRevalidation : RunningTaskChat
{
    protected override IReadOnlyDictionary<string, string>? WebVariables { get; } =
        new Dictionary<string, string> { ["AUTH_SESSION_REVALIDATION_SECONDS"] = "2" };
}

/// <summary>Sessions in Chromium: the account page, and an open page (a live circuit) ending when its session is revoked elsewhere.</summary>
[Collection(OutageProduct.Name)] // Its lane (Stacks.cs); its own stack.
public sealed class SessionsInTheBrowser(RunningTaskChatWithQuickRevalidation stack) : BrowserTest(stack), IClassFixture<RunningTaskChatWithQuickRevalidation>
{
    private const string Password = "correct horse 1";

    [Fact]
    public Task An_open_chat_page_leaves_for_sign_in_when_its_session_is_signed_out_from_another_device() => RunAsync(nameof(An_open_chat_page_leaves_for_sign_in_when_its_session_is_signed_out_from_another_device), async () =>
    {
        var laptop = await NewPageAsync();
        var email = await SignUpWithEmailAsync(laptop, "Ada");
        await Assertions.Expect(laptop.GetByTestId("chat-input")).ToBeVisibleAsync();

        var phone = await NewPageAsync(Phone);
        await SignInAsync(phone, email);
        await OpenAccountAsync(phone);
        await Assertions.Expect(phone.GetByTestId("session")).ToHaveCountAsync(2);
        await Assertions.Expect(phone.GetByTestId("session-current")).ToHaveCountAsync(1);

        await phone.GetByTestId("session-revoke").ClickAsync();

        await Assertions.Expect(phone.GetByTestId("account-done")).ToHaveTextAsync("That session is signed out.");
        await Assertions.Expect(phone.GetByTestId("session")).ToHaveCountAsync(1);
        // The laptop's page made no request: its circuit learnt it at its next check and went to sign in.
        await Assertions.Expect(laptop).ToHaveURLAsync(new Regex("/sign-in"));
        await laptop.GotoAsync("/chat");
        await Assertions.Expect(laptop).ToHaveURLAsync(new Regex("/sign-in"));
    });

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task Changing_the_password_on_the_account_page_signs_out_the_other_open_page(string size) => RunAsync($"account-{size}", async () =>
    {
        var viewport = size == "phone" ? Phone : Laptop;
        var other = await NewPageAsync();
        var email = await SignUpWithEmailAsync(other, "Grace");

        var page = await NewPageAsync(viewport);
        await SignInAsync(page, email);
        await OpenAccountAsync(page);
        await Assertions.Expect(page.GetByTestId("session")).ToHaveCountAsync(2);
        Assert.True(await FitsTheWidthAsync(page), "The account page scrolls sideways.");
        await ScreenshotAsync(page, $"account-{size}");

        await page.GetByTestId("current-password").FillAsync(Password);
        await page.GetByTestId("new-password").FillAsync("a new password 7");
        await page.GetByTestId("change-password-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("account-done")).ToContainTextAsync("Password changed.");
        await Assertions.Expect(page.GetByTestId("session")).ToHaveCountAsync(1);
        await Assertions.Expect(other).ToHaveURLAsync(new Regex("/sign-in"));
        await page.GetByTestId("nav-chat").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat$"));
    });

    /// <summary>Signs a new user up through the form, lands on the interactive chat, and returns the email.</summary>
    private static async Task<string> SignUpWithEmailAsync(IPage page, string name)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/sign-up");
        await page.GetByTestId("name").FillAsync(name);
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(Password);
        var interactive = CircuitReadyAsync(page);
        await page.GetByTestId("sign-up-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat$"));
        await interactive;
        return email;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(Password);
        var interactive = CircuitReadyAsync(page);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat$"));
        await interactive;
    }

    /// <summary>From the header's link, as a user would (the account page loads in full: it has no circuit).</summary>
    private static async Task OpenAccountAsync(IPage page)
    {
        await page.GetByTestId("nav-account").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Whether the page fits the viewport's width once loaded: the account page is a full page load and
    /// its streamed sessions can be in the DOM while the stylesheet is still loading (readyState
    /// "loading", no style sheet yet), when the unstyled email is one line wider than a phone. The
    /// browser paints nothing before the stylesheet, so nobody sees that moment; measuring it failed CI. So it waits for
    /// the document to be parsed with the site's stylesheet in it, not for the load event: in ci128 a phone's account page
    /// was drawn, styled and listing its sessions, and its load event had still not come 60 s later.
    /// </summary>
    private static async Task<bool> FitsTheWidthAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading' && [...document.styleSheets].some(sheet => sheet.href?.includes('/app.'))");
        return await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
    }
}
