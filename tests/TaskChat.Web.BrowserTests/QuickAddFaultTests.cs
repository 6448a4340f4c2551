using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using Yarp.ReverseProxy.Forwarder;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// A stack whose web reaches the api through a front the test controls (API_URL), which passes every request on except
/// the add box's readings (POST /api/tasks/parse) when told to fail, hold or slow them: the one call whose failure must not
/// show, while the rest of the api works.
/// </summary>
public sealed class RunningTaskChatWithAFaultyParse : RunningTaskChat
{
    private readonly int _frontPort = LoopbackServer.UnusedPort();
    private WebApplication? _front;
    private int _readings;

    /// <summary>What the front does with a reading: passes it on (null), answers 500, holds it until the fault is lifted, or passes it on late.</summary>
    public ParseFault? Fault { get; set; }

    /// <summary>How many readings the web asked for.</summary>
    public int Readings => Volatile.Read(ref _readings);

    protected override IReadOnlyDictionary<string, string>? WebVariables =>
        new Dictionary<string, string> { ["API_URL"] = $"http://127.0.0.1:{_frontPort}" };

    public override async Task InitializeAsync()
    {
        // Before the stack: the web's first call to the api comes through it.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_frontPort}");
        builder.Services.AddHttpForwarder();
        _front = builder.Build();
        var api = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false });
        _front.Map("/{**rest}", async (HttpContext context, IHttpForwarder forwarder) =>
        {
            if (context.Request.Path == "/api/tasks/parse")
            {
                Interlocked.Increment(ref _readings);
                switch (Fault)
                {
                    case { Fails: true }:
                        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                        await context.Response.WriteAsJsonAsync(new { title = "An error occurred while processing your request.", status = 500 });
                        return;
                    case { Hangs: true }:
                        // Held until the test lifts the fault (or the web gives up on it): slower than any patience.
                        while (Fault is { Hangs: true })
                        {
                            await Task.Delay(50, context.RequestAborted);
                        }
                        break;
                    case { Delay: { } delay }:
                        await Task.Delay(delay, context.RequestAborted);
                        break;
                }
            }
            await forwarder.SendAsync(context, Running.UrlOf(TaskChatService.Api), api);
        });
        await _front.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }
    }
}

/// <summary>A reading that fails with a 500, one that gets no answer while the fault stands, or one answered after <see cref="Delay"/>.</summary>
public sealed record ParseFault(bool Fails, bool Hangs, TimeSpan? Delay = null)
{
    public static ParseFault Failing { get; } = new(true, false);

    public static ParseFault Hanging { get; } = new(false, true);

    /// <summary>Answered a few seconds late, as by an api that is busy or waking up (longer than Add waited before session 45).</summary>
    public static ParseFault Late { get; } = new(false, false, TimeSpan.FromSeconds(3));
}

/// <summary>
/// The add box's reading is a help, never a gate: with /api/tasks/parse failing or not answering within an ordinary call's
/// limit (10 s), Add adds the line as typed, and the page shows nothing broken (no notice, no error, no preview left
/// behind). A reading that is only late is waited for: the add goes to the same api, so it would be no sooner.
/// </summary>
[Collection(OutageProduct.Name)] // Its lane (Stacks.cs); its own stack.
public sealed class QuickAddFaultTests(RunningTaskChatWithAFaultyParse stack) : BrowserTest(stack), IClassFixture<RunningTaskChatWithAFaultyParse>
{
    private const string Line = "pay rent friday 9am #home";

