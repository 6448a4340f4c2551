using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The account page's "Delete account" in Chromium, at phone and laptop sizes: the section is there and says what goes,
/// its button opens the password step, a wrong password is said and deletes nothing, the right one signs out and says
/// the account was deleted, and the account and its tasks are gone.
/// </summary>
[Collection(SecondSharedProduct.Name)]
public sealed class AccountDeletionInTheBrowser(RunningTaskChat stack) : BrowserTest(stack)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task An_account_is_deleted_from_the_account_page_with_its_password(string size) => RunAsync($"account-delete-{size}", async () =>
    {
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop);
        var email = await SignUpAsync(page, "Dora");
        using var api = await ApiAsAsync(page);
        using (var added = await api.PostAsJsonAsync("api/tasks", new { title = "Buy milk" }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        await page.GetByTestId("nav-account").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        var section = page.GetByTestId("delete-account");
        await section.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Delete account" })).ToBeVisibleAsync();
        await Assertions.Expect(section).ToContainTextAsync("including deleted ones still waiting to be brought back with undo");
        await Assertions.Expect(section).ToContainTextAsync("This cannot be undone.");
        await Assertions.Expect(section.GetByTestId("delete-account-password")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"account-delete-{size}-1-section");

        await section.GetByTestId("delete-account-start").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/account\?delete=confirm"));
        await Assertions.Expect(page.GetByTestId("delete-account-password")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("delete-account-cancel")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"the account page's deletion step ({size})");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The account page scrolls sideways.");

        await page.GetByTestId("delete-account-password").FillAsync("not my password 1");
        await page.GetByTestId("delete-account-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delete-account-error")).ToHaveTextAsync("That is not your current password.");
        await Assertions.Expect(page.GetByTestId("delete-account-password")).ToHaveValueAsync("");
        await page.GetByTestId("delete-account-error").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, $"account-delete-{size}-2-wrong-password");
        using (var stillThere = await api.GetAsync("api/tasks"))
        {
            Assert.Contains("Buy milk", await stillThere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await page.GetByTestId("delete-account-password").FillAsync("correct horse 1");
        await page.GetByTestId("delete-account-confirm").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sign-in\?deleted=1$"));
        await Assertions.Expect(page.GetByTestId("account-deleted")).ToHaveTextAsync("Your account and everything in it were deleted.");
        await Axe.AssertNoSeriousViolationsAsync(page, $"the sign-in page after a deletion ({size})");
        await ScreenshotAsync(page, $"account-delete-{size}-3-deleted");
        await page.GotoAsync("/account");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        // The token the page's api calls used is still within its 15 minutes: it reads nothing and adds nothing.
        using (var gone = await api.GetAsync("api/tasks"))
        {
            Assert.DoesNotContain("Buy milk", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var refused = await api.PostAsJsonAsync("api/tasks", new { title = "Buy eggs" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync("correct horse 1");
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-error")).ToHaveTextAsync("Invalid email or password.");
    });
}
