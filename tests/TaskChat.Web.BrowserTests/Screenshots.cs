using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The pages a person looks at, captured at phone and laptop sizes (chat after a few turns, tasks,
/// the api-down states, sign-in/up, an unknown page), with the axe-core serious/critical count of each
/// written beside them (axe-SIZE.txt). TASKCHAT_SHOTS_DIR chooses the folder (for before/after sets).
/// </summary>
[Collection(OutageProduct.Name)]
public sealed class Screenshots(RunningTaskChat stack) : BrowserTest(stack)
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("TASKCHAT_SHOTS_DIR") is { Length: > 0 } chosen
        ? Directory.CreateDirectory(chosen).FullName
        : ScreenshotDirectory;

    private static readonly string[] Turns = ["add buy milk", "add eggs, bread and call the plumber", "show my tasks", "mark the milk one done", "what's left?"];

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task Each_page_is_captured_with_its_axe_count(string size) => RunAsync($"screenshots-{size}", async () =>
    {
        await Stack.WaitForApiAsync();
        var report = new List<string>();
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop);

        await page.GotoAsync("/sign-in");
        await Assertions.Expect(page.GetByTestId("sign-in-submit")).ToBeVisibleAsync();
        await CaptureAsync(page, "sign-in", size, report);
        await page.GotoAsync("/sign-up");
        await Assertions.Expect(page.GetByTestId("sign-up-submit")).ToBeVisibleAsync();
        await CaptureAsync(page, "sign-up", size, report);

        await SignUpAsync(page);
        await CaptureAsync(page, "chat-empty", size, report);
        foreach (var turn in Turns)
        {
            await ChatAsync(page, turn);
        }
        await CaptureAsync(page, "chat", size, report);

        await OpenTasksAsync(page);
        await AddTaskAsync(page, "Water the plants");
        await CaptureAsync(page, "tasks", size, report);

        await page.GotoAsync("/no-such-page");
        await CaptureAsync(page, "not-found", size, report);

        // The api down: a checkbox clicked, /tasks and /chat reloaded, a chat message sent.
        await Stack.WaitForApiAsync();
        var ready = CircuitReadyAsync(page);
        await page.GotoAsync("/tasks");
        await ready;
        await Assertions.Expect(page.GetByTestId("task-item").First).ToBeVisibleAsync();
        await using (var outage = await ServiceOutage.BeginAsync(Stack))
        {
            await page.Locator("[data-testid=task-item]:not(.done) [data-testid=task-toggle]").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("notice").First).ToBeVisibleAsync();
            await CaptureAsync(page, "api-down-tasks-toggle", size, report, axe: false);

            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("notice").First).ToBeVisibleAsync();
            await CaptureAsync(page, "api-down-tasks-reload", size, report);

            ready = CircuitReadyAsync(page);
            await page.GotoAsync("/chat");
            await ready;
            await Assertions.Expect(page.GetByTestId("notice").First).ToBeVisibleAsync();
            await CaptureAsync(page, "api-down-chat-reload", size, report);

            await page.GetByTestId("chat-input").FillAsync("add call mom");
            await page.GetByTestId("chat-input").PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("notice").First).ToBeVisibleAsync();
            await CaptureAsync(page, "api-down-chat-send", size, report, axe: false);
            await outage.AssertApiStillDownAsync();
        }

        await File.WriteAllLinesAsync(Path.Combine(Folder, $"axe-{size}.txt"), report);
        Assert.All(Directory.GetFiles(Folder, $"*-{size}.png"), file => Assert.True(new FileInfo(file).Length > 0));
    });

    /// <summary>What the viewport shows (not the whole page: whether the chat scrolled is the point).</summary>
    private static async Task CaptureAsync(IPage page, string name, string size, List<string> report, bool axe = true)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{size}.png") });
        if (axe)
        {
            var violations = await Axe.SeriousViolationsAsync(page);
            report.Add($"{name}: {violations.Count} serious/critical rule(s)");
            report.AddRange(violations.Select(v => "    " + v));
        }
    }
}
