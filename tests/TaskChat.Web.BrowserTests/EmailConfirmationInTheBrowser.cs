using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// "Confirm your email" in Chromium, at phone and laptop sizes, as the one-command run does it: the account page saying
/// the address is not confirmed, a new link sent from it, the message read from the launcher's mail folder as a person
/// opens their inbox, the link's page that asks before it confirms, and the account page without the warning after.
/// </summary>
[Collection(SharedProduct.Name)]
public sealed class EmailConfirmationInTheBrowser(RunningTaskChat stack) : BrowserTest(stack)
{
    private const string Subject = "Confirm your email for TaskChat";

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task An_email_is_confirmed_from_the_mailed_link_after_the_account_page_sends_a_new_one(string size) => RunAsync($"confirm-email-{size}", async () =>
    {
        var viewport = size == "phone" ? Phone : Laptop;
        var page = await NewPageAsync(viewport);
        var email = await SignUpAsync(page, "Confirming");
        await Stack.Running.Mailbox.WaitForAsync(email, Subject); // The sign-up's own.

        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByTestId("email-not-confirmed")).ToBeVisibleAsync();
        await page.GetByTestId("email-not-confirmed").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-email")).ToContainTextAsync($"Confirm {email} first.");
        await Assertions.Expect(page.GetByTestId("confirm-email-send")).ToBeInViewportAsync();
        await page.GetByTestId("confirm-email-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-email-sent")).ToContainTextAsync($"A link to confirm {email} is on its way");
        await Assertions.Expect(page.GetByTestId("confirm-email-sent")).ToBeInViewportAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"the account page with an email not confirmed ({size})");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await ScreenshotAsync(page, $"confirm-email-{size}-1-account");

        // The newest link, opened in another tab as from a mail program: it asks first.
        var link = (await Stack.Running.Mailbox.WaitForAsync(email, Subject, count: 2)).LinkTo("/verify-email");
        Assert.Equal(new Uri(Stack.WebUrl).Authority, link.Authority);
        var opened = await page.Context.NewPageAsync();
        await opened.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(opened.GetByTestId("confirm-email-address")).ToHaveTextAsync(email);
        await Axe.AssertNoSeriousViolationsAsync(opened, $"the confirmation page ({size})");
        await ScreenshotAsync(opened, $"confirm-email-{size}-2-asks");
        await opened.GetByTestId("confirm-email-submit").ClickAsync();
        await Assertions.Expect(opened.GetByTestId("email-confirmed")).ToContainTextAsync($"{email} is confirmed");
        await Axe.AssertNoSeriousViolationsAsync(opened, $"the confirmed page ({size})");
        await ScreenshotAsync(opened, $"confirm-email-{size}-3-confirmed");
        await opened.GetByTestId("open-taskchat").ClickAsync();
        await Assertions.Expect(opened).ToHaveURLAsync(new Regex("/chat"));

        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByTestId("account-who")).ToContainTextAsync(email);
        await Assertions.Expect(page.GetByTestId("email-not-confirmed")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("confirm-email")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Email me reminders I miss")).ToBeCheckedAsync();
    });
}
