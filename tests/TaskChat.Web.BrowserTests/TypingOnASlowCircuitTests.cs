using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The add box keeps every key, in order, when the connection is slow: typed faster than the circuit's round trip
/// (<see cref="SlowCircuit"/>: each frame held <see cref="OneWay"/> each way), the box holds what was typed once the
/// circuit is idle, and what it adds is that. The server emptying the box after an add lost keys (a line typed right after
/// Enter stayed stuck to the one added, "Pay rentWater the plants", or had its first keys wiped by the empty value's
/// render): the browser empties it (TypedLine). And since session 39 the server never writes the box's value at all: with
/// @bind, Blazor corrects its last render with each input event's value, but ci133 still saw a render made for an earlier
/// key put "call m" back over "call mom" (its browser log: the events "call mo", "call mom", then "call m " from the next
/// key), so the box is bound one way, from its input events.
/// </summary>
[Collection(SecondSharedProduct.Name)]
public sealed class TypingOnASlowCircuitTests(RunningTaskChat stack) : BrowserTest(stack)
{
    /// <summary>Each way: a 600 ms round trip, a poor mobile connection's.</summary>
    private static readonly TimeSpan OneWay = TimeSpan.FromMilliseconds(300);

    private static readonly string[] ThreeLines = ["Pay rent", "Water the plants", "Call mom"];
    private static readonly string[] TwoTags = ["home", "work"];

    /// <summary>Between keys: faster than any typist, so that many keys are always on their way.</summary>
    private static readonly LocatorPressSequentiallyOptions Quickly = new() { Delay = 5 };

    [Fact]
    public Task The_add_box_keeps_a_line_typed_faster_than_the_round_trip_and_adds_it_as_typed() => RunAsync(nameof(The_add_box_keeps_a_line_typed_faster_than_the_round_trip_and_adds_it_as_typed), async () =>
    {
        var (page, circuit) = await SlowTasksPageAsync();
        var box = page.GetByTestId("new-task-title");

        await box.PressSequentiallyAsync("pay rent friday 9am #home", Quickly);
        // The whole line was read (its reading comes after a pause), and the page has applied every render since.
        await Assertions.Expect(page.GetByTestId("add-preview-tags")).ToContainTextAsync("#home");
        await circuit.IdleAsync();
        Assert.Equal("pay rent friday 9am #home", await box.InputValueAsync());

        await box.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync(""); // Cleared by the add, as on a fast connection.
        var task = await OnlyTaskAsync(page);
        Assert.Equal("Pay rent", task.GetProperty("title").GetString());
        Assert.Equal(["home"], task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.NotEqual(JsonValueKind.Null, task.GetProperty("due").ValueKind);
    });

    [Fact]
    public Task The_add_box_keeps_words_put_in_the_middle_of_its_line_while_renders_are_on_their_way() => RunAsync(nameof(The_add_box_keeps_words_put_in_the_middle_of_its_line_while_renders_are_on_their_way), async () =>
    {
        var (page, circuit) = await SlowTasksPageAsync();
        var box = page.GetByTestId("new-task-title");

        // No wait between: the renders of the first keys arrive while the caret is back in the middle.
        await box.PressSequentiallyAsync("Call the plumber", Quickly);
        await box.PressAsync("Home");
        for (var i = 0; i < "Call".Length; i++)
        {
            await box.PressAsync("ArrowRight");
        }
        await box.PressSequentiallyAsync(" back", Quickly);
        await box.PressAsync("End");
        await box.PressSequentiallyAsync(" about the sink", Quickly);
        await circuit.IdleAsync();
        Assert.Equal("Call back the plumber about the sink", await box.InputValueAsync());

        await box.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync("");
        Assert.Equal("Call back the plumber about the sink", (await OnlyTaskAsync(page)).GetProperty("title").GetString());
    });

    [Fact]
    public Task The_next_line_typed_before_the_add_is_answered_stays_in_the_box_without_the_line_added() => RunAsync(nameof(The_next_line_typed_before_the_add_is_answered_stays_in_the_box_without_the_line_added), async () =>
    {
        var (page, circuit) = await SlowTasksPageAsync();
        var box = page.GetByTestId("new-task-title");

        await box.PressSequentiallyAsync("Pay rent", Quickly);
        await box.PressAsync("Enter");
        await box.PressSequentiallyAsync("Water the plants", Quickly); // At once: the add is still on its way.
        await Assertions.Expect(page.GetByTestId("task-title")).ToHaveTextAsync(["Pay rent"]);
        await circuit.IdleAsync();
        Assert.Equal("Water the plants", await box.InputValueAsync());

        await box.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(2);
        using var api = await ApiAsAsync(page);
        var titles = (await api.GetFromJsonAsync<JsonElement>("api/tasks")).GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString());
        Assert.Equal(["Pay rent", "Water the plants"], titles.Order());
    });

