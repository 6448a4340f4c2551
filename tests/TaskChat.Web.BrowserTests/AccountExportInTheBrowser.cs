using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The account page's "Download your data" in Chromium at phone size: the section is there, its link downloads the
/// user's file (named by date, the user's tasks and conversations in it) with the session alone, and the page passes axe.
/// </summary>
[Collection(SharedProduct.Name)]
public sealed class AccountExportInTheBrowser(RunningTaskChat stack) : BrowserTest(stack)
{
    private static readonly string[] PassportTags = ["papers"];

    [Fact]
    public Task The_account_page_downloads_the_users_data_on_a_phone() => RunAsync("account-export-phone", async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page, "Edsger");
        using var api = await ApiAsAsync(page);
        using (var added = await api.PostAsJsonAsync("api/tasks", new { title = "Renew the passport", tags = PassportTags }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        await page.GetByTestId("nav-account").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        var section = page.GetByTestId("your-data");
        await section.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Your data" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the account page's data section (phone)");
        await ScreenshotAsync(page, "account-export-phone-1-section");

        var download = await page.RunAndWaitForDownloadAsync(() => section.GetByRole(AriaRole.Link, new() { Name = "Download your data" }).ClickAsync());

        Assert.Matches(@"^taskchat-export-\d{4}-\d{2}-\d{2}\.json$", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        await using var file = await download.CreateReadStreamAsync();
        using var export = await JsonDocument.ParseAsync(file);
        var task = Assert.Single(export.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal("Renew the passport", task.GetProperty("title").GetString());
        Assert.Equal(["papers"], task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Array, export.RootElement.GetProperty("conversations").ValueKind);
        // The download left the page where it was.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
    });
}
