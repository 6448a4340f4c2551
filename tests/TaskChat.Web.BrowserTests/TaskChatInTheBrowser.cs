using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>A user's journeys through the real web, api and mcp services in Chromium.</summary>
[Collection(SecondSharedProduct.Name)]
public sealed class TaskChatInTheBrowser(RunningTaskChat stack) : BrowserTest(stack)
{
    [Fact]
    public Task A_new_user_signs_up_and_lands_on_the_chat_page() => RunAsync(nameof(A_new_user_signs_up_and_lands_on_the_chat_page), async () =>
    {
        var page = await NewPageAsync();

        await SignUpAsync(page, "Grace");

        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Grace");
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_task_added_on_the_tasks_page_appears_in_the_list() => RunAsync(nameof(A_task_added_on_the_tasks_page_appears_in_the_list), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await OpenTasksAsync(page);
        await Assertions.Expect(page.GetByTestId("tasks-empty")).ToBeVisibleAsync();

        await AddTaskAsync(page, "Water the plants");

        await Assertions.Expect(page.GetByTestId("task-title")).ToHaveTextAsync(["Water the plants"]);
        await Assertions.Expect(page.GetByTestId("tasks-empty")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Chatting_add_buy_milk_shows_the_task_beside_the_chat_and_the_tool_used() => RunAsync(nameof(Chatting_add_buy_milk_shows_the_task_beside_the_chat_and_the_tool_used), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);

        await ChatAsync(page, "add buy milk");

        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToContainTextAsync("Buy milk");
        await Assertions.Expect(page.GetByTestId("tool-chip")).ToHaveTextAsync(["✓ Added “Buy milk”"]);
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=user]")).ToHaveTextAsync(["add buy milk"]);
    });

    [Fact]
    public Task A_task_completed_by_chat_shows_as_completed_on_the_tasks_page() => RunAsync(nameof(A_task_completed_by_chat_shows_as_completed_on_the_tasks_page), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToContainTextAsync("Buy milk");

        await ChatAsync(page, "mark the milk one done");

        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveClassAsync(new Regex(@"\bdone\b"));
        await OpenTasksAsync(page);
        // Completed tasks are grouped below the open ones, which are now none.
        await Assertions.Expect(page.GetByTestId("tasks-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("completed-toggle")).ToHaveTextAsync(new Regex(@"Completed \(1\)"));
        await Assertions.Expect(page.GetByTestId("completed-tasks").GetByTestId("task-title")).ToHaveTextAsync(["Buy milk"]);
        await Assertions.Expect(page.GetByTestId("task-toggle")).ToBeCheckedAsync();
    });

    [Fact]
    public Task A_second_user_sees_none_of_the_first_users_tasks() => RunAsync(nameof(A_second_user_sees_none_of_the_first_users_tasks), async () =>
    {
        var first = await NewPageAsync();
        await SignUpAsync(first, "Alice");
        await OpenTasksAsync(first);
        await AddTaskAsync(first, "Alice's secret plan");

        var second = await NewPageAsync();
        await SignUpAsync(second, "Bob");
        await Assertions.Expect(second.GetByTestId("side-tasks-empty")).ToBeAttachedAsync();
        await OpenTasksAsync(second);

        await Assertions.Expect(second.GetByTestId("tasks-empty")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByTestId("task-item")).ToHaveCountAsync(0);
        await Assertions.Expect(second.GetByText("Alice's secret plan")).ToHaveCountAsync(0);
    });
}
