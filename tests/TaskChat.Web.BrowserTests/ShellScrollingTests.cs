using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The app is a fixed shell: the header, then the page scrolling inside main (the chat's thread and panels inside
/// their own boxes). Found in a walk-through: past the end of a long task list a wheel or a swipe went on to scroll the
/// whole document, header and nav away, leaving the grey background; a reminder's link (/tasks#task-N) landed with the
/// nav scrolled away. Each row's visually hidden checkbox label (position: absolute) had no positioned ancestor, so it
/// was laid out against the document, outside main's scrolling and clipping, and the last one made the document as
/// tall as the list.
/// </summary>
[Collection(SharedProduct.Name)]
public sealed class ShellScrollingTests(RunningTaskChat stack) : BrowserTest(stack)
{
    private const int TaskCount = 30;

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task Scrolling_past_the_end_of_a_long_task_list_moves_the_list_and_never_the_page(string size) => RunAsync($"{nameof(Scrolling_past_the_end_of_a_long_task_list_moves_the_list_and_never_the_page)}-{size}", async () =>
    {
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop);
        await SignUpAsync(page);
        var ids = await AddTasksAsync(page, TaskCount);
        await OpenTasksAsync(page);
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(TaskCount);
        await AssertTheDocumentCannotScrollAsync(page, "the tasks page");

        // The wheel over the list, on past its end.
        var main = await page.Locator(".app-main").BoundingBoxAsync() ?? throw new InvalidOperationException("no main");
        await page.Mouse.MoveAsync(main.X + main.Width / 2, main.Y + main.Height / 2);
        await page.Mouse.WheelAsync(0, 20_000);
        await MainScrolledToItsEndAsync(page);
        for (var i = 0; i < 3; i++)
        {
            await page.Mouse.WheelAsync(0, 2_000);
        }
        await AssertTheShellIsInPlaceAsync(page, "after the wheel past the list's end");

        // End from the list, twice: the second has nothing left to scroll in main.
        await ScrollMainToTheTopAsync(page);
        await page.GetByTestId("task-toggle").First.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await MainScrolledToItsEndAsync(page);
        await page.Keyboard.PressAsync("End");
        await AssertTheShellIsInPlaceAsync(page, "after End pressed at the list's end");

        // A link to a task near the end (a reminder's): the list scrolls to it, the header stays.
        await ScrollMainToTheTopAsync(page);
        var late = ids[^3];
        await page.EvaluateAsync("id => { location.hash = 'task-' + id; }", late);
        await Assertions.Expect(page.Locator($"#task-{late}")).ToBeInViewportAsync();
        await AssertTheShellIsInPlaceAsync(page, $"after going to #task-{late}");

        // The chat lists the same tasks beside the thread (a laptop) or in a panel (a phone): neither moves the shell.
        await GotoInteractiveAsync(page, "/chat");
        if (size == "phone")
        {
            await page.GetByTestId("tasks-toggle").ClickAsync();
        }
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(TaskCount);
        await Assertions.Expect(page.GetByTestId("side-task-item").First).ToBeVisibleAsync();
        await AssertTheDocumentCannotScrollAsync(page, "the chat page");
        var mainOverflow = await page.EvaluateAsync<int>("() => { const m = document.querySelector('.app-main'); return m.scrollHeight - m.clientHeight; }");
        Assert.True(mainOverflow <= 0, $"the chat's main area (overflow hidden) holds {mainOverflow}px more than it shows: a script or a screen reader could scroll the chat away");
        await ScreenshotAsync(page, $"chat-long-task-list-{size}");

        // A reminder's link opened from elsewhere, as a full load.
        await GotoInteractiveAsync(page, $"/tasks#task-{late}");
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(TaskCount);
        await AssertTheShellIsInPlaceAsync(page, $"after opening /tasks#task-{late}");
        await AssertTheDocumentCannotScrollAsync(page, $"/tasks#task-{late}");
        await ScreenshotAsync(page, $"tasks-long-list-{size}");
    });

    /// <summary>Tasks 1 to <paramref name="count"/>, through the api (faster than the form); their ids in order.</summary>
    private async Task<long[]> AddTasksAsync(IPage page, int count)
    {
        using var api = await ApiAsAsync(page);
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await api.PostAsJsonAsync("/api/tasks", new { title = $"Errand {i + 1}" });
            response.EnsureSuccessStatusCode();
            ids[i] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        }
        return ids;
    }

    private static async Task MainScrolledToItsEndAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => { const m = document.querySelector('.app-main'); return m.scrollTop > 0 && m.scrollTop + m.clientHeight >= m.scrollHeight - 1; }");

    private static async Task ScrollMainToTheTopAsync(IPage page)
    {
        await page.EvaluateAsync("() => { document.querySelector('.app-main').scrollTop = 0; }");
        await page.WaitForFunctionAsync("() => document.querySelector('.app-main').scrollTop === 0");
    }

    /// <summary>
    /// The document is not scrolled and the header is on screen, read two frames after the last input (a scroll the
    /// input started has moved by then: the browser scrolls from the next frame on).
    /// </summary>
    private static async Task AssertTheShellIsInPlaceAsync(IPage page, string when)
    {
        var scrolled = await page.EvaluateAsync<double>(
            "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(document.scrollingElement.scrollTop))))");
        Assert.True(scrolled == 0, $"{when} the whole page is scrolled by {scrolled}px");
        await Assertions.Expect(page.Locator(".app-header")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.GetByTestId("nav-tasks")).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    /// <summary>
    /// The document is no taller than the window, so nothing (wheel, swipe, keys, a link's fragment, a script) can
    /// scroll it. If it is, says which absolutely positioned elements are laid out against the document below the window.
    /// </summary>
    private static async Task AssertTheDocumentCannotScrollAsync(IPage page, string where)
    {
        var measured = await page.EvaluateAsync<JsonElement>("""
            () => {
                const height = document.scrollingElement.scrollHeight, window_ = innerHeight;
                const containingBlockIsTheDocument = e => {
                    for (let p = e.parentElement; p && p !== document.documentElement; p = p.parentElement) {
                        const style = getComputedStyle(p);
                        if (style.position !== 'static' || style.transform !== 'none' || style.contain !== 'none') {
                            return false;
                        }
                    }
                    return true;
                };
                const below = [...document.querySelectorAll('body *')]
                    .filter(e => getComputedStyle(e).position === 'absolute' && containingBlockIsTheDocument(e))
                    .map(e => ({ e, bottom: e.getBoundingClientRect().bottom + scrollY }))
                    .filter(x => x.bottom > window_)
                    .sort((a, b) => b.bottom - a.bottom);
                const text = below.slice(0, 3).map(x => `${x.e.tagName.toLowerCase()}.${x.e.className} "${x.e.textContent.trim()}" down to ${Math.round(x.bottom)}px`);
                return { height, window: window_, culprits: below.length, text: text.join('; ') };
            }
            """);
        var height = measured.GetProperty("height").GetInt32();
        var window = measured.GetProperty("window").GetInt32();
        Assert.True(height <= window,
            $"on {where} the document is {height}px tall in a {window}px window; {measured.GetProperty("culprits").GetInt32()} absolutely positioned "
            + $"elements are laid out against the document below the window: {measured.GetProperty("text").GetString()}");
    }
}
