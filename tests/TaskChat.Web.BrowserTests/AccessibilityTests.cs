using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// axe-core on every page, in the states a person sees, at phone and laptop sizes, light and dark (the system's
/// setting, which app.css follows): no serious or critical violation, text contrast included.
/// </summary>
[Collection(SecondSharedProduct.Name)]
public sealed class AccessibilityTests(RunningTaskChat stack) : BrowserTest(stack)
{
    [Theory]
    [InlineData("phone", "light")]
    [InlineData("laptop", "light")]
    [InlineData("phone", "dark")]
    public Task Every_page_has_no_serious_or_critical_axe_violation(string size, string scheme) => RunAsync($"axe-{size}-{scheme}", async () =>
    {
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop, colorScheme: scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        Assert.Equal(scheme == "dark", await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches"));

        await page.GotoAsync("/sign-in");
        await Axe.AssertNoSeriousViolationsAsync(page, "sign-in");
        await page.GotoAsync("/sign-up");
        await Axe.AssertNoSeriousViolationsAsync(page, "sign-up");
        await page.GotoAsync("/no-such-page");
        await Axe.AssertNoSeriousViolationsAsync(page, "not found");

        await SignUpAsync(page);
        await Axe.AssertNoSeriousViolationsAsync(page, "an empty chat");
        await ChatAsync(page, "add buy milk");
        await ChatAsync(page, "complete 987654");
        await Axe.AssertNoSeriousViolationsAsync(page, "a chat with chips, a failed one included");
        if (size == "phone")
        {
            await page.GetByTestId("conversations-toggle").ClickAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, "the chat with its conversations open");
        }
        await page.GetByTestId("conversation-rename").ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversation-title-input")).ToBeFocusedAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "a conversation being renamed");
        await page.GetByTestId("conversation-rename-cancel").ClickAsync();
        if (size == "phone")
        {
            await page.GetByTestId("tasks-toggle").ClickAsync();
            await Assertions.Expect(page.GetByTestId("side-task-item").First).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, "the chat with its tasks panel open");
        }

        await OpenTasksAsync(page);
        // The add box reading a line: a chip and a mark of each kind's colour.
        await page.GetByTestId("new-task-title").PressSequentiallyAsync("pay rent friday 9am !high #home every month");
        await Assertions.Expect(page.GetByTestId("add-preview").GetByTestId("add-preview-tags")).ToContainTextAsync("#home");
        await Axe.AssertNoSeriousViolationsAsync(page, "the add box reading a date, a priority, a tag and a repeat");
        await page.GetByTestId("new-task-title").FillAsync("");
        await AddTaskAsync(page, "Water the plants");
        await Axe.AssertNoSeriousViolationsAsync(page, "tasks");
        await page.GetByTestId("task-delete").First.ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "tasks with a delete to confirm");
        await page.GetByTestId("cancel-delete").ClickAsync();
        await page.GetByTestId("task-expand").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-details")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "a task's details open");
        await page.GetByTestId("task-toggle").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("completed-tasks")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "a completed task grouped below");
        await page.GetByTestId("view-overdue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tasks-empty")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "an empty view");
    });

    /// <summary>
    /// The check itself: a page that passes stops passing when something breaks a rule, after an enhanced navigation
    /// (the same document, axe-core already in it) as after a full load (a new one).
    /// </summary>
    [Fact]
    public Task The_axe_check_finds_a_violation_put_into_a_page() => RunAsync(nameof(The_axe_check_finds_a_violation_put_into_a_page), async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<button></button>')");
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("button-name (critical, 1 element(s))", StringComparison.Ordinal));

        await page.GotoAsync("/sign-up");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.png\">')");
        Assert.Contains(await Axe.SeriousViolationsAsync(page), v => v.StartsWith("image-alt (critical", StringComparison.Ordinal));
    });

    /// <summary>
    /// A navigation puts the focus on the new page's heading (for screen readers), but the heading's
    /// turn, which comes a moment after a page's first interactive render, never takes the focus from a
    /// field being typed in: a first chat's Enter went to the heading that way and sent nothing.
    /// </summary>
    [Fact]
    public Task A_navigation_focuses_the_heading_but_never_a_field_being_typed_in() => RunAsync(nameof(A_navigation_focuses_the_heading_but_never_a_field_being_typed_in), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);

        await OpenTasksAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();

        // What the heading's turn does when it comes while someone types, and when it finds nobody typing.
        var title = page.GetByTestId("new-task-title");
        await title.FocusAsync();
        await page.EvaluateAsync("() => window.taskChat.focusHeading('h1')");
        await Assertions.Expect(title).ToBeFocusedAsync();
        await page.GetByTestId("nav-chat").FocusAsync();
        await page.EvaluateAsync("() => window.taskChat.focusHeading('h1')");
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
    });
}
