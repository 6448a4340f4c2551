using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>Sign-up and sign-in wording, where signing in leads, and the page for an unknown address.</summary>
[Collection(SecondSharedProduct.Name)]
public sealed class AccountAndPageTests(RunningTaskChat stack) : BrowserTest(stack)
{
    private const string Password = "correct horse 1";

    [Fact]
    public Task A_too_simple_password_is_explained_in_the_hints_words() => RunAsync(nameof(A_too_simple_password_is_explained_in_the_hints_words), async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-up");
        await page.GetByTestId("name").FillAsync("Ada");
        await page.GetByTestId("email").FillAsync($"ada-{Guid.NewGuid():N}@example.com");
        await page.GetByTestId("password").FillAsync("short1");
        await page.GetByTestId("sign-up-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("form-error")).ToHaveTextAsync("Choose a password of at least 8 characters, with a letter and a digit.");
    });

    [Fact]
    public Task An_email_that_has_an_account_offers_a_sign_in_link() => RunAsync(nameof(An_email_that_has_an_account_offers_a_sign_in_link), async () =>
    {
        var email = await CreateAccountAsync();
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-up");
        await page.GetByTestId("name").FillAsync("Ada");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(Password);
        await page.GetByTestId("sign-up-submit").ClickAsync();

        await page.GetByTestId("sign-in-instead").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
    });

    [Fact]
    public Task Signing_in_after_being_sent_from_tasks_returns_to_tasks() => RunAsync(nameof(Signing_in_after_being_sent_from_tasks_returns_to_tasks), async () =>
    {
        var email = await CreateAccountAsync();
        var page = await NewPageAsync();
        await page.GotoAsync("/tasks");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?ReturnUrl=%2Ftasks$"));

        await SignInAsync(page, email);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
    });

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public Task A_return_url_off_the_site_is_refused(string returnUrl) => RunAsync(nameof(A_return_url_off_the_site_is_refused), async () =>
    {
        var email = await CreateAccountAsync();
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        await SignInAsync(page, email);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Stack.WebUrl) + "/chat$"));
    });

    [Fact]
    public Task An_unknown_page_is_a_page_of_the_site_not_problem_json() => RunAsync(nameof(An_unknown_page_is_a_page_of_the_site_not_problem_json), async () =>
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This page doesn't exist");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the chat" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the not-found page");
        // What is not a page still answers as the api does.
        var api = await page.APIRequest.GetAsync("/api/no-such-endpoint");
        Assert.Equal(404, api.Status);
        Assert.DoesNotContain("<html", await api.TextAsync(), StringComparison.OrdinalIgnoreCase);
    });

    private async Task<string> CreateAccountAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var page = await NewPageAsync();
        var response = await page.APIRequest.PostAsync("/api/auth/sign-up/email", new() { DataObject = new { email, password = Password, name = "Ada" } });
        Assert.True(response.Ok, $"sign-up answered {response.Status}");
        return email;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }
}
