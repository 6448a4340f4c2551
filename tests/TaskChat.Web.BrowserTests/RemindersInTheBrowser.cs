using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ModelContextProtocol.Client;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// Reminders and live updates in Chromium against the launched stack: a change made through MCP (a
/// real MCP client with the user's token, as an outside client would) appears on the open tasks page,
/// a reminder shows as a toast and as a browser notification in every open tab, and one that went off
/// while the user was away waits in the notifications list.
/// </summary>
[Collection(SharedProduct.Name)]
public sealed class RemindersInTheBrowser(RunningTaskChat stack) : BrowserTest(stack)
{
    /// <summary>Where the session's screenshots go (TASKCHAT_SHOTS_DIR, or screenshots/ beside the tests).</summary>
    private static readonly string Shots = Environment.GetEnvironmentVariable("TASKCHAT_SHOTS_DIR") is { Length: > 0 } chosen
        ? Directory.CreateDirectory(chosen).FullName
        : ScreenshotDirectory;

    /// <summary>
    /// Records every browser notification the page creates (the real one is still created): headless
    /// Chromium shows nothing a test could see. Added as an init script, which the page's CSP does not govern.
    /// </summary>
    private const string RecordNotifications = """
        (() => {
            const Real = window.Notification;
            if (!Real) { return; }
            window.__notifications = [];
            class Recorded extends Real {
                constructor(title, options) {
                    window.__notifications.push({ title, tag: options && options.tag });
                    super(title, options);
                }
            }
            Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
            Recorded.requestPermission = (...args) => Real.requestPermission(...args);
            window.Notification = Recorded;
        })();
        """;