    [Theory]
    [InlineData("failing", "phone")]
    [InlineData("slow", "laptop")]
    public Task A_line_whose_reading_fails_or_is_slow_is_added_as_typed_with_nothing_broken_shown(string fault, string size) => RunAsync($"{nameof(A_line_whose_reading_fails_or_is_slow_is_added_as_typed_with_nothing_broken_shown)}-{fault}-{size}", async () =>
    {
        var page = await NewPageAsync(size == "phone" ? Phone : Laptop);
        await SignUpAsync(page);
        await OpenTasksAsync(page);
        // The front applies it from the next reading on; each test sets its own (the class's tests run one at a time).
        stack.Fault = fault == "failing" ? ParseFault.Failing : ParseFault.Hanging;
        var asked = stack.Readings;

        await page.GetByTestId("new-task-title").PressSequentiallyAsync(Line);
        await AskedAsync(() => stack.Readings > asked); // The box asked, after its pause.
        await page.GetByTestId("add-task").ClickAsync();

        // A hanging reading never answers while the fault stands: the row shows that Add went on without it (how soon is
        // an ordinary call's limit, 10 s, not timed here: a test must not fail on a slow machine; before, one did, at 6.9 s).
        var row = page.GetByTestId("task-item").Filter(new() { HasText = Line });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("task-title")).ToHaveTextAsync(Line);
        await Assertions.Expect(row.GetByTestId("task-due")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("new-task-title")).ToHaveValueAsync("");
        await AssertNothingBrokenAsync(page);
        await ScreenshotAsync(page, $"quick-add-{fault}-reading-{size}");

        using var api = await ApiAsAsync(page);
        var task = Assert.Single((await api.GetFromJsonAsync<JsonElement>("api/tasks")).GetProperty("tasks").EnumerateArray());
        Assert.Equal(Line, task.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("due").ValueKind);
        Assert.Empty(task.GetProperty("tags").EnumerateArray());

        stack.Fault = null;
        await page.GetByTestId("new-task-title").PressSequentiallyAsync("water plants tomorrow");
        await Assertions.Expect(page.GetByTestId("add-preview-due")).ToContainTextAsync("Tomorrow"); // Read again once the api answers.
    });

    /// <summary>
    /// A reading that comes a few seconds late (an api busy or waking up) is waited for, and the task is added as read: due
    /// Friday at 09:00, tagged #home. Before session 45 Add gave up on it after 1.5 s and, the api answering the add, made a
    /// task titled "pay rent friday 9am #home" with no date or tag.
    /// </summary>
    [Fact]
    public Task A_line_whose_reading_is_late_is_added_as_read_once_it_comes() => RunAsync(nameof(A_line_whose_reading_is_late_is_added_as_read_once_it_comes), async () =>
    {
        var page = await NewPageAsync(Laptop);
        await SignUpAsync(page);
        await OpenTasksAsync(page);
        stack.Fault = ParseFault.Late;
        var asked = stack.Readings;

        // Typed and added at once, as a quick typist does: the reading asked for at Add is the one that is late.
        await page.GetByTestId("new-task-title").FillAsync(Line);
        await page.GetByTestId("new-task-title").PressAsync("Enter");
        await AskedAsync(() => stack.Readings > asked);

        var row = page.GetByTestId("task-item").Filter(new() { HasText = "Pay rent" });
        await Assertions.Expect(row.GetByTestId("task-title")).ToHaveTextAsync("Pay rent");
        await Assertions.Expect(page.GetByTestId("new-task-title")).ToHaveValueAsync("");
        await AssertNothingBrokenAsync(page);
        await ScreenshotAsync(page, "quick-add-late-reading-laptop");

        using var api = await ApiAsAsync(page);
        var task = Assert.Single((await api.GetFromJsonAsync<JsonElement>("api/tasks")).GetProperty("tasks").EnumerateArray());
        Assert.Equal("Pay rent", task.GetProperty("title").GetString());
        Assert.Contains("T09:00", task.GetProperty("due").GetString()); // Friday at 09:00, in the user's zone.
        Assert.Equal(["home"], task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        stack.Fault = null;
    });

    private static async Task AskedAsync(Func<bool> asked)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!asked())
        {
            Assert.True(DateTime.UtcNow < deadline, "the add box never asked for a reading");
            await Task.Delay(50);
        }
    }

    private static async Task AssertNothingBrokenAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("add-task-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("add-preview")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("add-mark")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("tasks-error")).ToHaveCountAsync(0);
    }
}
