using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The tasks page's add box read as Todoist and TickTick read theirs: "pay rent friday 9am #home" previews a task due
/// Friday at 09:00 tagged #home (the words marked where they were typed) and adds it so; a word can be kept as typed;
/// each tag its own chip, whose × keeps that tag's words alone; on a phone the box and Add come first, the date, time and
/// priority folded behind Details.
/// </summary>
[Collection(SharedProduct.Name)]
public sealed class QuickAddTests(RunningTaskChat stack) : BrowserTest(stack)
{
    private const string Paris = "Europe/Paris";

    [Fact]
    public Task A_typed_line_is_previewed_with_its_words_marked_and_added_with_its_due_date_and_tag() => RunAsync(nameof(A_typed_line_is_previewed_with_its_words_marked_and_added_with_its_due_date_and_tag), async () =>
    {
        var page = await NewPageAsync(Laptop, timeZone: Paris);
        await SignUpAsync(page);
        await OpenTasksAsync(page);
        // A laptop shows the fields, and no Details toggle.
        await Assertions.Expect(page.GetByTestId("new-task-date")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("add-details-toggle")).ToBeHiddenAsync();

        // "!!" ending the line is high priority, as in the chat (before: dropped from the title and not read).
        await page.GetByTestId("new-task-title").PressSequentiallyAsync("pay rent friday 9am #home !!");

        var preview = page.GetByTestId("add-preview");
        await Assertions.Expect(preview.GetByTestId("add-preview-title")).ToHaveTextAsync("Pay rent");
        await Assertions.Expect(preview.GetByTestId("add-preview-due")).ToContainTextAsync("at 09:00");
        await Assertions.Expect(preview.GetByTestId("add-preview-tags")).ToContainTextAsync("#home");
        await Assertions.Expect(preview.GetByTestId("add-preview-priority")).ToContainTextAsync("High");
        await Assertions.Expect(page.GetByTestId("add-mark")).ToHaveTextAsync(["friday 9am", "#home", "!!"]);
        await ShootAsync(page, "quick-add-preview-laptop", "the add box's preview of a typed line");

        await page.GetByTestId("add-task").ClickAsync();

        var row = Row(page, "Pay rent");
        await Assertions.Expect(row.GetByTestId("task-due")).ToHaveTextAsync(new Regex($@"^\s*{Regex.Escape(FridayAtNine())}\s*$"));
        await Assertions.Expect(row.GetByTestId("task-tag")).ToHaveTextAsync(["#home"]);
        await Assertions.Expect(page.GetByTestId("new-task-title")).ToHaveValueAsync("");
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("add-mark")).ToHaveCountAsync(0);
        // One task, stored as read: Friday 09:00 in Paris, with Paris's offset.
        using var api = await ApiAsAsync(page);
        var tasks = (await api.GetFromJsonAsync<JsonElement>("api/tasks")).GetProperty("tasks");
        var task = Assert.Single(tasks.EnumerateArray());
        Assert.Equal("Pay rent", task.GetProperty("title").GetString());
        Assert.Equal(NextFriday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00:00+01:00", task.GetProperty("due").GetString());
        Assert.Equal(["home"], task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("high", task.GetProperty("priority").GetString());
        await ShootAsync(page, "quick-add-added-laptop", "the task added from the typed line");
    });

    [Fact]
    public Task A_word_kept_as_typed_stays_in_the_title_and_the_chosen_fields_win_over_the_line() => RunAsync(nameof(A_word_kept_as_typed_stays_in_the_title_and_the_chosen_fields_win_over_the_line), async () =>
    {
        var page = await NewPageAsync(Laptop, timeZone: Paris);
        await SignUpAsync(page);
        await OpenTasksAsync(page);

        await page.GetByTestId("new-task-title").PressSequentiallyAsync("Read Friday");
        await Assertions.Expect(page.GetByTestId("add-preview-title")).ToHaveTextAsync("Read");
        await page.GetByTestId("add-keep-due").ClickAsync();
        await Assertions.Expect(page.GetByTestId("add-preview")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("add-mark")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("new-task-title")).ToBeFocusedAsync();
        await page.GetByTestId("add-task").ClickAsync();
        await Assertions.Expect(Row(page, "Read Friday")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "Read Friday").GetByTestId("task-due")).ToHaveCountAsync(0);

        // A priority chosen in the field is the task's; the line's "!low" then stays words of the title.
        await page.GetByTestId("new-task-priority").SelectOptionAsync("high");
        await page.GetByTestId("new-task-title").PressSequentiallyAsync("call mom !low tomorrow");
        await Assertions.Expect(page.GetByTestId("add-preview-title")).ToHaveTextAsync("Call mom !low");
        await Assertions.Expect(page.GetByTestId("add-preview-priority")).ToHaveCountAsync(0);
        await page.GetByTestId("add-task").ClickAsync();
        var call = Row(page, "Call mom !low");
        await Assertions.Expect(call.GetByTestId("task-due")).ToHaveTextAsync(new Regex(@"^\s*Tomorrow\s*$"));
        await Assertions.Expect(call.GetByTestId("task-priority")).ToContainTextAsync("High");
    });