    [Fact]
    public Task A_task_added_through_MCP_appears_on_the_open_tasks_page_without_a_reload() => RunAsync(nameof(A_task_added_through_MCP_appears_on_the_open_tasks_page_without_a_reload), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await OpenTasksAsync(page);
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await using var mcp = await McpClientAsync(page);

        await mcp.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "Call the plumber" });

        await Assertions.Expect(page.GetByTestId("task-title").Filter(new() { HasText = "Call the plumber" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
    });

    [Fact]
    public Task A_reminder_due_now_shows_in_every_open_tab_and_as_a_browser_notification() => RunAsync(nameof(A_reminder_due_now_shows_in_every_open_tab_and_as_a_browser_notification), async () =>
    {
        var page = await NewPageAsync(permissions: ["notifications"]);
        await page.Context.AddInitScriptAsync(RecordNotifications);
        await SignUpAsync(page, "Reminded");
        await OpenTasksAsync(page);
        var chatTab = await NewTabAsync(page);
        await GotoInteractiveAsync(chatTab, "/chat");
        await using var mcp = await McpClientAsync(page);

        await mcp.CallToolAsync("add_task", new Dictionary<string, object?>
        {
            ["title"] = "Call mom",
            ["reminders"] = new[] { DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
        });

        await Assertions.Expect(page.GetByTestId("task-title").Filter(new() { HasText = "Call mom" })).ToBeVisibleAsync(); // Live, too.
        foreach (var tab in new[] { page, chatTab })
        {
            // Headless Chromium runs only the front tab's page promptly: look at each, as a person would.
            await tab.BringToFrontAsync();
            var toast = tab.GetByTestId("reminder-toast");
            await Assertions.Expect(toast).ToContainTextAsync("Call mom");
            await Assertions.Expect(tab.GetByTestId("reminder-toasts")).ToHaveAttributeAsync("role", "status");
            await Assertions.Expect(toast.GetByTestId("reminder-link")).ToHaveAttributeAsync("href", new Regex("^/tasks"));
            await Assertions.Expect(tab.GetByTestId("unread-count")).ToHaveTextAsync("1");
            await tab.WaitForFunctionAsync("() => (window.__notifications || []).some(n => n.title.includes('Call mom'))");
        }
        // Seen in a tab in front (and as a browser notification): the web notes it, so it is not emailed a minute later.
        await Eventually.TrueAsync(() => ShownAsync("Call mom"), "the shown reminder was not noted as shown", TimeSpan.FromSeconds(30));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "reminders-toast-laptop.png") });
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "reminders-toast-phone.png") });

        // Dismissed in one tab: read, so it leaves the other tab and the bell's count too.
        await page.GetByTestId("reminder-dismiss").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reminder-toast")).ToHaveCountAsync(0);
        await chatTab.BringToFrontAsync();
        await Assertions.Expect(chatTab.GetByTestId("reminder-toast")).ToHaveCountAsync(0);
        await Assertions.Expect(chatTab.GetByTestId("unread-count")).ToHaveCountAsync(0);
    });

    /// <summary>
    /// Three reminders at once in the open chat. On a phone only the newest shows, with "+2 more" to the notifications list,
    /// between the chat's bar and its composer (before: all three stacked under the header, over the bar's buttons, until
    /// closed). On a laptop all three; they stay while the pointer is on them and while the focus is in one, then go by
    /// themselves, unread (the bell still counts them); the focused one is closed from the keyboard.
    /// </summary>
    [Fact]
    public Task Reminder_pop_ups_fold_on_a_phone_and_go_by_themselves_but_not_while_the_user_is_on_them() => RunAsync(nameof(Reminder_pop_ups_fold_on_a_phone_and_go_by_themselves_but_not_while_the_user_is_on_them), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page, "Busy");
        await using var mcp = await McpClientAsync(page);
        var soon = DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var title in ThreeTasks)
        {
            await mcp.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = title, ["reminders"] = new[] { soon } });
        }

        var toasts = page.GetByTestId("reminder-toast");
        await Assertions.Expect(toasts).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("3");
        var shownAt = DateTimeOffset.UtcNow;
        var visible = page.Locator("[data-testid=reminder-toast]:visible");
        await Assertions.Expect(visible).ToHaveCountAsync(1);
        await Assertions.Expect(visible.GetByTestId("reminder-more")).ToHaveTextAsync("+2 more");
        await Assertions.Expect(visible.GetByTestId("reminder-more")).ToHaveAttributeAsync("href", "/notifications");
        var toast = await BoxOf(visible);
        foreach (var control in new[] { page.GetByTestId("chat-input"), page.GetByTestId("chat-send"), page.GetByTestId("tasks-toggle"), page.GetByTestId("conversations-toggle"), page.GetByTestId("nav-notifications") })
        {
            var box = await BoxOf(control);
            Assert.False(toast.X < box.X + box.Width && box.X < toast.X + toast.Width && toast.Y < box.Y + box.Height && box.Y < toast.Y + toast.Height,
                $"the reminder ({toast.X},{toast.Y} {toast.Width}x{toast.Height}) covers {control}");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "reminders-folded-phone.png") });

        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await Assertions.Expect(visible).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=reminder-more]:visible")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "reminders-stack-laptop.png") });

        // On them, past their time: they stay. A wait is the point here (the time is the behaviour under test).
        await toasts.First.HoverAsync();
        await Task.Delay(ReminderAlertsShownFor - (DateTimeOffset.UtcNow - shownAt) + TimeSpan.FromSeconds(3));
        await Assertions.Expect(toasts).ToHaveCountAsync(3);
        var dismiss = toasts.Last.GetByTestId("reminder-dismiss");
        await dismiss.FocusAsync();
        await page.Mouse.MoveAsync(5, 400); // The pointer leaves; the focus holds them.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await Assertions.Expect(toasts).ToHaveCountAsync(3);

        await page.Keyboard.PressAsync("Enter"); // Closed by hand: read.
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("2");
        // Let go, the others go by themselves, unread: the bell and its list still have them.
        await Assertions.Expect(toasts).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("2");
        await page.GetByTestId("nav-notifications").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notification][data-read=false]")).ToHaveCountAsync(2);
    });

    private static readonly string[] ThreeTasks = ["Call mom", "Pay rent", "Feed the cat"];

    /// <summary>How long a reminder pop-up shows by itself: ReminderAlerts.ShownFor.</summary>
    private static readonly TimeSpan ReminderAlertsShownFor = TimeSpan.FromSeconds(18);

    private static async Task<LocatorBoundingBoxResult> BoxOf(ILocator element) =>
        await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{element} has no box");

    [Fact]
    public Task A_reminder_missed_while_away_waits_in_the_notifications_list() => RunAsync(nameof(A_reminder_missed_while_away_waits_in_the_notifications_list), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page, "Away");
        await using var mcp = await McpClientAsync(page);
        await page.GotoAsync("about:blank"); // Nobody of this user is connected now.

        await mcp.CallToolAsync("add_task", new Dictionary<string, object?>
        {
            ["title"] = "Renew the passport",
            ["reminders"] = new[] { DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
        });
        await DeliveredAsync("Renew the passport");

        await GotoInteractiveAsync(page, "/tasks");
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");
        await AssertHeaderIsOneRowAsync(page);
        await page.GetByTestId("nav-notifications").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/notifications$"));
        var item = page.GetByTestId("notification");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToContainTextAsync("Renew the passport");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-read", "false");
        await Assertions.Expect(page.GetByTestId("enable-notifications")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "reminders-list-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "reminders-list-laptop.png"), FullPage = true });

        await page.GetByTestId("mark-all-read").ClickAsync();

        await Assertions.Expect(item).ToHaveAttributeAsync("data-read", "true");
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("mark-all-read")).ToBeDisabledAsync();
    });

    /// <summary>
    /// A toast that went up while the tab was in the background (and without browser notifications) was not seen: nothing is
    /// noted, so it would be emailed; when the tab comes to the front while the toast is still up, the web notes it as seen.
    /// The tab's visibility is the page's own (an init script answers document.visibilityState): headless Chromium keeps
    /// every page visible.
    /// </summary>
    [Fact]
    public Task A_reminder_toast_in_a_background_tab_counts_as_seen_when_the_tab_comes_to_the_front() => RunAsync(nameof(A_reminder_toast_in_a_background_tab_counts_as_seen_when_the_tab_comes_to_the_front), async () =>
    {
        const string title = "Stretch while in the background";
        var page = await NewPageAsync();
        await page.Context.AddInitScriptAsync("""
            Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => window.__hidden ? 'hidden' : 'visible' });
            """);
        await SignUpAsync(page, "Background");
        await OpenTasksAsync(page);
        await page.EvaluateAsync("() => { window.__hidden = true; document.dispatchEvent(new Event('visibilitychange')); }");
        await using var mcp = await McpClientAsync(page);

        await mcp.CallToolAsync("add_task", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["reminders"] = new[] { DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
        });
        await Assertions.Expect(page.GetByTestId("reminder-toast")).ToContainTextAsync(title);
        // Only the tab coming to the front notes a background toast: nothing else would, however long this waits.
        Assert.False(await ShownAsync(title), "a toast in a background tab was noted as seen");

        await page.EvaluateAsync("() => { window.__hidden = false; document.dispatchEvent(new Event('visibilitychange')); }");

        await Eventually.TrueAsync(() => ShownAsync(title), "the toast seen when its tab came to the front was not noted", TimeSpan.FromSeconds(30));
    });

    /// <summary>
    /// Reminders by email, found as a person would from the notifications page: the account page's section, on for a new
    /// account, turned off and on again, the answer shown where the page comes back to (the section, not the page's top).
    /// </summary>
    [Theory]
    [InlineData("phone")]
    [InlineData("laptop")]
    public Task Reminders_by_email_are_turned_off_and_on_from_the_account_page(string size) => RunAsync($"reminder-email-{size}", async () =>
    {
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop);
        await SignUpAsync(page, "Away");
        await GotoInteractiveAsync(page, "/notifications");
        await page.GetByTestId("reminder-email-note").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account#reminders$"));
        var toggle = page.GetByLabel("Email me reminders I miss");
        await Assertions.Expect(toggle).ToBeCheckedAsync();
        await Assertions.Expect(toggle).ToBeInViewportAsync();

        await toggle.UncheckAsync();
        await page.GetByTestId("reminder-email-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reminder-email-done")).ToContainTextAsync("reminders won't be emailed");
        await Assertions.Expect(page.GetByTestId("reminder-email-done")).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByLabel("Email me reminders I miss")).Not.ToBeCheckedAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"the account page's reminder emails ({size})");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await ScreenshotAsync(page, $"reminder-email-{size}-off");

        await page.GetByLabel("Email me reminders I miss").CheckAsync();
        await page.GetByTestId("reminder-email-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reminder-email-done")).ToContainTextAsync("reminders you miss will be emailed to");
        await Assertions.Expect(page.GetByLabel("Email me reminders I miss")).ToBeCheckedAsync();
    });

    [Fact]
    public Task Enable_notifications_asks_the_browser_on_a_click() => RunAsync(nameof(Enable_notifications_asks_the_browser_on_a_click), async () =>
    {
        var page = await NewPageAsync(permissions: ["notifications"]);
        await SignUpAsync(page);
        await GotoInteractiveAsync(page, "/notifications");
        await Assertions.Expect(page.GetByTestId("notifications-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mark-all-read")).ToHaveCountAsync(0); // Nothing to mark: no "All read" head.

        // Granted by the context: the page knows it, and the button is gone.
        await Assertions.Expect(page.GetByTestId("browser-notifications")).ToHaveAttributeAsync("data-permission", "granted");
        await Assertions.Expect(page.GetByTestId("enable-notifications")).ToBeHiddenAsync();
    });

    /// <summary>The user's own MCP client, with a token from the web (as the account's owner could get one).</summary>
    private async Task<McpClient> McpClientAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/auth/token");
        Assert.True(response.Ok, $"token: {response.Status}");
        var token = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("token").GetString()!;
        return await TestMcpClients.ConnectAsync(new Uri(Stack.Running.UrlOf(TaskChatService.Mcp)), token);
    }

    /// <summary>Whether a page noted the reminder of that title as shown (so that it is not emailed).</summary>
    private async Task<bool> ShownAsync(string title)
    {
        await using var db = Stack.Database.CreateDbContext();
        return await db.Notifications.AnyAsync(n => n.Title == title && n.ShownAt != null);
    }

    /// <summary>Waits (polling the database, up to 30 s) until the web's worker has delivered the reminder.</summary>
    private async Task DeliveredAsync(string title)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var db = Stack.Database.CreateDbContext();
            return await db.Notifications.AnyAsync(n => n.Title == title);
        }, $"“{title}” was not delivered", TimeSpan.FromSeconds(30));
    }

    private static async Task AssertHeaderIsOneRowAsync(IPage page)
    {
        var header = await page.Locator(".app-header").BoundingBoxAsync() ?? throw new InvalidOperationException("no header");
        Assert.True(header.Height <= 64, $"the header is {header.Height}px high: it wrapped");
        foreach (var part in new[] { page.GetByTestId("nav-notifications"), page.GetByTestId("sign-out"), page.GetByTestId("nav-chat") })
        {
            var box = await part.BoundingBoxAsync() ?? throw new InvalidOperationException($"{part} has no box");
            Assert.True(box.Y >= header.Y && box.Y + box.Height <= header.Y + header.Height + 1, $"{part} is outside the header row");
            Assert.True(box.X + box.Width <= page.ViewportSize!.Width, $"{part} is past the screen's edge");
            Assert.True(box.Width >= 44 && box.Height >= 44, $"{part} is {box.Width}x{box.Height}px, under 44px");
        }
    }
}
