using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaskChat.ServiceDefaults.Configuration;

// The three collections, the lanes of Stacks.cs, at once: a browser test spends most of its time waiting (for a page, a
// timer, a restart), 0.6 of a core on average when they ran one at a time.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]

namespace TaskChat.Web.BrowserTests;

/// <summary>What every browser test shares: fresh contexts, signing up, waiting for the circuit, screenshots.</summary>
public abstract class BrowserTest(RunningTaskChat stack)
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };

    /// <summary>Generous: a slow, busy 2-core machine runs three services and a browser.</summary>
    private static readonly TimeSpan CircuitPatience = TimeSpan.FromSeconds(60);

    /// <summary>The pages the test opened, each with what it said and sent, for the failure report (see <see cref="Record"/>).</summary>
    private readonly List<PageRecord> _pages = [];

    static BrowserTest() => Assertions.SetDefaultExpectTimeout(30_000);

    protected RunningTaskChat Stack { get; } = stack;

    /// <summary>Where screenshots go: screenshots/ in the test output directory.</summary>
    public static string ScreenshotDirectory { get; } = FreshScreenshotDirectory();

    /// <summary>Runs a test body; on failure saves a screenshot of every page it opened, then rethrows.</summary>
    protected async Task RunAsync(string name, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            // The services' own words (an exception in a circuit is only in the log).
            await File.WriteAllLinesAsync(Path.Combine(ScreenshotDirectory, $"FAILED-{name}.log"), Stack.Running.Launcher.Lines());
            for (var i = 0; i < _pages.Count; i++)
            {
                try
                {
                    await File.WriteAllLinesAsync(Path.Combine(ScreenshotDirectory, $"FAILED-{name}-{i + 1}-browser.log"), _pages[i].Lines());
                    await _pages[i].Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"FAILED-{name}-{i + 1}.png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // The page or browser is gone; the original failure matters more.
                }
            }
            throw;
        }
        finally
        {
            foreach (var opened in _pages)
            {
                await opened.Page.Context.CloseAsync();
            }
            _pages.Clear();
        }
    }

    /// <summary>Another tab in <paramref name="sibling"/>'s context (same cookies: the same signed-in user).</summary>
    protected async Task<IPage> NewTabAsync(IPage sibling)
    {
        var page = await sibling.Context.NewPageAsync();
        _pages.Add(Record(page));
        return page;
    }

    /// <summary>
    /// A page in a context of its own: no cookies, no storage, nobody signed in. <paramref name="timeZone"/>
    /// is the browser's IANA zone (what sign-up reads from Intl), the machine's when null; the browser
    /// <paramref name="permissions"/> are granted; <paramref name="colorScheme"/> is the system's light or dark
    /// setting the pages see (light when null).
    /// </summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string? timeZone = null, IEnumerable<string>? permissions = null, ColorScheme? colorScheme = null)
    {
        var context = await Stack.Browser.NewContextAsync(new()
        {
            BaseURL = Stack.WebUrl, ViewportSize = viewport ?? Laptop, TimezoneId = timeZone, Permissions = permissions, ColorScheme = colorScheme ?? ColorScheme.Light,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        _pages.Add(Record(page));
        return page;
    }

    /// <summary>The api as the person signed in on <paramref name="page"/>: a first-party token from the web's session.</summary>
    protected async Task<HttpClient> ApiAsAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync(Stack.WebUrl + "/api/auth/token");
        var token = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("token").GetString();
        var api = new HttpClient { BaseAddress = new Uri(Stack.Running.UrlOf(TaskChatService.Api)) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    /// <summary>Signs a brand-new user up through the form, waits until the chat page is interactive, and returns the email.</summary>
    protected static async Task<string> SignUpAsync(IPage page, string name = "Ada")
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/sign-up");
        await page.GetByTestId("name").FillAsync(name);
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync("correct horse 1");
        var interactive = CircuitReadyAsync(page);
        await page.GetByTestId("sign-up-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chat$"));
        await interactive;
        return email;
    }

    /// <summary>
    /// Completes once the page's Blazor circuit has applied its first render (the browser reports
    /// OnRenderCompleted over the circuit's WebSocket): from then on clicks and typing reach the server.
    /// Call before the navigation that starts the circuit.
    /// </summary>
    protected static async Task CircuitReadyAsync(IPage page)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFrame(object? sender, IWebSocketFrame frame)
        {
            var text = frame.Text ?? (frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : "");
            if (text.Contains("OnRenderCompleted", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }
        void OnSocket(object? sender, IWebSocket socket) => socket.FrameSent += OnFrame;
        page.WebSocket += OnSocket;
        try
        {
            await ready.Task.WaitAsync(CircuitPatience);
        }
        finally
        {
            page.WebSocket -= OnSocket;
        }
    }

    /// <summary>Goes to a page of the app by its nav link (client-side, over the same circuit).</summary>
    protected static async Task OpenTasksAsync(IPage page)
    {
        await page.GetByTestId("nav-tasks").ClickAsync();
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tasks$"), new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // Once in CI (ci116, a loaded machine) a click made right after the page became interactive led nowhere: no
            // navigation and nothing sent over the circuit, and the page then sat on /chat. It has not been reproduced
            // here (45 tries, loaded and not, with the router's link handling held back 800 ms). A person clicks again;
            // so does the test, once, and says so in the page's console, which a failure's record keeps.
            await page.EvaluateAsync("console.warn('test: the Tasks link click led nowhere in 5 s; clicking it again')");
            await page.GetByTestId("nav-tasks").ClickAsync();
        }
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
        // Without ?view= the page shows All; the current view's link carries the "active" class and aria-current.
        await Assertions.Expect(page.GetByTestId("view-all")).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Assertions.Expect(page.Locator("[data-testid=task-item], [data-testid=tasks-empty]").First).ToBeVisibleAsync();
    }

    protected static async Task AddTaskAsync(IPage page, string title)
    {
        await TypeAsync(page, "new-task-title", title, "add-task");
        await page.GetByTestId("add-task").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-title").Filter(new() { HasText = title })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Types into an input. The page keeps its inputs disabled until it is interactive and has settled
    /// (its first load rendered: text typed into the prerendered page, or while the interactive page
    /// still re-renders by itself, could be lost), and Playwright's fill waits for an enabled input:
    /// what is typed reaches the server, with no retyping. <see cref="ChatAsync"/> relies on the same.
    /// </summary>
    protected static async Task TypeAsync(IPage page, string inputTestId, string text, string submitTestId)
    {
        await page.GetByTestId(inputTestId).FillAsync(text);
        await Assertions.Expect(page.GetByTestId(submitTestId)).Not.ToHaveClassAsync(new Regex(@"\bidle\b"));
    }

    /// <summary>Sends a chat message with Enter and waits until its reply is complete.</summary>
    protected static async Task ChatAsync(IPage page, string text)
    {
        var replies = page.Locator("[data-testid=chat-message][data-role=assistant]");
        var before = await replies.CountAsync();
        await page.GetByTestId("chat-input").FillAsync(text);
        await page.GetByTestId("chat-input").PressAsync("Enter");
        await Assertions.Expect(replies).ToHaveCountAsync(before + 1);
        await Assertions.Expect(replies.Last).ToHaveAttributeAsync("data-streaming", "false", new() { Timeout = 60_000 });
        await Assertions.Expect(replies.Last.Locator(".bubble-text")).Not.ToBeEmptyAsync();
    }

    /// <summary>A full load of a page of the app, waiting until its circuit is interactive.</summary>
    protected static async Task GotoInteractiveAsync(IPage page, string path)
    {
        var ready = CircuitReadyAsync(page);
        await page.GotoAsync(path);
        await ready;
    }

    /// <summary>
    /// Keeps, for a failure's report, the page's console and uncaught errors (Blazor writes its own
    /// there) and the last messages its circuits sent and received: whether a keystroke or a submit
    /// reached the server at all is what a flaky interaction needs to be told apart.
    /// </summary>
    private static PageRecord Record(IPage page)
    {
        var record = new PageRecord(page);
        page.Console += (_, message) => record.Add($"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => record.Add($"page error: {error}");
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                record.Add($"navigated: {frame.Url}");
            }
        };
        page.WebSocket += (_, socket) =>
        {
            socket.FrameSent += (_, frame) => record.Add("sent " + Readable(frame));
            socket.FrameReceived += (_, frame) => record.Add("received " + Readable(frame));
        };
        return record;
    }

    /// <summary>A circuit message as text, its binary framing turned into dots, cut to a line.</summary>
    private static string Readable(IWebSocketFrame frame)
    {
        const int Shown = 400;
        var (text, cut) = frame.Binary is { } bytes
            ? (Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, Shown)), bytes.Length > Shown)
            : (frame.Text ?? "", (frame.Text?.Length ?? 0) > Shown);
        var printable = new string([.. text.Take(Shown).Select(c => char.IsControl(c) || c == '\uFFFD' ? '.' : c)]);
        return cut ? printable + "…" : printable;
    }

    /// <summary>A page the test opened, and the last lines its recorder kept, each with the time it was seen.</summary>
    private sealed class PageRecord(IPage page)
    {
        private const int Kept = 400;
        private readonly Queue<string> _lines = new();

        public IPage Page { get; } = page;

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
                if (_lines.Count > Kept)
                {
                    _lines.Dequeue();
                }
            }
        }

        public string[] Lines()
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Emptied once per run, so a FAILED-*.png there is always from this run.</summary>
    private static string FreshScreenshotDirectory()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        return Directory.CreateDirectory(directory).FullName;
    }

    /// <summary>How far an element's text is from its left and from its right edge (negative: the text runs past it).</summary>
    protected static async Task<(double Left, double Right)> TextGapsAsync(ILocator element)
    {
        await Assertions.Expect(element).ToBeVisibleAsync();
        var gaps = await element.EvaluateAsync<double[]>("""
            e => {
                const box = e.getBoundingClientRect(), range = document.createRange();
                range.selectNodeContents(e);
                const text = range.getBoundingClientRect();
                return [text.left - box.left, box.right - text.right];
            }
            """);
        return (gaps[0], gaps[1]);
    }

    /// <summary>The direction the browser gave an element ("ltr" or "rtl"): with dir="auto", that of its text.</summary>
    protected static Task<string> DirectionAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).direction");

    protected static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}