    /// <summary>
    /// "milk⏎eggs⏎bread⏎" typed faster than the round trip: each Enter after the first came while an add was on its way
    /// and was dropped, so “Milk” was added and "eggsbread" stayed in the box (found by hand, session 42). Each line is
    /// added now, in order, once the one before it is; the box ends empty.
    /// </summary>
    [Fact]
    public Task Lines_sent_with_Enter_before_the_add_before_them_is_answered_are_each_added_in_order() => RunAsync(nameof(Lines_sent_with_Enter_before_the_add_before_them_is_answered_are_each_added_in_order), async () =>
    {
        var (page, circuit) = await SlowTasksPageAsync();
        var box = page.GetByTestId("new-task-title");

        foreach (var line in ThreeLines)
        {
            await box.PressSequentiallyAsync(line, Quickly);
            await box.PressAsync("Enter"); // At once: the add before it is still on its way.
        }
        await box.PressAsync("Enter"); // An Enter with nothing new after the lines sent adds nothing.

        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(3);
        await circuit.IdleAsync();
        await Assertions.Expect(box).ToHaveValueAsync("");
        using var api = await ApiAsAsync(page);
        var tasks = (await api.GetFromJsonAsync<JsonElement>("api/tasks")).GetProperty("tasks").EnumerateArray()
            .OrderBy(t => t.GetProperty("id").GetInt64()).Select(t => t.GetProperty("title").GetString());
        Assert.Equal(ThreeLines, tasks);
    });

    /// <summary>
    /// A row's tag box, the same: "home⏎work⏎" typed faster than the round trip ran the second save at once, with the box's
    /// "homework" and the tags as they were, so the task ended with #homework alone or #home alone, whichever came last.
    /// </summary>
    [Fact]
    public Task Tags_sent_with_Enter_before_the_tag_before_them_is_saved_are_each_added_in_order() => RunAsync(nameof(Tags_sent_with_Enter_before_the_tag_before_them_is_saved_are_each_added_in_order), async () =>
    {
        var (page, circuit) = await SlowTasksPageAsync();
        var box = page.GetByTestId("new-task-title");
        await box.PressSequentiallyAsync("Plan the trip", Quickly);
        await box.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(1);
        await page.GetByTestId("task-expand").ClickAsync();
        var tagBox = page.GetByTestId("task-tag-input");
        await Assertions.Expect(tagBox).ToBeVisibleAsync();
        await circuit.IdleAsync();

        foreach (var tag in TwoTags)
        {
            await tagBox.PressSequentiallyAsync(tag, Quickly);
            await tagBox.PressAsync("Enter"); // At once: the tag before it is still on its way.
        }

        await Assertions.Expect(page.GetByTestId("task-tag")).ToHaveTextAsync(["#home", "#work"]);
        await circuit.IdleAsync();
        await Assertions.Expect(tagBox).ToHaveValueAsync("");
        var task = await OnlyTaskAsync(page);
        Assert.Equal(TwoTags, task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    });

    /// <summary>A signed-up user's tasks page whose circuit is slow from now on.</summary>
    private async Task<(IPage Page, SlowCircuit Circuit)> SlowTasksPageAsync()
    {
        var page = await NewPageAsync(Laptop);
        var circuit = await SlowCircuit.OnAsync(page);
        await SignUpAsync(page);
        await GotoInteractiveAsync(page, "/tasks");
        await Assertions.Expect(page.GetByTestId("tasks-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("new-task-title")).ToBeEnabledAsync();
        circuit.Latency = OneWay;
        return (page, circuit);
    }

    /// <summary>The user's one task, as the api stored it, once the list shows it.</summary>
    private async Task<JsonElement> OnlyTaskAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("task-item")).ToHaveCountAsync(1);
        using var api = await ApiAsAsync(page);
        return Assert.Single((await api.GetFromJsonAsync<JsonElement>("api/tasks")).GetProperty("tasks").EnumerateArray());
    }
}
