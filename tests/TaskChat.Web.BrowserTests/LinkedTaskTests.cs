using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// A link to a task (/tasks#task-N: the chat's side list, a reminder) lands on its row, as GitHub lands on a linked line:
/// the list (main, which scrolls inside the fixed shell) scrolled to it and the row marked for a moment. Before, the row
/// came after the page loaded, so the browser's own jump found nothing, and a task the view did not show was simply not
/// there. Now a completed task's folded group opens, and a task the view does not show is said, with a link to All.
/// </summary>
[Collection(SecondSharedProduct.Name)]
public sealed class LinkedTaskTests(RunningTaskChat stack) : BrowserTest(stack)
{
    private const int TaskCount = 30;

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task A_linked_task_is_scrolled_to_and_marked_and_one_the_view_does_not_show_is_said(string size) => RunAsync($"{nameof(A_linked_task_is_scrolled_to_and_marked_and_one_the_view_does_not_show_is_said)}-{size}", async () =>
    {
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop);
        await SignUpAsync(page);
        var ids = await AddTasksAsync(page, TaskCount);
        var done = ids[1];
        using (var api = await ApiAsAsync(page))
        {
            using var completed = await api.PatchAsJsonAsync($"/api/tasks/{done}", new { completed = true });
            completed.EnsureSuccessStatusCode();
        }

        // From the chat's side list (on a phone, its tasks panel): the last open task, far below the first screen.
        await GotoInteractiveAsync(page, "/chat");
        if (size == "phone")
        {
            await page.GetByTestId("tasks-toggle").ClickAsync();
        }
        var late = ids[^1];
        await page.GetByTestId("side-task-link").Filter(new() { HasText = $"Errand {TaskCount}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tasks#task-{late}$"));
        await AssertLandedOnAsync(page, late);
        await ScreenshotAsync(page, $"tasks-linked-{size}");
        // Marked for a moment only.
        await Assertions.Expect(page.Locator($"#task-{late}")).Not.ToHaveAttributeAsync("data-linked", "", new() { Timeout = 10_000 });

        // A completed task in the folded Completed group: the group opens.
        await page.GetByTestId("completed-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("completed-tasks")).ToHaveCountAsync(0);
        await page.EvaluateAsync("id => { location.hash = 'task-' + id; }", done);
        await Assertions.Expect(page.GetByTestId("completed-tasks")).ToBeVisibleAsync();
        await AssertLandedOnAsync(page, done);

        // A view that does not show it (no due date, not Today's): said, with a link to All, which lands on it.
        await GotoInteractiveAsync(page, $"/tasks?view=today#task-{ids[5]}");
        var status = page.GetByTestId("linked-task-status");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex($"^\\s*“Errand 6” \\(#{ids[5]}\\) isn't in Today\\.\\s*Show it in All\\s*$"));
        await ScreenshotAsync(page, $"tasks-linked-elsewhere-{size}");
        await status.GetByTestId("linked-task-view").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tasks\\?view=all#task-{ids[5]}$"));
        await AssertLandedOnAsync(page, ids[5]);
        await Assertions.Expect(status).ToHaveCountAsync(0);

        // A number the user has no task under (deleted, or never theirs).
        await page.EvaluateAsync("() => { location.hash = 'task-987654321'; }");
        await Assertions.Expect(status).ToHaveTextAsync("Task #987654321 isn't in your list: it may have been deleted.");

        // A task due after today, linked in Today: the link is to Upcoming, the narrowest view that lists it (before: All).
        var later = ids[7];
        using (var api = await ApiAsAsync(page))
        {
            using var dated = await api.PatchAsJsonAsync($"/api/tasks/{later}", new { due = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            dated.EnsureSuccessStatusCode();
        }
        await GotoInteractiveAsync(page, $"/tasks?view=today#task-{later}");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex($"^\\s*“Errand 8” \\(#{later}\\) isn't in Today\\.\\s*Show it in Upcoming\\s*$"));
        await status.GetByTestId("linked-task-view").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tasks\\?view=upcoming#task-{later}$"));
        await AssertLandedOnAsync(page, later);
    });

    [Fact]
    public Task With_reduced_motion_the_linked_row_is_marked_without_an_animation() => RunAsync(nameof(With_reduced_motion_the_linked_row_is_marked_without_an_animation), async () =>
    {
        var page = await NewPageAsync(Phone);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await SignUpAsync(page);
        var ids = await AddTasksAsync(page, TaskCount);

        await GotoInteractiveAsync(page, $"/tasks#task-{ids[^2]}");

        await AssertLandedOnAsync(page, ids[^2]);
        var row = page.Locator($"#task-{ids[^2]}");
        Assert.Equal("none", await row.EvaluateAsync<string>("r => getComputedStyle(r).animationName"));
        Assert.Equal("rgb(255, 248, 197)", await row.EvaluateAsync<string>("r => getComputedStyle(r).backgroundColor"));
    });

    /// <summary>The row is on screen inside the list, marked, and the document itself did not scroll (the shell stays).</summary>
    private static async Task AssertLandedOnAsync(IPage page, long id)
    {
        var row = page.Locator($"#task-{id}");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-linked", "");
        await Assertions.Expect(row).ToBeInViewportAsync(new() { Ratio = 1 });
        var scrolled = await page.EvaluateAsync<double>("() => document.scrollingElement.scrollTop");
        Assert.True(scrolled == 0, $"the document scrolled by {scrolled}px to #task-{id}");
        await Assertions.Expect(page.Locator(".app-header")).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    /// <summary>Errands 1 to <paramref name="count"/>, through the api; their ids in order.</summary>
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
}
