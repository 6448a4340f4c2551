using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// "Forgot your password?" in Chromium, at phone and laptop sizes, as the one-command run does it: the link under the
/// sign-in form, the email asked for, the message read from the launcher's mail folder as a person opens their inbox,
/// the link's page, a password the rules refuse, the new one, the sign-in page saying what happened, and the device
/// that was signed in before signed out.
/// </summary>
[Collection(SharedProduct.Name)]
public sealed class PasswordResetInTheBrowser(RunningTaskChat stack) : BrowserTest(stack)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task A_forgotten_password_is_reset_by_the_mailed_link(string size) => RunAsync($"password-reset-{size}", async () =>
    {
        var viewport = size == "phone" ? Phone : Laptop;
        var before = await NewPageAsync(viewport);
        var email = await SignUpAsync(before, "Rosa");
        var page = await NewPageAsync(viewport);

        // Signed in, the current password forgotten: the account page offers the same link, the field keeps its name.
        await before.GotoAsync("/account");
        await Assertions.Expect(before.GetByTestId("forgot-current-password")).ToHaveAttributeAsync("href", $"/forgot-password?email={Uri.EscapeDataString(email)}");
        await Assertions.Expect(before.GetByLabel("Current password", new() { Exact = true })).ToBeVisibleAsync();
        await before.GetByTestId("forgot-current-password").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(before, $"password-reset-{size}-0-account");

        // The email typed on the sign-in form goes along, as people expect of a "forgot" link.
        await page.GotoAsync("/sign-in");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("forgot-password").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/forgot-password\?email="));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("email")).ToHaveValueAsync(email);
        await Axe.AssertNoSeriousViolationsAsync(page, $"the forgot-password page ({size})");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-sent")).ToContainTextAsync("a link to choose a new password is on its way");
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mail-folder")).ToContainTextAsync(Stack.Running.Mailbox.Folder);
        await Axe.AssertNoSeriousViolationsAsync(page, $"the link-sent page ({size})");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await ScreenshotAsync(page, $"password-reset-{size}-1-sent");

        var link = (await Stack.Running.Mailbox.WaitForAsync(email, "Reset your TaskChat password")).LinkTo("/reset-password");
        Assert.Equal(new Uri(Stack.WebUrl).Authority, link.Authority); // The address the person reaches the web at.
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByTestId("reset-email")).ToHaveTextAsync(email);
        await Axe.AssertNoSeriousViolationsAsync(page, $"the reset page ({size})");
        await page.GetByTestId("new-password").FillAsync("short1");
        await page.GetByTestId("reset-password-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-error")).ToHaveTextAsync("Choose a password of at least 8 characters, with a letter and a digit.");
        await Assertions.Expect(page.GetByTestId("new-password")).ToHaveValueAsync("");
        await ScreenshotAsync(page, $"password-reset-{size}-2-too-simple");

        await page.GetByTestId("new-password").FillAsync("a brand new one 5");
        await page.GetByTestId("reset-password-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sign-in\?reset=1$"));
        await Assertions.Expect(page.GetByTestId("password-reset-done")).ToContainTextAsync("Your password was changed");
        await Axe.AssertNoSeriousViolationsAsync(page, $"the sign-in page after a reset ({size})");
        await ScreenshotAsync(page, $"password-reset-{size}-3-done");

        // The link worked once.
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByTestId("reset-link-invalid")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ask-again")).ToHaveAttributeAsync("href", "/forgot-password");

        await page.GotoAsync("/sign-in");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync("a brand new one 5");
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat$"));

        // The browser that was signed in before the reset is signed out.
        await before.GotoAsync("/tasks");
        await Assertions.Expect(before).ToHaveURLAsync(new Regex("/sign-in"));
        Assert.Contains("reset with a link", (await Stack.Running.Mailbox.WaitForAsync(email, "Your TaskChat password was changed")).Text, StringComparison.Ordinal);
    });
}
