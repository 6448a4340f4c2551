using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The tasks page as the common task apps behave, found in a walk-through: a completion or a deletion had no undo (now
/// a bar at the bottom: "Completed “Buy milk”  Undo"), the views had no counts, the rows did not show the number the chat
/// calls a task by, and a description lost its line breaks and showed its web addresses as plain text.
/// </summary>
[Collection(SharedProduct.Name)]
public sealed class UndoBarAndViewCountsTests(RunningTaskChat stack) : BrowserTest(stack)
{
    private static readonly string[] Health = ["health"];
    private static readonly string[] AnHourBefore = ["PT1H"];
    private static readonly string[] RestoredFields = ["title", "description", "due", "priority", "tags", "recurrence", "repeat_from", "reminders", "completed"];

    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task Completing_a_task_offers_Undo_which_reopens_it_and_the_view_counts_follow(string size) => RunAsync($"{nameof(Completing_a_task_offers_Undo_which_reopens_it_and_the_view_counts_follow)}-{size}", async () =>
    {
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop);
        await SignUpAsync(page);
        var ids = await AddAsync(page, new { title = "Buy milk" }, new { title = "Send the invoice", due = Day(-2) }, new { title = "Call mom", due = Day(0) },
            new { title = "Book the dentist", due = Day(4) });
        await OpenTasksAsync(page);
        await AssertCountsAsync(page, all: "4", today: "2", upcoming: "1", overdue: "1");
        await Assertions.Expect(page.GetByTestId("view-count-overdue")).ToHaveClassAsync(new Regex(@"\balert\b"));
        // The chat's number for each task ("#1 “Buy milk”" in its replies), so that "mark 1 done" can be said.
        await Assertions.Expect(Row(page, "Buy milk").GetByTestId("task-number")).ToHaveTextAsync($"#{ids[0]}");

        await Row(page, "Buy milk").GetByTestId("task-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Completed “Buy milk”");
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveAttributeAsync("role", "status");
        await AssertCountsAsync(page, all: "3", today: "2", upcoming: "1", overdue: "1");
        // Held under the pointer (its text, not a button), so that it waits for axe and the screenshot past its 8 seconds.
        await page.GetByTestId("undo-text").HoverAsync();
        await ShootAsync(page, $"tasks-undo-{size}", "the undo bar after a completion");
        var views = await page.GetByTestId("view-all").EvaluateAsync<double>("e => { const v = e.parentElement; return v.scrollWidth - v.clientWidth; }");
        Assert.True(views <= 0, $"the views and their counts are {views}px wider than their row: they scroll sideways");

        await page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Reopened “Buy milk”");
        await Assertions.Expect(page.GetByTestId("undo")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("open-tasks").GetByTestId("task-title")).ToContainTextAsync(["Buy milk"]);
        await Assertions.Expect(Row(page, "Buy milk").GetByTestId("task-toggle")).ToBeFocusedAsync(); // Undo went from under the focus
        await AssertCountsAsync(page, all: "4", today: "2", upcoming: "1", overdue: "1");

        // Changes made elsewhere move the counts too (the page's live updates).
        using var api = await ApiAsAsync(page);
        (await api.PatchAsJsonAsync($"/api/tasks/{ids[1]}", new { completed = true })).EnsureSuccessStatusCode();
        await AssertCountsAsync(page, all: "3", today: "1", upcoming: "1", overdue: null);
        await page.GetByTestId("view-upcoming").ClickAsync();
        await AssertCountsAsync(page, all: "3", today: "1", upcoming: "1", overdue: null);
    });

    [Fact]
    public Task Deleting_a_task_offers_Undo_which_restores_it_with_its_fields_and_its_own_number() => RunAsync(nameof(Deleting_a_task_offers_Undo_which_restores_it_with_its_fields_and_its_own_number), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        var gym = new
        {
            title = "Gym", description = "Legs day\nPlan: https://example.org/plan", due = $"{Day(3)}T18:00", priority = "high", tags = Health,
            recurrence = "FREQ=WEEKLY", reminders = AnHourBefore,
        };
        var ids = await AddAsync(page, new { title = "Buy milk" }, gym);
        await OpenTasksAsync(page);
        using var api = await ApiAsAsync(page);
        var before = await TaskAsync(api, ids[1]);

        await Row(page, "Gym").GetByTestId("task-delete").ClickAsync();
        await Row(page, "Gym").GetByTestId("confirm-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Deleted “Gym”");
        await Assertions.Expect(Row(page, "Gym")).ToHaveCountAsync(0);
        await AssertCountsAsync(page, all: "1", today: null, upcoming: null, overdue: null);
        await page.GetByTestId("undo-text").HoverAsync();
        await ShootAsync(page, "tasks-undo-delete-phone", "the undo bar after a deletion");

        // Restored by the api: the same task, with its own number, created time and every field.
        await page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Restored “Gym”");
        await Assertions.Expect(Row(page, "Gym").GetByTestId("task-number")).ToHaveTextAsync($"#{ids[1]}");
        await Assertions.Expect(Row(page, "Gym").GetByTestId("task-toggle")).ToBeFocusedAsync();
        await AssertCountsAsync(page, all: "2", today: null, upcoming: "1", overdue: null);
        await ShootAsync(page, "tasks-undo-restored-phone", "the undo bar after Undo of a deletion");
        var after = await TaskAsync(api, ids[1]);
        foreach (var field in RestoredFields.Append("created_at"))
        {
            Assert.Equal(before.GetProperty(field).ToString(), after.GetProperty(field).ToString());
        }
    });

    [Fact]
    public Task The_undo_bar_stays_while_hovered_goes_by_itself_and_a_newer_action_replaces_it() => RunAsync(nameof(The_undo_bar_stays_while_hovered_goes_by_itself_and_a_newer_action_replaces_it), async () =>
    {
        var page = await NewPageAsync(Laptop);
        await SignUpAsync(page);
        await AddAsync(page, new { title = "Buy milk" }, new { title = "Walk the dog" });
        await OpenTasksAsync(page);

        await Row(page, "Buy milk").GetByTestId("task-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Completed “Buy milk”");
        await Row(page, "Walk the dog").GetByTestId("task-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Completed “Walk the dog”");

        // Held under the pointer past its 8 seconds: a wait is the only way to see that something stays.
        await page.GetByTestId("undo-bar").HoverAsync();
        await page.WaitForTimeoutAsync(10_000);
        await Assertions.Expect(page.GetByTestId("undo")).ToBeVisibleAsync();

        // Let go, it goes by itself, and the status line is left empty.
        await page.Mouse.MoveAsync(0, 0);
        await Assertions.Expect(page.GetByTestId("undo")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("undo-text")).ToBeEmptyAsync();

        // Held by the keyboard's focus too, and Enter on Undo brings back a deleted task that was done as done.
        await Row(page, "Buy milk").GetByTestId("task-delete").ClickAsync();
        await page.GetByTestId("confirm-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Deleted “Buy milk”");
        await page.Mouse.MoveAsync(0, 0);
        await page.GetByTestId("undo").FocusAsync();
        await page.WaitForTimeoutAsync(10_000);
        await Assertions.Expect(page.GetByTestId("undo")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Restored “Buy milk”");
        await Assertions.Expect(Row(page, "Buy milk").GetByTestId("task-number")).ToHaveTextAsync("#1");
        await Assertions.Expect(page.GetByTestId("completed-tasks").GetByTestId("task-title")).ToContainTextAsync(["Buy milk"]); // done, as it was
    });

    [Fact]
    public Task On_a_phone_the_undo_bar_never_covers_the_last_row_and_the_page_stays_put() => RunAsync(nameof(On_a_phone_the_undo_bar_never_covers_the_last_row_and_the_page_stays_put), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        await AddAsync(page, [.. Enumerable.Range(1, 14).Select(i => (object)new { title = $"Errand {i}" })]);
        await OpenTasksAsync(page);

        await Row(page, "Errand 1").GetByTestId("task-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo")).ToBeVisibleAsync();
        // The list reloaded after the tick (the task moved to the completed group below): scrolled before that, the
        // group came in under the scroll and the last row below the window (ci119, a loaded machine).
        await Assertions.Expect(page.GetByTestId("completed-tasks").GetByTestId("task-title")).ToContainTextAsync(["Errand 1"]);
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("() => { const m = document.querySelector('.app-main'); m.scrollTop = m.scrollHeight; }");
        var layout = await page.EvaluateAsync<JsonElement>("""
            () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
                const rows = [...document.querySelectorAll('[data-testid=task-item]')];
                const last = rows[rows.length - 1].getBoundingClientRect(), bar = document.querySelector('.undo-bar').getBoundingClientRect();
                done({ lastBottom: last.bottom, barTop: bar.top, barBottom: bar.bottom, window: innerHeight,
                       documentScroll: document.scrollingElement.scrollTop, documentHeight: document.scrollingElement.scrollHeight,
                       mainOverflowX: document.querySelector('.app-main').scrollWidth - document.querySelector('.app-main').clientWidth });
            })))
            """);
        Assert.True(layout.GetProperty("lastBottom").GetDouble() <= layout.GetProperty("barTop").GetDouble(), $"the last row goes under the undo bar: {layout}");
        Assert.True(layout.GetProperty("barBottom").GetDouble() <= layout.GetProperty("window").GetDouble(), $"the undo bar is below the window: {layout}");
        Assert.True(layout.GetProperty("documentScroll").GetDouble() == 0 && layout.GetProperty("documentHeight").GetDouble() <= layout.GetProperty("window").GetDouble(),
            $"the document scrolls: {layout}");
        Assert.True(layout.GetProperty("mainOverflowX").GetDouble() <= 0, $"the page is wider than the phone: {layout}");
        await ScreenshotAsync(page, "tasks-undo-last-row-phone");
    });

    [Fact]
    public Task A_description_keeps_its_line_breaks_and_links_its_web_addresses_and_nothing_else() => RunAsync(nameof(A_description_keeps_its_line_breaks_and_links_its_web_addresses_and_nothing_else), async () =>
    {
        var longAddress = "https://example.org/" + new string('x', 400);
        var description = "Pack:\nthe tickets https://example.org/trains?from=a&to=b.\n<script>window.injected = 1</script><b>bold</b> <img src=x onerror=\"window.injected = 2\">\n"
            + "javascript:window.injected=3 " + longAddress;
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        await AddAsync(page, new { title = "Trip to Lyon", description });
        await OpenTasksAsync(page);
        var preview = Row(page, "Trip to Lyon").GetByTestId("task-description-preview");

        var links = preview.GetByTestId("task-description-link");
        await Assertions.Expect(links).ToHaveTextAsync(["https://example.org/trains?from=a&to=b", longAddress]);
        await Assertions.Expect(links.First).ToHaveAttributeAsync("href", "https://example.org/trains?from=a&to=b");
        await Assertions.Expect(links.First).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
        await Assertions.Expect(links.First).ToHaveAttributeAsync("target", "_blank");
        // Markup in it is text: no element but the two links, nothing run, and the text is there as typed.
        Assert.Equal(2, await preview.Locator("*").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        await Row(page, "Trip to Lyon").GetByTestId("task-expand").ClickAsync();
        await Assertions.Expect(preview).ToContainTextAsync("<script>window.injected = 1</script><b>bold</b>");
        var text = await preview.InnerTextAsync();
        Assert.StartsWith("Pack:\nthe tickets https://example.org/trains?from=a&to=b.\n<script>", text, StringComparison.Ordinal); // line breaks kept
        var overflow = await page.EvaluateAsync<double>("() => { const m = document.querySelector('.app-main'); return m.scrollWidth - m.clientWidth; }");
        Assert.True(overflow <= 0, $"the long address makes the page {overflow}px wider than the phone");
        await ShootAsync(page, "tasks-description-phone", "a description with line breaks and links");
    });

    private static async Task AssertCountsAsync(IPage page, string? all, string? today, string? upcoming, string? overdue)
    {
        foreach (var (view, count) in new[] { ("all", all), ("today", today), ("upcoming", upcoming), ("overdue", overdue) })
        {
            var badge = page.GetByTestId($"view-count-{view}");
            if (count is null)
            {
                await Assertions.Expect(badge).ToHaveCountAsync(0);
            }
            else
            {
                await Assertions.Expect(badge).ToHaveTextAsync($", {count} to do"); // the commas and words are for screen readers
            }
        }
    }

    /// <summary>Tasks through the api (faster than the form, and with fields the add form has not); their ids in order.</summary>
    private async Task<long[]> AddAsync(IPage page, params object[] tasks)
    {
        using var api = await ApiAsAsync(page);
        var ids = new List<long>();
        foreach (var task in tasks)
        {
            using var response = await api.PostAsJsonAsync("/api/tasks", task);
            response.EnsureSuccessStatusCode();
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64());
        }
        return [.. ids];
    }

    private static async Task<JsonElement> TaskAsync(HttpClient api, long id) =>
        JsonDocument.Parse(await api.GetStringAsync($"/api/tasks/{id}")).RootElement.Clone();

    private static ILocator Row(IPage page, string title) =>
        page.GetByTestId("task-item").Filter(new() { Has = page.GetByTestId("task-title").GetByText(title, new() { Exact = true }) });

    /// <summary>A day counted from today in the browser's zone (the machine's: these pages are opened without one).</summary>
    private static string Day(int days) => DateOnly.FromDateTime(DateTime.Now).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ShootAsync(IPage page, string name, string state)
    {
        await Axe.AssertNoSeriousViolationsAsync(page, state);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }
}