    [Fact]
    public Task Each_tag_has_a_chip_of_its_own_whose_cross_keeps_that_tag_alone_as_typed() => RunAsync(nameof(Each_tag_has_a_chip_of_its_own_whose_cross_keeps_that_tag_alone_as_typed), async () =>
    {
        var page = await NewPageAsync(Phone, timeZone: Paris);
        await SignUpAsync(page);
        await OpenTasksAsync(page);

        await page.GetByTestId("new-task-title").PressSequentiallyAsync("pay rent friday 9am #home #bills");
        var tags = page.GetByTestId("add-preview-tags");
        await Assertions.Expect(tags).ToHaveTextAsync(["#home", "#bills"]);
        await Assertions.Expect(tags.GetByTestId("add-keep-tags")).ToHaveCountAsync(2);
        await Assertions.Expect(tags.Last.GetByTestId("add-keep-tags")).ToHaveAttributeAsync("aria-label", "Keep “#bills” as typed");
        await Assertions.Expect(page.GetByTestId("add-mark")).ToHaveTextAsync(["friday 9am", "#home", "#bills"]);
        await ShootAsync(page, "quick-add-tags-phone", "the phone's add form with a chip per tag");

        // Before, the tags' one × dropped both: "#bills" is kept as typed, "#home" is still read.
        await tags.Filter(new() { HasText = "#bills" }).GetByTestId("add-keep-tags").ClickAsync();
        await Assertions.Expect(page.GetByTestId("add-preview-title")).ToHaveTextAsync("Pay rent #bills");
        await Assertions.Expect(tags).ToHaveTextAsync(["#home"]);
        await Assertions.Expect(page.GetByTestId("add-preview-due")).ToContainTextAsync("at 09:00");
        await Assertions.Expect(page.GetByTestId("add-mark")).ToHaveTextAsync(["friday 9am", "#home"]);
        await Assertions.Expect(page.GetByTestId("new-task-title")).ToBeFocusedAsync();
        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await ShootAsync(page, "quick-add-tag-kept-laptop", "the add form with one tag kept as typed");

        await page.GetByTestId("add-task").ClickAsync();
        var row = Row(page, "Pay rent #bills");
        await Assertions.Expect(row.GetByTestId("task-tag")).ToHaveTextAsync(["#home"]);
        using var api = await ApiAsAsync(page);
        var task = Assert.Single((await api.GetFromJsonAsync<JsonElement>("api/tasks")).GetProperty("tasks").EnumerateArray());
        Assert.Equal("Pay rent #bills", task.GetProperty("title").GetString());
        Assert.Equal(["home"], task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    });

    [Fact]
    public Task On_a_phone_the_box_and_Add_come_first_and_the_fields_open_behind_Details() => RunAsync(nameof(On_a_phone_the_box_and_Add_come_first_and_the_fields_open_behind_Details), async () =>
    {
        var page = await NewPageAsync(Phone, timeZone: Paris);
        await SignUpAsync(page);
        await OpenTasksAsync(page);
        var toggle = page.GetByTestId("add-details-toggle");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.GetByTestId("new-task-date")).ToBeHiddenAsync();
        var box = await page.GetByTestId("new-task-title").BoundingBoxAsync();
        var add = await page.GetByTestId("add-task").BoundingBoxAsync();
        Assert.True(box is not null && add is not null && Math.Abs(box.Y - add.Y) < 2, "the box and Add share one row");
        var form = await page.Locator("form.add-task").BoundingBoxAsync();
        Assert.True(form!.Height < 90, $"the folded add form is {form.Height}px high: one row of the first screen");
        await ShootAsync(page, "quick-add-folded-phone", "the phone's add form, folded");

        await page.GetByTestId("new-task-title").PressSequentiallyAsync("call mom tomorrow at 6pm every week");
        await Assertions.Expect(page.GetByTestId("add-preview-due")).ToContainTextAsync("Tomorrow at 18:00");
        await Assertions.Expect(page.GetByTestId("add-preview-repeat")).ToContainTextAsync("Every week");
        await ShootAsync(page, "quick-add-preview-phone", "the phone's add form with a preview");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByTestId("new-task-date")).ToBeVisibleAsync();
        await ShootAsync(page, "quick-add-details-phone", "the phone's add form with its details open");
        await page.GetByTestId("add-task").ClickAsync();
        var row = Row(page, "Call mom");
        await Assertions.Expect(row.GetByTestId("task-due")).ToHaveTextAsync(new Regex(@"^\s*Tomorrow 18:00\s*$"));
        await Assertions.Expect(row.GetByTestId("task-repeat")).ToContainTextAsync("Repeats weekly");
    });

    private static ILocator Row(IPage page, string title) =>
        page.GetByTestId("task-item").Filter(new() { Has = page.GetByTestId("task-title").GetByText(title, new() { Exact = true }) });

    private static DateOnly TodayIn(string zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);

    /// <summary>"friday" as the agent reads it: the next Friday, a week on when today is one.</summary>
    private static DateOnly NextFriday()
    {
        var today = TodayIn(Paris);
        var ahead = ((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    /// <summary>How a row says it: "Tomorrow 09:00", else "Fri 11 Dec 09:00".</summary>
    private static string FridayAtNine()
    {
        var friday = NextFriday();
        var day = friday.DayNumber - TodayIn(Paris).DayNumber == 1 ? "Tomorrow"
            : friday.ToString(friday.Year == TodayIn(Paris).Year ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture);
        return day + " 09:00";
    }

    private static async Task ShootAsync(IPage page, string name, string state)
    {
        await Axe.AssertNoSeriousViolationsAsync(page, state);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }
}
