using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TaskChat.Contract;

namespace TaskChat.Web.BrowserTests;

/// <summary>The chat as a daily tool: scrolling, focus, the first message, conversations, chips, replies.</summary>
[Collection(SharedProduct.Name)]
public sealed class ChatPageTests(RunningTaskChat stack) : BrowserTest(stack)
{
    private static ILocator Messages(IPage page) => page.GetByTestId("chat-message");

    /// <summary>
    /// Serves chat.js with its export <paramref name="function"/> held: each call first waits until the page
    /// calls <c>window[until]()</c>, then runs as before. A step of the chat's set-up staged to happen late.
    /// </summary>
    private static async Task HoldChatScriptAsync(IPage page, string function, string until) =>
        await page.RouteAsync("**/js/chat*.js", async route =>
        {
            var original = await route.FetchAsync();
            var script = (await original.TextAsync()).Replace($"export function {function}(", $"function {function}Now(", StringComparison.Ordinal)
                + $"\nexport async function {function}(...args) {{ await new Promise(resolve => window.{until} = resolve); return {function}Now(...args); }}\n";
            await route.FulfillAsync(new() { Response = original, Body = script });
        });

    [Fact]
    public Task The_thread_keeps_the_newest_message_in_view_unless_the_user_scrolled_up() => RunAsync(nameof(The_thread_keeps_the_newest_message_in_view_unless_the_user_scrolled_up), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        for (var i = 1; i <= 6; i++)
        {
            await ChatAsync(page, $"add errand number {i}");
            await Assertions.Expect(Messages(page).Last).ToBeInViewportAsync();
        }
        await Assertions.Expect(page.GetByTestId("new-messages")).ToBeHiddenAsync();

        // Scrolled up to read: the next reply does not pull the view down; a button offers to.
        await page.GetByTestId("messages").EvaluateAsync("thread => { thread.scrollTop = 0; thread.dispatchEvent(new Event('scroll')); }");
        await ChatAsync(page, "what's left?");
        await Assertions.Expect(page.GetByTestId("new-messages")).ToBeVisibleAsync();
        await Assertions.Expect(Messages(page).Last).Not.ToBeInViewportAsync();

        await page.GetByTestId("new-messages").ClickAsync();
        await Assertions.Expect(Messages(page).Last).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("new-messages")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeInViewportAsync();
    });

    /// <summary>
    /// A conversation people keep chatting in opens at its newest messages (the api's page of 50); scrolled to its top, the
    /// earlier ones come in above without moving what the reader was looking at, and a turn after that keeps them.
    /// </summary>
    [Fact]
    public Task A_long_conversation_opens_at_its_newest_messages_and_the_earlier_come_when_scrolled_back_to() => RunAsync(nameof(A_long_conversation_opens_at_its_newest_messages_and_the_earlier_come_when_scrolled_back_to), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        using (var api = await ApiAsAsync(page))
        {
            // 28 turns, 56 messages: the page's 50 and 6 before them. Through the api (the chat's limit is 30 turns a minute).
            var first = await api.PostAsJsonAsync("/api/chat", new ChatRequest("add buy milk"));
            var id = (await first.Content.ReadFromJsonAsync<ChatReply>())!.ConversationId;
            for (var turn = 2; turn <= 28; turn++)
            {
                using var next = await api.PostAsJsonAsync("/api/chat", new ChatRequest($"thanks {turn}", id));
                Assert.True(next.IsSuccessStatusCode, $"turn {turn}: {next.StatusCode}");
            }
        }
        await page.ReloadAsync();
        var userMessages = page.Locator("[data-testid=chat-message][data-role=user]");
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(50);
        await Assertions.Expect(userMessages.First).ToHaveTextAsync("thanks 4");
        await Assertions.Expect(Messages(page).Last).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("earlier-messages")).Not.ToBeInViewportAsync();

        // Scrolled back to the top: the 6 earlier messages come in above, and "thanks 4" stays where it was on screen.
        // Where "thanks 4" is on screen once the thread is at its top (its place in the thread, less none scrolled), read in the
        // same step as the scroll: the earlier messages may come in before the next step.
        var atTop = await page.GetByTestId("messages").EvaluateAsync<double>("""
            thread => {
                const top = thread.querySelector('[data-role=user]').getBoundingClientRect().top + thread.scrollTop;
                thread.scrollTop = 0;
                thread.dispatchEvent(new Event('scroll'));
                return top;
            }
            """);
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(56);
        await Assertions.Expect(userMessages.First).ToHaveTextAsync("add buy milk");
        await Assertions.Expect(page.GetByTestId("earlier-messages")).ToHaveCountAsync(0);
        var kept = await page.Locator("[data-testid=chat-message][data-role=user]", new() { HasText = "thanks 4" }).BoundingBoxAsync();
        Assert.True(Math.Abs(kept!.Y - atTop) < 2, $"\"thanks 4\" moved from {atTop} to {kept.Y}");
        await Assertions.Expect(page.GetByTestId("new-messages")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "chat-earlier-messages-phone");

        // A turn now: the thread is read again (its newest page) and keeps the earlier messages above it.
        await ChatAsync(page, "what's left?");
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(58);
        await Assertions.Expect(userMessages.First).ToHaveTextAsync("add buy milk");
        await Assertions.Expect(userMessages.Last).ToHaveTextAsync("what's left?");
        await Assertions.Expect(page.GetByTestId("earlier-messages")).ToHaveCountAsync(0);
    });

    /// <summary>
    /// The conversations beside the chat are read a page at a time (a user may keep 1,000): scrolled to the list's end, the next page
    /// comes in by itself, and a turn in one of those keeps them listed, the conversation used now at the top.
    /// </summary>
    [Fact]
    public Task A_long_list_of_conversations_shows_the_most_recent_and_more_at_its_end() => RunAsync(nameof(A_long_list_of_conversations_shows_the_most_recent_and_more_at_its_end), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        using (var api = await ApiAsAsync(page))
        {
            using var started = await api.PostAsJsonAsync("/api/chat", new ChatRequest("add buy milk"));
            var id = (await started.Content.ReadFromJsonAsync<ChatReply>())!.ConversationId;
            await using var db = Stack.Database.CreateDbContext();
            var user = (await db.Conversations.SingleAsync(c => c.Id == id)).UserId;
            var now = DateTime.UtcNow;
            // 54 older ones, "Old chat 1" the most recently used of them.
            db.Conversations.AddRange(Enumerable.Range(1, 54).Select(i => new TaskChat.Data.Model.Conversation
            {
                UserId = user, Title = $"Old chat {i}", CreatedAt = now.AddDays(-i), UpdatedAt = now.AddDays(-i),
            }));
            await db.SaveChangesAsync();
        }
        await page.ReloadAsync();
        var listed = page.GetByTestId("conversation-open");
        await Assertions.Expect(listed).ToHaveCountAsync(50);
        await Assertions.Expect(listed.First).ToHaveTextAsync("add buy milk");
        await Assertions.Expect(listed.Last).ToHaveTextAsync("Old chat 49");

        // Scrolled to the list's end, the next page comes in by itself (the button stays for the keyboard).
        await Assertions.Expect(page.GetByTestId("more-conversations")).ToHaveTextAsync("Show more");
        await listed.Last.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(listed).ToHaveCountAsync(55);
        await Assertions.Expect(listed.Last).ToHaveTextAsync("Old chat 54");
        await Assertions.Expect(page.GetByTestId("more-conversations")).ToHaveCountAsync(0);

        // The oldest, used now: at the top, and the list still holds every one (read again as long as it was).
        await listed.Last.ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("Old chat 54");
        await ChatAsync(page, "add call mom");
        await Assertions.Expect(listed.First).ToHaveTextAsync("Old chat 54");
        await Assertions.Expect(listed).ToHaveCountAsync(55);
        await Assertions.Expect(listed.Last).ToHaveTextAsync("Old chat 53");
        await Assertions.Expect(page.GetByTestId("more-conversations")).ToHaveCountAsync(0);
    });

    /// <summary>
    /// The chat page sets up its script after its first render, in several calls; a user who leaves in
    /// between (a quick click on Tasks) must get a working tasks page. Before the fix the next call ran on
    /// the module the leaving page had disposed, which ended the circuit and left the tasks page on
    /// "Loading…" (seen in CI under load). Here the script's first call waits until the chat was left.
    /// </summary>
    [Fact]
    public Task Leaving_the_chat_while_its_script_is_set_up_leaves_the_next_page_working() => RunAsync(nameof(Leaving_the_chat_while_its_script_is_set_up_leaves_the_next_page_working), async () =>
    {
        var page = await NewPageAsync();
        await HoldChatScriptAsync(page, "followThread", until: "leftChat");
        await SignUpAsync(page);
        await page.WaitForFunctionAsync("() => typeof window.leftChat === 'function'");

        await OpenTasksAsync(page);
        await page.EvaluateAsync("() => window.leftChat()"); // The set-up goes on, after the chat page was disposed.

        // The circuit still answers: a task added on the page is listed.
        await AddTaskAsync(page, "Still working");
    });

    /// <summary>
    /// "Mark the milk one done", then straight to Tasks: the milk is done there, and the turn is in the chat
    /// on coming back. Before, leaving cancelled the web's request to the api (often before it was sent) and
    /// the api stopped a turn whose client had left (found by hand in sessions 15 and 17).
    /// </summary>
    [Fact]
    public Task A_message_sent_just_before_leaving_the_chat_is_carried_out_and_kept() => RunAsync(nameof(A_message_sent_just_before_leaving_the_chat_is_carried_out_and_kept), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");

        await page.GetByTestId("chat-input").FillAsync("mark the milk one done");
        await page.GetByTestId("chat-input").PressAsync("Enter");
        await page.GetByTestId("nav-tasks").ClickAsync(); // At once: the turn has at most just begun.

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
        await Assertions.Expect(page.GetByTestId("completed-tasks")).ToBeVisibleAsync(); // Live: the page updates when the turn's change lands.
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(1);
        await page.GetByTestId("nav-chat").ClickAsync();
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(4);
        await Assertions.Expect(Messages(page).Last).ToContainTextAsync("Marked “Buy milk” done.");
    });

    /// <summary>
    /// Back in the chat before the reply came: the message is there, and the reply arrives as it would have.
    /// Before, the page showed the conversation as the api had stored it, without the message (a turn is stored
    /// at its end), and nothing more when the reply came: the turn was the page's, and the page was gone (found by
    /// hand, session 17). Here the turn waits at its first write for as long as the test holds the database.
    /// </summary>
    [Fact]
    public Task Back_in_the_chat_before_the_reply_came_the_message_is_there_and_the_reply_arrives() => RunAsync(nameof(Back_in_the_chat_before_the_reply_came_the_message_is_there_and_the_reply_arrives), async () =>
    {
        var page = await NewPageAsync();
        await ChatFollowsAHeldTurnAsync(page, comeBack: async () =>
        {
            await OpenTasksAsync(page);
            await page.GetByTestId("nav-chat").ClickAsync();
        });
    });

    /// <summary>
    /// A reload while TaskChat works starts a new circuit, which knew nothing of the running turn: the message was gone
    /// from the page (the api stores a turn at its end) and the reply never came to it. The tab now keeps the turn on its
    /// way and the reloaded page follows it (sent again with its Idempotency-Key: the api answers "still running", then
    /// the stored reply): the message, the reply as it comes, then the thread as stored; the task is added once.
    /// </summary>
    [Fact]
    public Task A_reload_while_the_reply_is_on_its_way_shows_the_message_and_then_the_reply() => RunAsync(nameof(A_reload_while_the_reply_is_on_its_way_shows_the_message_and_then_the_reply), async () =>
    {
        var page = await NewPageAsync();
        await ChatFollowsAHeldTurnAsync(page, comeBack: () => page.ReloadAsync());

        // Seen to its end: the next reload has nothing to follow.
        await page.ReloadAsync();
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(4);
        await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "false");
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("chat-input")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(2);
    });

    /// <summary>
    /// After one exchange, "add walk the dog" is sent while the test holds the database (its turn waits at its first write),
    /// and the user comes back to the chat (<paramref name="comeBack"/>) before the reply: the chat shows the message and
    /// the reply still coming; let go, the reply, then the thread as stored (nothing twice), the task added once.
    /// </summary>
    private async Task ChatFollowsAHeldTurnAsync(IPage page, Func<Task> comeBack)
    {
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");

        await using (await DatabaseWriteHold.BeginAsync(Stack.Database))
        {
            await page.GetByTestId("chat-input").FillAsync("add walk the dog");
            await page.GetByTestId("chat-input").PressAsync("Enter");
            await Assertions.Expect(Messages(page)).ToHaveCountAsync(4);
            await comeBack();

            await Assertions.Expect(Messages(page)).ToHaveCountAsync(4);
            await Assertions.Expect(Messages(page).Nth(2)).ToContainTextAsync("add walk the dog");
            await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "true");
        }

        await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "false");
        await Assertions.Expect(Messages(page).Last).ToContainTextAsync("Walk the dog");
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(2);
    }

    /// <summary>
    /// Enter while the agent works queues the message (the composer says so); going to another page before the
    /// reply came no longer drops it: it is sent when the running turn ends, and it is not left in the composer.
    /// </summary>
    [Fact]
    public Task A_message_queued_behind_a_reply_is_sent_after_it_even_when_the_user_went_to_another_page() => RunAsync(nameof(A_message_queued_behind_a_reply_is_sent_after_it_even_when_the_user_went_to_another_page), async () =>
    {
        var page = await NewPageAsync();
        await QueueAMessageAndGoToTasksAsync(page);
        await page.GetByTestId("nav-chat").ClickAsync();
        await BothTurnsAreInTheChatAsync(page);
    });

    /// <summary>
    /// The same, with a reload before coming back to the chat (a new circuit): the message that went while the user was
    /// away is not back in the composer, ready to be sent twice (before, it was: only a chat page opened again in the
    /// same circuit took it out of the tab's kept draft), and the chat shows it and its reply.
    /// </summary>
    [Fact]
    public Task A_message_sent_while_the_user_was_away_is_not_back_in_the_composer_after_a_reload() => RunAsync(nameof(A_message_sent_while_the_user_was_away_is_not_back_in_the_composer_after_a_reload), async () =>
    {
        var page = await NewPageAsync();
        await QueueAMessageAndGoToTasksAsync(page);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(3);
        await page.GetByTestId("nav-chat").ClickAsync();
        await BothTurnsAreInTheChatAsync(page);
    });

    /// <summary>
    /// "add walk the dog" sent while the test holds the database, "add feed the cat" queued behind it (the composer says
    /// so), then the tasks page; let go, both turns run with nobody on the chat and the tasks page, live, shows what they added.
    /// </summary>
    private async Task QueueAMessageAndGoToTasksAsync(IPage page)
    {
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");
        var input = page.GetByTestId("chat-input");

        await using (await DatabaseWriteHold.BeginAsync(Stack.Database))
        {
            await input.FillAsync("add walk the dog");
            await input.PressAsync("Enter");
            await Assertions.Expect(Messages(page)).ToHaveCountAsync(4);
            await input.FillAsync("add feed the cat");
            await input.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("queued-message")).ToBeVisibleAsync();
            await Assertions.Expect(input).ToHaveValueAsync("add feed the cat");
            await OpenTasksAsync(page);
        }
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(3);
    }

    private static async Task BothTurnsAreInTheChatAsync(IPage page)
    {
        var input = page.GetByTestId("chat-input");
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(6);
        await Assertions.Expect(Messages(page).Nth(4)).ToContainTextAsync("add feed the cat");
        await Assertions.Expect(Messages(page).Last).ToContainTextAsync("Feed the cat");
        await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "false");
        await Assertions.Expect(input).ToBeEnabledAsync();
        await Assertions.Expect(input).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("queued-message")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(3);
    }

    [Fact]
    public Task Focus_stays_in_the_composer_and_the_next_message_can_be_typed_while_the_agent_works() => RunAsync(nameof(Focus_stays_in_the_composer_and_the_next_message_can_be_typed_while_the_agent_works), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        var input = page.GetByTestId("chat-input");
        await Assertions.Expect(input).ToBeFocusedAsync();

        await input.FillAsync("add buy milk");
        await input.PressAsync("Enter");
        // Typed straight away, while the first turn may still run: the keys land in the composer.
        await page.Keyboard.TypeAsync("add walk the dog");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=assistant]").First).ToHaveAttributeAsync("data-streaming", "false");
        await Assertions.Expect(input).ToHaveValueAsync("add walk the dog");
        await Assertions.Expect(input).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(2);
        await Assertions.Expect(input).ToBeFocusedAsync();
        await Assertions.Expect(input).ToHaveValueAsync("");
    });

    [Fact]
    public Task A_message_typed_as_soon_as_the_chat_opens_reaches_the_server() => RunAsync(nameof(A_message_typed_as_soon_as_the_chat_opens_reaches_the_server), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);

        // The prerendered page (before the circuit) shows the composer disabled: nothing can be typed into it and lost.
        var prerendered = await (await page.APIRequest.GetAsync("/chat")).TextAsync();
        Assert.Matches(new Regex(@"<textarea[^>]*data-testid=""chat-input""[^>]*disabled|<textarea[^>]*disabled[^>]*data-testid=""chat-input"""), prerendered);

        // A full load, typing at once without waiting for the circuit: no retyping, no lost message.
        await page.GotoAsync("/chat");
        await page.GetByTestId("chat-input").FillAsync("add call the bank");
        await page.GetByTestId("chat-input").PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=user]")).ToHaveTextAsync(["add call the bank"]);
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToContainTextAsync(["Call the bank"]);
    });

    /// <summary>
    /// The composer is enabled only once the chat has settled (its first load rendered, chat.js set up and
    /// the kept draft back), and a message typed and sent the instant it is enabled reaches the server. Before
    /// the fix it was enabled by the first interactive render, while the page still re-rendered by itself: in
    /// CI the first keystroke then reached the server under an event handler id one of those renders had
    /// replaced, the server refused it, and the Enter sent an empty draft. Here the set-up is held (keepDraft
    /// waits for window.releaseSetUp()), so the composer must stay disabled however long that takes.
    /// </summary>
    [Fact]
    public Task The_composer_is_enabled_once_the_chat_has_settled_and_a_message_typed_at_that_instant_is_sent() => RunAsync(nameof(The_composer_is_enabled_once_the_chat_has_settled_and_a_message_typed_at_that_instant_is_sent), async () =>
    {
        var page = await NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await HoldChatScriptAsync(page, "keepDraft", until: "releaseSetUp");
        await SignUpAsync(page);
        await page.WaitForFunctionAsync("() => typeof window.releaseSetUp === 'function'");

        // Interactive (the set-up runs after the first interactive render), but not settled: still disabled.
        var input = page.GetByTestId("chat-input");
        await Assertions.Expect(input).ToBeDisabledAsync();
        await Assertions.Expect(input).ToHaveAttributeAsync("placeholder", "Connecting…");
        await Assertions.Expect(page.GetByTestId("chat-send")).ToBeDisabledAsync();

        // Typed and sent from the page itself in the same moment the composer is enabled: no round trip to wait for.
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
                const input = document.querySelector('[data-testid=chat-input]');
                const observer = new MutationObserver(() => {
                    if (input.disabled) {
                        return;
                    }
                    observer.disconnect();
                    input.value = 'add buy milk';
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                    input.form.requestSubmit();
                    resolve();
                });
                observer.observe(input, { attributes: true });
                window.releaseSetUp();
            })
            """);

        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=user]")).ToHaveTextAsync(["add buy milk"]);
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToContainTextAsync(["Buy milk"]);
        await Assertions.Expect(input).ToBeFocusedAsync();
        Assert.Empty(errors);
    });

    /// <summary>
    /// The tasks beside the chat are one page of the api's list. It was the default page of 50, whose pending tasks the
    /// toggle counted as all of them, and a task added past it never showed; then the first 200 by number, where a task
    /// added or completed past them still never showed (session 22's note). It is now the 200 changed last, in number
    /// order, and with more than that the panel says so and links to the Tasks page.
    /// </summary>
    [Fact]
    public Task With_more_tasks_than_the_panel_holds_it_shows_those_changed_last_and_links_to_all_of_them() => RunAsync(nameof(With_more_tasks_than_the_panel_holds_it_shows_those_changed_last_and_links_to_all_of_them), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        for (var batch = 0; batch < 5; batch++)
        {
            await ChatAsync(page, "add " + string.Join(", ", Enumerable.Range(batch * 41 + 1, 41).Select(n => $"errand {n}")));
        }

        await page.ReloadAsync();
        // The interactive page has loaded (the prerendered thread is replaced while it loads) and the thread is back (the
        // five adds) before the next message is counted as one more reply.
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=assistant]")).ToHaveCountAsync(5);

        var items = page.GetByTestId("side-task-item");
        await Assertions.Expect(items).ToHaveCountAsync(200);
        await Assertions.Expect(page.GetByTestId("tasks-toggle")).ToContainTextAsync("(200+)");
        await Assertions.Expect(items.First).ToHaveAttributeAsync("data-task-id", "6");
        await Assertions.Expect(items.Last).ToHaveAttributeAsync("data-task-id", "205");

        // Task 3, the third oldest, is not in the panel until the chat completes it: then it is the one changed last.
        await ChatAsync(page, "complete task 3");
        await Assertions.Expect(items.First).ToHaveAttributeAsync("data-task-id", "3");
        await Assertions.Expect(items.First).ToHaveClassAsync("done");
        await Assertions.Expect(page.Locator("[data-testid=side-task-item][data-task-id='6']")).ToHaveCountAsync(0);
        await Assertions.Expect(items).ToHaveCountAsync(200);

        var more = page.GetByTestId("side-tasks-more");
        await Assertions.Expect(more).ToContainTextAsync("These are the 200 tasks you changed last.");
        await more.GetByRole(AriaRole.Link, new() { Name = "See them all" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
    });

    /// <summary>
    /// The page puts the caret in the composer once the chat is ready, but a focus the user chose while it loaded
    /// stays where they put it: Rename, focused while the chat's set-up is held (the composer still disabled), keeps
    /// the focus when the composer is enabled, and Enter renames. Before, the ready composer took the focus and the
    /// Enter went to it (how a CI run of the test below failed once, session 20).
    /// </summary>
    [Fact]
    public Task A_focus_the_user_chose_while_the_chat_loaded_is_not_taken_by_the_composer() => RunAsync(nameof(A_focus_the_user_chose_while_the_chat_loaded_is_not_taken_by_the_composer), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");
        await Assertions.Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);

        // The next load's set-up waits for window.releaseSetUp(), and the page's focus decision is recorded when made.
        await page.RouteAsync("**/js/chat*.js", async route =>
        {
            var original = await route.FetchAsync();
            var script = (await original.TextAsync())
                .Replace("export function keepDraft(", "function keepDraftNow(", StringComparison.Ordinal)
                .Replace("export function focusWhenReady(", "function focusWhenReadyNow(", StringComparison.Ordinal)
                + "\nexport async function keepDraft(...args) { await new Promise(resolve => window.releaseSetUp = resolve); return keepDraftNow(...args); }"
                + "\nexport function focusWhenReady(...args) { focusWhenReadyNow(...args); window.focusDecided = true; }\n";
            await route.FulfillAsync(new() { Response = original, Body = script });
        });
        await page.GotoAsync("/chat");
        await page.WaitForFunctionAsync("() => typeof window.releaseSetUp === 'function'");
        var input = page.GetByTestId("chat-input");
        await Assertions.Expect(input).ToBeDisabledAsync();
        var rename = page.GetByTestId("conversation-rename");
        await rename.FocusAsync();

        await page.EvaluateAsync("() => window.releaseSetUp()");
        await Assertions.Expect(input).ToBeEnabledAsync();
        await page.WaitForFunctionAsync("() => window.focusDecided === true");
        await Assertions.Expect(rename).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("conversation-title-input")).ToBeFocusedAsync();
    });

    [Fact]
    public Task Chat_reopens_the_last_conversation_which_can_be_renamed_by_keyboard_and_deleted() => RunAsync(nameof(Chat_reopens_the_last_conversation_which_can_be_renamed_by_keyboard_and_deleted), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await Assertions.Expect(page.GetByTestId("conversations-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("New chat");
        await ChatAsync(page, "add buy milk");
        await Assertions.Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);

        await GotoInteractiveAsync(page, "/chat");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=user]")).ToHaveTextAsync(["add buy milk"]);
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("add buy milk");
        // The page puts the focus in the composer once it is ready; a Rename focused before that lost it, and Enter went
        // to the empty composer (failed once in CI, session 20: the circuit log showed a submit, not a click).
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeFocusedAsync();

        await page.GetByTestId("conversation-rename").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("conversation-title-input")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Groceries");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("conversation-open")).ToHaveTextAsync(["Groceries"]);
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("Groceries");

        await page.GetByTestId("conversation-delete").ClickAsync();
        await page.GetByTestId("conversation-delete-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversations-empty")).ToBeVisibleAsync();
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(0);
        await GotoInteractiveAsync(page, "/chat");
        await Assertions.Expect(page.GetByTestId("conversations-empty")).ToBeVisibleAsync();
        // The task it added stays: deleting a conversation is not deleting what it did.
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToContainTextAsync(["Buy milk"]);
    });

    private static readonly Regex AConversationsAddress = new(@"/chat/(\d+)$");

    /// <summary>The id the address names, once it names one.</summary>
    private static async Task<long> AddressedConversationAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(AConversationsAddress);
        return long.Parse(AConversationsAddress.Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ILocator ConversationLink(IPage page, long id) =>
        page.Locator($"[data-testid=conversation-item][data-conversation-id='{id}'] [data-testid=conversation-open]");

    private static ILocator UserMessages(IPage page) => page.Locator("[data-testid=chat-message][data-role=user]");

    /// <summary>
    /// "New chat", and its empty thread at /chat/new on screen before the test goes on: ChatAsync counts the replies shown
    /// first, and counted the old thread's one when the render had not arrived yet (CI, Debug build).
    /// </summary>
    private static async Task StartNewChatAsync(IPage page)
    {
        await page.GetByTestId("new-conversation").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat/new$"));
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Two conversations, each started by its first message: "add buy milk" (groceries), then New chat and "add walk the dog"
    /// (errands, left open); each one's id read from the address. On a phone the conversations panel is opened for New chat.
    /// </summary>
    private static async Task<(long Groceries, long Errands)> TwoConversationsAsync(IPage page)
    {
        await ChatAsync(page, "add buy milk");
        var groceries = await AddressedConversationAsync(page);
        if (!await page.GetByTestId("new-conversation").IsVisibleAsync())
        {
            await page.GetByTestId("conversations-toggle").ClickAsync();
        }
        await StartNewChatAsync(page);
        await ChatAsync(page, "add walk the dog");
        var errands = await AddressedConversationAsync(page);
        Assert.NotEqual(groceries, errands);
        return (groceries, errands);
    }

    /// <summary>
    /// The address names the conversation on screen: the first message's conversation once the api names it, /chat/new for
    /// New chat (a reload keeps it empty), the new one's id after its first message, /chat as the latest; and a reload keeps
    /// an older conversation open (before, every reload went back to the latest, whatever had been opened).
    /// </summary>
    [Fact]
    public Task The_address_names_the_conversation_and_a_reload_keeps_an_older_one_open() => RunAsync(nameof(The_address_names_the_conversation_and_a_reload_keeps_an_older_one_open), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        var (groceries, errands) = await TwoConversationsAsync(page);

        await StartNewChatAsync(page);
        await GotoInteractiveAsync(page, "/chat/new");
        await Assertions.Expect(page.GetByTestId("chat-suggestion").First).ToBeVisibleAsync(); // Still the empty new chat, not the latest.
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("New chat");

        await GotoInteractiveAsync(page, "/chat");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{errands}$"));
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add walk the dog"]);

        await ConversationLink(page, groceries).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{groceries}$"));
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk"]);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeEnabledAsync();
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk"]);
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("add buy milk");
        await Assertions.Expect(page).ToHaveTitleAsync("add buy milk · TaskChat");
        await ScreenshotAsync(page, "chat-address-laptop");

        // A message sent here goes on in this conversation, not the latest.
        await ChatAsync(page, "add eggs");
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk", "add eggs"]);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{groceries}$"));
    });

    /// <summary>Choosing a conversation in the list is a step in the tab's history: Back returns to the one before, Forward again.</summary>
    [Fact]
    public Task Back_and_Forward_move_between_conversations() => RunAsync(nameof(Back_and_Forward_move_between_conversations), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        var (groceries, errands) = await TwoConversationsAsync(page);

        await page.GetByTestId("conversations-toggle").ClickAsync();
        await Assertions.Expect(ConversationLink(page, groceries)).ToHaveAttributeAsync("href", $"/chat/{groceries}");
        await ScreenshotAsync(page, "chat-conversations-phone");
        await ConversationLink(page, groceries).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{groceries}$"));
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk"]);
        await Assertions.Expect(page.Locator("#conversations-panel")).ToBeHiddenAsync(); // Chosen: the panel closed over the conversation.

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{errands}$"));
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add walk the dog"]);
        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{groceries}$"));
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk"]);
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("add buy milk");
        await ScreenshotAsync(page, "chat-address-phone");
    });

    /// <summary>
    /// A conversation that was never made and another user's look the same: the thread says it isn't there, with the ways on,
    /// and nothing of the other user's conversation shows (its messages, its title).
    /// </summary>
    [Fact]
    public Task An_unknown_conversation_and_another_users_say_it_isnt_there() => RunAsync(nameof(An_unknown_conversation_and_another_users_say_it_isnt_there), async () =>
    {
        var owner = await NewPageAsync();
        await SignUpAsync(owner, "Grace");
        await ChatAsync(owner, "add the secret plan");
        var theirs = await AddressedConversationAsync(owner);

        var page = await NewPageAsync();
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");
        var mine = await AddressedConversationAsync(page);
        foreach (var address in new[] { $"/chat/{theirs}", "/chat/987654321", "/chat/not-a-conversation" })
        {
            await GotoInteractiveAsync(page, address);
            await Assertions.Expect(page.GetByTestId("conversation-missing")).ToContainTextAsync("This conversation isn't there any more.");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(address) + "$")); // Kept: it is what the message is about.
            await Assertions.Expect(Messages(page)).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("Chat");
            await Assertions.Expect(page.GetByTestId("notice")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);
        }
        Assert.DoesNotContain("secret plan", await page.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "chat-missing-laptop");

        await page.GetByTestId("missing-latest").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{mine}$"));
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk"]);
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("conversation-missing")).ToBeVisibleAsync();
        await page.GetByTestId("missing-new-chat").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat/new$"));
        await Assertions.Expect(page.GetByTestId("chat-suggestion").First).ToBeVisibleAsync();

        // The owner's conversation is untouched.
        await GotoInteractiveAsync(owner, $"/chat/{theirs}");
        await Assertions.Expect(UserMessages(owner)).ToHaveTextAsync(["add the secret plan"]);
    });

    /// <summary>Deleting the open conversation leaves its address: a reload or a bookmark shows the new chat, not "isn't there".</summary>
    [Fact]
    public Task Deleting_the_open_conversation_takes_its_address_away() => RunAsync(nameof(Deleting_the_open_conversation_takes_its_address_away), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        var (groceries, _) = await TwoConversationsAsync(page);
        await ConversationLink(page, groceries).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{groceries}$"));
        // Shown, not only addressed: Delete belongs to the conversation on screen, and one clicked a moment before
        // groceries was read deleted errands.
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk"]);
        await Assertions.Expect(page.Locator($"[data-testid=conversation-item][data-conversation-id='{groceries}'] [data-testid=conversation-delete]")).ToBeVisibleAsync();

        await page.GetByTestId("conversation-delete").ClickAsync();
        await page.GetByTestId("conversation-delete-confirm").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat/new$"));
        await Assertions.Expect(page.GetByTestId("conversation-item")).ToHaveCountAsync(1);
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("chat-suggestion").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("conversation-missing")).ToHaveCountAsync(0);
        await GotoInteractiveAsync(page, $"/chat/{groceries}");
        await Assertions.Expect(page.GetByTestId("conversation-missing")).ToBeVisibleAsync();
    });

    /// <summary>
    /// "add eggs" sent in the groceries conversation while the test holds the database (its turn waits at its first write),
    /// then New chat (empty), the errands conversation opened from the list and "add feed the cat" typed there before the reply: the turn
    /// ends in groceries, stored and shown there only; errands keeps its address and gets its own message once the turn
    /// is over (one turn at a time per tab), nothing of the other's on screen or stored.
    /// </summary>
    [Fact]
    public Task A_conversation_opened_while_a_turn_runs_in_another_shows_none_of_it_and_takes_its_own_next_message() => RunAsync(nameof(A_conversation_opened_while_a_turn_runs_in_another_shows_none_of_it_and_takes_its_own_next_message), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        var (groceries, errands) = await TwoConversationsAsync(page);
        await ConversationLink(page, groceries).ClickAsync();
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk"]);
        var input = page.GetByTestId("chat-input");
        var replies = page.Locator("[data-testid=chat-message][data-role=assistant]");

        await using (await DatabaseWriteHold.BeginAsync(Stack.Database))
        {
            await input.FillAsync("add eggs");
            await input.PressAsync("Enter");
            await Assertions.Expect(Messages(page)).ToHaveCountAsync(4);
            await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "true");

            await StartNewChatAsync(page); // Empty: nothing of the turn.
            await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("New chat");
            await ConversationLink(page, errands).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{errands}$"));
            await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add walk the dog"]);
            await Assertions.Expect(Messages(page)).ToHaveCountAsync(2);
            await input.FillAsync("add feed the cat");
            await input.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("queued-message")).ToBeVisibleAsync();
        }

        // Let go: the eggs' turn ends in groceries (its task added), then the cat's message goes here, to errands.
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add walk the dog", "add feed the cat"]);
        await Assertions.Expect(replies).ToHaveCountAsync(2);
        await Assertions.Expect(replies.Last).ToHaveAttributeAsync("data-streaming", "false");
        await Assertions.Expect(replies.Last).ToContainTextAsync("Feed the cat");
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(4);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{errands}$"));
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("add walk the dog");
        await Assertions.Expect(page.GetByTestId("queued-message")).ToBeHiddenAsync();
        await Assertions.Expect(input).ToHaveValueAsync("");
        Assert.DoesNotContain("Eggs", await page.GetByTestId("messages").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await ConversationLink(page, groceries).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{groceries}$"));
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk", "add eggs"]);
        await Assertions.Expect(replies).ToHaveCountAsync(2);
        await Assertions.Expect(replies.Last).ToContainTextAsync("Eggs");

        using var api = await ApiAsAsync(page);
        Assert.Equal(["add buy milk", "reply", "add eggs", "reply"], await StoredMessagesAsync(api, groceries));
        Assert.Equal(["add walk the dog", "reply", "add feed the cat", "reply"], await StoredMessagesAsync(api, errands));
    });

    /// <summary>
    /// A new chat's first message sent while the test holds the database (its turn waits at its first write: the api has
    /// not started the conversation yet), and the page reloaded before the reply: the reloaded page shows the message and
    /// the reply still coming; let go, the reply, the conversation in the list and at its own address, nothing twice, on
    /// screen or stored, and a composer ready for the next message.
    /// </summary>
    [Fact]
    public Task A_reload_while_a_new_chats_first_reply_is_on_its_way_shows_the_conversation_it_started() => RunAsync(nameof(A_reload_while_a_new_chats_first_reply_is_on_its_way_shows_the_conversation_it_started), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");
        var groceries = await AddressedConversationAsync(page);
        await StartNewChatAsync(page);
        var input = page.GetByTestId("chat-input");

        await using (await DatabaseWriteHold.BeginAsync(Stack.Database))
        {
            await input.FillAsync("add walk the dog");
            await input.PressAsync("Enter");
            await Assertions.Expect(Messages(page)).ToHaveCountAsync(2);
            // Kept in the tab (what the reloaded page follows), a call the page makes just after drawing the message.
            await page.WaitForFunctionAsync("() => Object.keys(sessionStorage).some(key => key.startsWith('taskchat.chat.turn:'))");
            await page.ReloadAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat/new$"));
            await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add walk the dog"]);
            await Assertions.Expect(Messages(page)).ToHaveCountAsync(2);
            await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "true");
            await Assertions.Expect(page.GetByTestId("conversation-open")).ToHaveTextAsync(["add buy milk"]); // Not started yet: the api waits too.
        }

        await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "false");
        await Assertions.Expect(Messages(page).Last).ToContainTextAsync("Walk the dog");
        var errands = await AddressedConversationAsync(page);
        Assert.NotEqual(groceries, errands);
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add walk the dog"]);
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("conversation-open")).ToHaveTextAsync(["add walk the dog", "add buy milk"]);
        await Assertions.Expect(page.GetByTestId("thread-title")).ToHaveTextAsync("add walk the dog");
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(2);
        await Assertions.Expect(input).ToBeEnabledAsync();
        await Assertions.Expect(input).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveCountAsync(0);

        // Seen to its end: the next reload shows the conversation as stored, with nothing left to follow.
        await page.ReloadAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/chat/{errands}$"));
        await Assertions.Expect(input).ToBeEnabledAsync();
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add walk the dog"]);
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(2);
        await Assertions.Expect(Messages(page).Last).ToHaveAttributeAsync("data-streaming", "false");

        using var api = await ApiAsAsync(page);
        Assert.Equal(["add walk the dog", "reply"], await StoredMessagesAsync(api, errands));
        Assert.Equal(2, (await api.GetFromJsonAsync<ConversationList>("/api/conversations"))!.Count);
    });

    /// <summary>What the api stored of conversation <paramref name="id"/>, in order: the user's words, and "reply" for each reply.</summary>
    private static async Task<string[]> StoredMessagesAsync(HttpClient api, long id)
    {
        var conversation = await api.GetFromJsonAsync<ConversationDetail>($"/api/conversations/{id}");
        return [.. conversation!.Messages.Select(m => m.Role == MessageRoles.User ? m.Content : "reply")];
    }

    [Fact]
    public Task A_message_sent_while_the_agent_works_goes_when_the_turn_ends() => RunAsync(nameof(A_message_sent_while_the_agent_works_goes_when_the_turn_ends), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        var input = page.GetByTestId("chat-input");

        await input.FillAsync("add buy milk");
        await input.PressAsync("Enter");
        // At once, while the first turn runs (or is being saved): Enter must not be lost.
        await input.FillAsync("add walk the dog");
        await input.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=user]")).ToHaveTextAsync(["add buy milk", "add walk the dog"]);
        await Assertions.Expect(input).ToHaveValueAsync("");
    });

    [Fact]
    public Task The_empty_chat_offers_messages_to_tap_and_a_tapped_one_is_sent() => RunAsync(nameof(The_empty_chat_offers_messages_to_tap_and_a_tapped_one_is_sent), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        var suggestions = page.GetByTestId("chat-suggestion");
        await Assertions.Expect(suggestions.First).ToHaveTextAsync("add buy milk");
        await Assertions.Expect(suggestions.First).ToBeEnabledAsync();

        await suggestions.First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("tool-chip").First).ToHaveTextAsync(new Regex("^✓ Added “Buy milk”$"));
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToHaveCountAsync(1);
        await Assertions.Expect(suggestions).ToHaveCountAsync(0); // A conversation under way shows its messages instead.
    });

    [Fact]
    public Task Tool_chips_say_what_happened_in_words_and_a_failed_call_says_so() => RunAsync(nameof(Tool_chips_say_what_happened_in_words_and_a_failed_call_says_so), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        var chips = page.GetByTestId("tool-chip");

        await ChatAsync(page, "add buy milk");
        await ChatAsync(page, "what's left?");
        await ChatAsync(page, "complete 987654");

        await Assertions.Expect(chips).ToHaveTextAsync([
            new Regex("^✓ Added “Buy milk”$"),
            new Regex("^✓ Looked at 1 pending task$"),
            new Regex("^✗ Couldn't complete task #987654: .*987654.*not found", RegexOptions.IgnoreCase),
        ]);
        await Assertions.Expect(chips.Last).ToHaveAttributeAsync("data-state", "failed");

        // Undoing a completion reopens the task: its chip said "Used reopen_task".
        await ChatAsync(page, "mark the milk one done");
        await Assertions.Expect(chips.Last).ToHaveTextAsync(new Regex("^✓ Completed “Buy milk”$"));
        await ChatAsync(page, "undo");
        await Assertions.Expect(chips.Last).ToHaveTextAsync(new Regex("^✓ Reopened “Buy milk”$"));

        // Undoing a deletion restores the task (restore_task), with its own number: the chip says so.
        await ChatAsync(page, "delete buy milk");
        await Assertions.Expect(chips.Last).ToHaveTextAsync(new Regex("^✓ Deleted “Buy milk”$"));
        await ChatAsync(page, "undo");
        await Assertions.Expect(chips.Last).ToHaveTextAsync(new Regex("^✓ Restored “Buy milk”$"));
        await Assertions.Expect(Messages(page).Last).ToContainTextAsync(new Regex(@"Brought back “Buy milk” \(task \d+\)\."));
        await page.ReloadAsync(); // Read back from the stored thread, it says the same.
        await Assertions.Expect(chips.Last).ToHaveTextAsync(new Regex("^✓ Restored “Buy milk”$"));
        await Assertions.Expect(chips.Nth(0)).ToHaveTextAsync(new Regex("^✓ Added “Buy milk”$"));
        Assert.DoesNotContain(await chips.AllTextContentsAsync(), text => text.Contains('_', StringComparison.Ordinal));
    });

    [Fact]
    public Task Replies_render_bold_as_bold_and_markup_in_a_title_as_plain_text() => RunAsync(nameof(Replies_render_bold_as_bold_and_markup_in_a_title_as_plain_text), async () =>
    {
        var page = await NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await SignUpAsync(page);

        await ChatAsync(page, "add **urgent** <img src=x onerror=alert(1)> report");

        var reply = page.Locator("[data-testid=chat-message][data-role=assistant] .bubble-text").Last;
        await Assertions.Expect(reply.Locator("strong")).ToHaveTextAsync("urgent");
        await Assertions.Expect(reply).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await Assertions.Expect(page.Locator(".messages img")).ToHaveCountAsync(0);
        Assert.Equal(0, dialogs);
    });

    private static readonly string[] FourTasks = ["Buy milk", "Call <b>mom</b>", "Pay rent", "Walk the dog"];

    /// <summary>
    /// The offline agent lists tasks in a sentence ("You have 4 pending tasks: #1 “…”, #2 “…” and …"): shown as its lead and
    /// a list, a task a line, the titles as text (before: one paragraph, hard to read on a phone).
    /// </summary>
    [Fact]
    public Task A_reply_listing_tasks_shows_them_one_a_line() => RunAsync(nameof(A_reply_listing_tasks_shows_them_one_a_line), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        using (var api = await ApiAsAsync(page))
        {
            foreach (var title in FourTasks)
            {
                using var response = await api.PostAsJsonAsync("/api/tasks", new { title });
                Assert.True(response.IsSuccessStatusCode, $"add {title}: {response.StatusCode}");
            }
        }

        await ChatAsync(page, "what's left?");

        var reply = page.Locator("[data-testid=chat-message][data-role=assistant] .bubble-text").Last;
        await Assertions.Expect(reply.Locator("p").First).ToHaveTextAsync("You have 4 pending tasks:");
        await Assertions.Expect(reply.Locator("ul > li")).ToHaveTextAsync([
            new Regex("^#1 “Buy milk”"), new Regex("^#2 “Call <b>mom</b>”"), new Regex("^#3 “Pay rent”"), new Regex("^#4 “Walk the dog”"),
        ]);
        await Assertions.Expect(reply.Locator("b")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "chat-list-reply-phone");
        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await ScreenshotAsync(page, "chat-list-reply-laptop");
    });

    /// <summary>
    /// The composer is a textarea: Enter sends, Shift+Enter starts a new line (before, an input: Shift+Enter sent), the box grows
    /// with the lines up to a few, a key that ends an input method's composition does not send, and the lines reach the thread.
    /// </summary>
    [Fact]
    public Task Enter_sends_and_Shift_Enter_starts_a_new_line_in_a_composer_that_grows() => RunAsync(nameof(Enter_sends_and_Shift_Enter_starts_a_new_line_in_a_composer_that_grows), async () =>
    {
        var page = await NewPageAsync(Phone);
        await SignUpAsync(page);
        var input = page.GetByTestId("chat-input");
        await Assertions.Expect(input).ToBeEnabledAsync();
        var oneLine = (await input.BoundingBoxAsync())!.Height;

        await input.FillAsync("add buy milk");
        await input.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("and bread");
        await input.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("and eggs");

        await Assertions.Expect(input).ToHaveValueAsync("add buy milk\nand bread\nand eggs");
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(0);
        var threeLines = (await input.BoundingBoxAsync())!.Height;
        Assert.True(threeLines > oneLine + 20, $"the composer did not grow: {oneLine}px, then {threeLines}px with three lines");
        await ScreenshotAsync(page, "chat-composer-lines-phone");

        // An Enter that ends a composition (a Japanese or Chinese input method choosing its word) is not a send.
        Assert.False(await input.EvaluateAsync<bool>("""
            e => !e.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }))
            """), "an Enter during a composition was taken as a send");
        await Assertions.Expect(Messages(page)).ToHaveCountAsync(0);

        await input.PressAsync("Enter");
        await Assertions.Expect(UserMessages(page)).ToHaveTextAsync(["add buy milk\nand bread\nand eggs"]);
        await Assertions.Expect(input).ToHaveValueAsync("");
        Assert.True((await input.BoundingBoxAsync())!.Height < oneLine + 2, "the emptied composer stayed tall");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=assistant]")).ToHaveAttributeAsync("data-streaming", "false", new() { Timeout = 60_000 });
        await ScreenshotAsync(page, "chat-composer-sent-phone");
    });

    /// <summary>
    /// The tasks beside the chat follow changes made elsewhere while the chat is open (a task added through the api, one
    /// completed on the tasks page in another tab), without a message sent; and each is a link to it on the tasks page.
    /// </summary>
    [Fact]
    public Task The_side_list_follows_changes_made_elsewhere_and_opens_a_task_on_the_tasks_page() => RunAsync(nameof(The_side_list_follows_changes_made_elsewhere_and_opens_a_task_on_the_tasks_page), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);
        await ChatAsync(page, "add buy milk");
        var items = page.GetByTestId("side-task-item");
        await Assertions.Expect(items).ToHaveCountAsync(1);

        using (var api = await ApiAsAsync(page))
        {
            using var response = await api.PostAsJsonAsync("/api/tasks", new { title = "Water the plants" });
            Assert.True(response.IsSuccessStatusCode, $"add: {response.StatusCode}");
        }
        await Assertions.Expect(items).ToContainTextAsync(["Buy milk", "Water the plants"]);

        var tasksTab = await NewTabAsync(page);
        await GotoInteractiveAsync(tasksTab, "/tasks");
        var milk = tasksTab.Locator("[data-testid=task-item]").Filter(new() { HasText = "Buy milk" });
        await milk.GetByTestId("task-toggle").ClickAsync();
        await Assertions.Expect(milk).ToHaveClassAsync(new Regex(@"\bdone\b"));
        await page.BringToFrontAsync(); // Headless Chromium runs the front tab's page promptly: look at it, as a person would.
        await Assertions.Expect(items.Filter(new() { HasText = "Buy milk" })).ToHaveClassAsync(new Regex(@"\bdone\b"));
        await Assertions.Expect(page.GetByTestId("tasks-toggle")).ToHaveTextAsync("Your tasks (1)");
        await Assertions.Expect(UserMessages(page)).ToHaveCountAsync(1); // Nothing was sent in the chat meanwhile.
        await ScreenshotAsync(page, "chat-side-list-live-laptop");

        var plants = page.GetByTestId("side-task-link").Filter(new() { HasText = "Water the plants" });
        var id = await items.Filter(new() { HasText = "Water the plants" }).GetAttributeAsync("data-task-id");
        await Assertions.Expect(plants).ToHaveAttributeAsync("href", $"/tasks#task-{id}");
        await plants.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tasks#task-{id}$"));
        await Assertions.Expect(page.Locator($"#task-{id}")).ToBeInViewportAsync();

        // On a phone, from the tasks panel: the panel closes and the tasks page shows the task.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GetByTestId("nav-chat").ClickAsync();
        await page.GetByTestId("tasks-toggle").ClickAsync();
        await AssertTouchTargetAsync(plants);
        await ScreenshotAsync(page, "chat-side-list-phone");
        await plants.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tasks#task-{id}$"));
        await Assertions.Expect(page.Locator($"#task-{id}")).ToBeInViewportAsync();
    });

    private static async Task AssertTouchTargetAsync(ILocator target)
    {
        // A box is measured as it is now: a panel a click opens is waited for first (ci123 measured it a moment early).
        await Assertions.Expect(target).ToBeVisibleAsync();
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException($"{target} has no box");
        Assert.True(box.Height >= 44, $"{target} is {box.Height}px high, under 44px");
    }

    [Fact]
    public Task A_chat_turn_writes_no_resilience_attempts_to_the_terminal() => RunAsync(nameof(A_chat_turn_writes_no_resilience_attempts_to_the_terminal), async () =>
    {
        var page = await NewPageAsync();
        await SignUpAsync(page);

        await ChatAsync(page, "add buy milk");
        await ChatAsync(page, "what's left?");

        Assert.DoesNotContain(Stack.Running.Launcher.Lines(), line => line.Contains("Execution attempt", StringComparison.Ordinal));
    });
}
