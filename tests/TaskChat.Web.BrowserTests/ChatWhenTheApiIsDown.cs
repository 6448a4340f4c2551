using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.BrowserTests;

/// <summary>Its own stack: the test kills the api, which no other test must see.</summary>
public sealed class ChatWhenTheApiIsDown(RunningTaskChat stack) : BrowserTest(stack), IClassFixture<RunningTaskChat>
{
    [Fact]
    public Task Sending_a_message_while_the_api_is_down_shows_a_notice_and_keeps_the_message() => RunAsync(nameof(Sending_a_message_while_the_api_is_down_shows_a_notice_and_keeps_the_message), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await Assertions.Expect(page.GetByText("Nothing yet.")).ToBeVisibleAsync();

        await TypeAsync(page, "chat-input", "add buy milk", "chat-send");
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveCountAsync(0);

        await Stack.KillAsync(TaskChatService.Api);
        await page.GetByTestId("chat-send").ClickAsync();

        await Assertions.Expect(page.GetByTestId("notice"))
            .ToContainTextAsync(new Regex("Cannot connect to server|Service temporarily unavailable"), new() { Timeout = 90_000 });
        await Assertions.Expect(page.GetByTestId("chat-input")).ToHaveValueAsync("add buy milk");
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=user]")).ToHaveCountAsync(0);
    });
}
