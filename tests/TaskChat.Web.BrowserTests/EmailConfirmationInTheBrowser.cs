using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// "Confirm your email" in Chromium, at phone and laptop sizes, as the one-command run does it: the account page saying
/// the address is not confirmed, a new link sent from it, the message read from the launcher's mail folder as a person
/// opens their inbox, the link's page that asks before it confirms, and the account page without the warning after; then
/// a missed reminder's email, whose stop link works in a browser nobody is signed in to.
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

    /// <summary>
    /// A reminder that went off while no TaskChat page was open is emailed (after the stack's 10 s); its stop link, opened
    /// where the person reads mail (a phone, no TaskChat cookie), asks first, stops the emails with one button, and the
    /// account page then shows them off.
    /// </summary>
    [Fact]
    public Task A_reminder_email_stops_from_its_link_in_a_browser_nobody_is_signed_in_to() => RunAsync("stop-reminder-emails", async () =>
    {
        var page = await NewPageAsync(Laptop);
        var email = await SignUpAsync(page, "Stopping");
        await page.GotoAsync((await Stack.Running.Mailbox.WaitForAsync(email, Subject)).LinkTo("/verify-email").PathAndQuery);
        await page.GetByTestId("confirm-email-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("email-confirmed")).ToContainTextAsync($"{email} is confirmed");

        using (var api = await ApiAsAsync(page))
        {
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            using var added = await api.PostAsJsonAsync("/api/tasks", new { title = "Water the plants", reminders = new[] { now } });
            Assert.True(added.IsSuccessStatusCode, $"add: {(int)added.StatusCode}");
        }
        await page.GotoAsync("about:blank"); // No page of this user shows the reminder, so it is emailed.
        var mail = await Stack.Running.Mailbox.WaitForAsync(email, "Reminder: Water the plants", timeout: TimeSpan.FromSeconds(90));
        var stop = new Uri(mail.Headers["List-Unsubscribe"].Trim('<', '>'));
        Assert.Equal(mail.LinkTo(stop.AbsolutePath), stop); // The same link in the text.

        var reader = await NewPageAsync(Phone, colorScheme: ColorScheme.Dark);
        await reader.GotoAsync(stop.AbsoluteUri);
        await Assertions.Expect(reader).ToHaveURLAsync(new Regex("/stop-reminder-emails\\?token="));
        await Assertions.Expect(reader.GetByTestId("stop-email")).ToHaveTextAsync(email);
        await Axe.AssertNoSeriousViolationsAsync(reader, "the stop page, asking (phone, dark)");
        Assert.True(await reader.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await ScreenshotAsync(reader, "stop-reminder-emails-1-asks-phone");
        await reader.GetByTestId("stop-reminder-emails").ClickAsync();
        await Assertions.Expect(reader.GetByTestId("reminder-emails-stopped")).ToContainTextAsync($"Reminders won't be emailed to {email} any more.");
        await Axe.AssertNoSeriousViolationsAsync(reader, "the stop page, stopped (phone, dark)");
        await ScreenshotAsync(reader, "stop-reminder-emails-2-stopped-phone");
        await reader.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await ScreenshotAsync(reader, "stop-reminder-emails-2-stopped-laptop");

        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByLabel("Email me reminders I miss")).Not.ToBeCheckedAsync();
    });
}
