using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>The tasks page by keyboard, and both pages on a 390 px phone.</summary>
[Collection(SharedProduct.Name)]
public sealed class TasksAndPhoneTests(RunningTaskChat stack) : BrowserTest(stack)
{
    private const float MinTouch = 44;

    [Fact]
    public Task A_task_is_renamed_with_the_keyboard_alone() => RunAsync(nameof(A_task_is_renamed_with_the_keyboard_alone), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await OpenTasksAsync(page);
        await AddTaskAsync(page, "Buy milk");

        await page.GetByTestId("task-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("task-title")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("task-title-input")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Buy oat milk");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("task-title")).ToHaveTextAsync(["Buy oat milk"]);
    });

    [Fact]
    public Task On_a_phone_the_header_is_one_row_the_targets_are_44px_and_the_tasks_panel_is_at_hand() => RunAsync(nameof(On_a_phone_the_header_is_one_row_the_targets_are_44px_and_the_tasks_panel_is_at_hand), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page, "Bartholomew");
        await ChatAsync(page, "add buy milk");

        var header = await Box(page.Locator(".app-header"));
        Assert.True(header.Height <= 64, $"the header is {header.Height}px high: it wrapped");
        foreach (var part in new[] { page.Locator(".brand").First, page.GetByTestId("nav-tasks"), page.GetByTestId("nav-chat"), page.GetByTestId("sign-out") })
        {
            var box = await Box(part);
            Assert.True(box.Y >= header.Y && box.Y + box.Height <= header.Y + header.Height + 1, $"{part} is outside the header row");
            Assert.True(box.X + box.Width <= Phone.Width, $"{part} is past the screen's edge");
        }
        await AssertTouchTargetAsync(page.GetByTestId("nav-tasks"));
        await AssertTouchTargetAsync(page.GetByTestId("sign-out"));
        await AssertTouchTargetAsync(page.GetByTestId("chat-send"));

        // The tasks are one tap away at the top, not below the whole conversation.
        var toggle = page.GetByTestId("tasks-toggle");
        await Assertions.Expect(toggle).ToBeInViewportAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToBeInViewportAsync();
        await AssertTouchTargetAsync(toggle);

        await OpenTasksAsync(page);
        await AddTaskAsync(page, "Water the plants");
        await AssertTouchTargetAsync(page.Locator(".task-check").First);
        await AssertTouchTargetAsync(page.GetByTestId("task-delete").First);
        await AssertTouchTargetAsync(page.GetByTestId("view-today"));
        await AssertTouchTargetAsync(page.GetByTestId("task-expand").First);
        await AssertNoHorizontalScrollAsync(page);
        await page.GetByTestId("task-expand").First.ClickAsync();
        // The due date and time side by side, each within its half (before, the date field ran under the time field).
        var (date, time) = (await Box(page.GetByTestId("task-due-date")), await Box(page.GetByTestId("task-due-time")));
        Assert.True(date.X + date.Width <= time.X, $"the due date field ({date.X}+{date.Width}px) runs under the time field (at {time.X}px)");
        await AssertTouchTargetAsync(page.GetByTestId("task-due-save"));
        await AssertTouchTargetAsync(page.GetByTestId("task-priority-select"));
        await AssertNoHorizontalScrollAsync(page);
        await AssertTouchTargetAsync(page.GetByTestId("add-task"));
    });

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load); // Not the unstyled moment before the stylesheet, which is never painted.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var inner = await page.EvaluateAsync<int>("() => { const main = document.querySelector('.app-main'); return main ? main.scrollWidth - main.clientWidth : 0; }");
        Assert.True(overflow <= 0 && inner <= 0, $"the page scrolls sideways: {overflow}px, the main area {inner}px");
    }

    private static async Task<LocatorBoundingBoxResult> Box(ILocator locator)
    {
        await Assertions.Expect(locator).ToBeVisibleAsync();
        return await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} has no box");
    }

    private static async Task AssertTouchTargetAsync(ILocator locator)
    {
        var box = await Box(locator);
        Assert.True(box.Width >= MinTouch && box.Height >= MinTouch, $"{locator} is {box.Width}x{box.Height}px, under {MinTouch}px");
    }
}
