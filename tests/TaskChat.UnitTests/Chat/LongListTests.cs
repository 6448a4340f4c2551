using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Agent;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// A user with more tasks than one page of list_tasks (50 by default): the agent finds a task by words through the
/// mcp's search, reads a task named by number through task_ids, ranks "what first" from the soonest due, and says
/// when a list it shows is not all of them. Before, it read the first 50 tasks by number and told such a user
/// "I couldn't find task 55".
/// </summary>
public class LongListTests
{
    private static readonly string[] Work = ["work"];

    private static readonly FakeTimeProvider Monday = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private static FakeTaskTools SixtyTasks()
    {
        var tools = new FakeTaskTools(Monday);
        for (var i = 1; i <= 59; i++)
        {
            tools.Add.InvokeAsync(new() { ["title"] = $"Errand {i}" }).AsTask().GetAwaiter().GetResult();
        }
        tools.Add.InvokeAsync(new() { ["title"] = "Buy milk" }).AsTask().GetAwaiter().GetResult();
        tools.Calls.Clear();
        return tools;
    }

    [Fact]
    public async Task A_task_past_the_first_page_is_found_by_words_with_one_search()
    {
        var tools = SixtyTasks();
        var turns = new OfflineTurns(tools.All);

        var reply = await turns.TurnAsync("mark the milk one done");

        Assert.Equal("Marked “Buy milk” done.", reply);
        Assert.Equal(
            [
                (ToolNames.ListTasks, """{"status":"pending","due_before":null,"due_after":null,"overdue":null,"priority":null,"tag":null,"search":"milk","sort":null,"limit":200,"cursor":null,"task_ids":null}"""),
                (ToolNames.CompleteTask, """{"task_id":60}"""),
            ],
            tools.Calls);
    }

    [Fact]
    public async Task A_near_miss_is_still_found_in_the_plain_list_after_the_search_found_nothing()
    {
        var tools = SixtyTasks();
        var turns = new OfflineTurns(tools.All);

        var reply = await turns.TurnAsync("mark mlik done");

        Assert.Equal("Marked “Buy milk” done.", reply);
        Assert.Equal([ToolNames.ListTasks, ToolNames.ListTasks, ToolNames.CompleteTask], tools.Calls.Select(c => c.Tool));
        Assert.Contains("\"search\":\"mlik\"", tools.Calls[0].Arguments, StringComparison.Ordinal);
        Assert.Contains("\"search\":null,\"sort\":\"updated\",\"limit\":200", tools.Calls[1].Arguments, StringComparison.Ordinal);
        Assert.True(tools.Tasks.Single(t => t.Title == "Buy milk").Completed);
    }

    [Theory]
    [InlineData("rename 55 to Errand fifty-five", "Renamed “Errand 55” to “Errand fifty-five”.")]
    [InlineData("delete task 58", "Deleted “Errand 58”. Say “undo” to bring it back.")]
    public async Task A_task_named_by_a_number_past_the_first_page_is_read_by_its_number_and_changed(string message, string expected)
    {
        var tools = SixtyTasks();
        var turns = new OfflineTurns(tools.All);

        var reply = await turns.TurnAsync(message);

        Assert.Equal(expected, reply);
        Assert.Contains("\"task_ids\":[", tools.Calls[0].Arguments, StringComparison.Ordinal);
        Assert.Equal(2, tools.Calls.Count);
    }

    [Fact]
    public async Task A_number_that_is_not_there_is_said_so_and_nothing_changes()
    {
        var tools = SixtyTasks();
        var turns = new OfflineTurns(tools.All);

        var reply = await turns.TurnAsync("rename 75 to something");

        Assert.Equal("I couldn't find task 75.", reply);
        Assert.Equal([ToolNames.ListTasks], tools.Calls.Select(c => c.Tool));
    }

    [Fact]
    public async Task A_list_longer_than_a_page_says_it_shows_the_first_ones_and_that_there_are_more()
    {
        var tools = SixtyTasks();
        var turns = new OfflineTurns(tools.All);

        var reply = await turns.TurnAsync("what's left?");

        Assert.StartsWith("Your first 50 pending tasks: #1 “Errand 1”, #2 “Errand 2”", reply, StringComparison.Ordinal);
        Assert.EndsWith("There are more: say “show more” for the next ones, or see them all on the Tasks page.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("You have 50", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_more_after_such_a_list_shows_the_next_page_and_then_there_is_no_more_to_show()
    {
        var tools = SixtyTasks();
        var turns = new OfflineTurns(tools.All);
        await turns.TurnAsync("what's left?");
        turns.AssistantSaid("(the list)");

        var more = await turns.TurnAsync("show more");

        Assert.Equal("The next 10 pending tasks: #51 “Errand 51”, #52 “Errand 52”, #53 “Errand 53”, #54 “Errand 54”, #55 “Errand 55”, " +
            "#56 “Errand 56”, #57 “Errand 57”, #58 “Errand 58”, #59 “Errand 59” and #60 “Buy milk”.", more);
        Assert.Contains("\"cursor\":\"50\"", tools.Calls[^1].Arguments, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"pending\"", tools.Calls[^1].Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filtered_list_with_more_points_to_the_tasks_page_and_more_is_not_read_as_its_next_page()
    {
        var tools = new FakeTaskTools(Monday);
        for (var i = 1; i <= 55; i++)
        {
            await tools.Add.InvokeAsync(new() { ["title"] = $"Work item {i}", ["tags"] = Work });
        }
        tools.Calls.Clear();
        var turns = new OfflineTurns(tools.All);

        var reply = await turns.TurnAsync("show #work");

        Assert.EndsWith("There are more: the Tasks page shows them all.", reply, StringComparison.Ordinal);
        turns.AssistantSaid(reply);
        var next = await turns.SayAsync("show more");
        Assert.DoesNotContain(next.Calls(), c => c.Arguments?.ContainsKey(ToolArguments.Cursor) == true);
    }

    [Fact]
    public async Task Clearing_more_than_a_page_asks_about_the_first_ones_says_so_and_deletes_exactly_those()
    {
        var tools = SixtyTasks();
        for (var id = 1L; id <= 60; id++)
        {
            await tools.Complete.InvokeAsync(new() { ["task_id"] = id });
        }
        tools.Calls.Clear();
        var turns = new OfflineTurns(tools.All);

        var question = await turns.TurnAsync("clear completed tasks");
        var deleted = await turns.TurnAsync("yes");

        Assert.StartsWith("I'll delete 50 completed tasks (the first 50: ask again for the rest): #1 “Errand 1”", question, StringComparison.Ordinal);
        Assert.StartsWith("Deleted 50 tasks:", deleted, StringComparison.Ordinal);
        Assert.Equal(["Errand 51", "Errand 52", "Errand 53", "Errand 54", "Errand 55", "Errand 56", "Errand 57", "Errand 58", "Errand 59", "Buy milk"], tools.Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task What_first_ranks_a_task_due_soon_even_past_the_first_page()
    {
        var tools = SixtyTasks();
        await tools.Update.InvokeAsync(new() { ["task_id"] = 57L, ["due"] = "2026-12-03" });
        tools.Calls.Clear();
        var turns = new OfflineTurns(tools.All, new UserClock(Monday, TimeZoneInfo.Utc));

        var reply = await turns.TurnAsync("what should I do first?");

        Assert.StartsWith("Start with #57 “Errand 57” (due ", reply, StringComparison.Ordinal);
        Assert.Contains("\"sort\":\"due\",\"limit\":200", tools.Calls[0].Arguments, StringComparison.Ordinal);
    }

    /// <summary>
    /// More than a page of tasks still to do, none dated: the ranking is by priority, and the page of the soonest due held
    /// the 200 oldest. Before, the high priority task added since was never looked at: "Start with #3 “Errand 3” (medium
    /// priority)". Now the highest priority ones are read too, by the tool's own sort, a page of them.
    /// </summary>
    [Fact]
    public async Task What_first_considers_a_high_priority_task_past_the_soonest_due()
    {
        var tools = new FakeTaskTools(Monday);
        for (var i = 1; i <= 205; i++)
        {
            await tools.Add.InvokeAsync(new() { ["title"] = $"Errand {i}", ["priority"] = i == 3 ? "medium" : null });
        }
        await tools.Add.InvokeAsync(new() { ["title"] = "Renew passport", ["priority"] = "high" });
        tools.Calls.Clear();
        var turns = new OfflineTurns(tools.All, new UserClock(Monday, TimeZoneInfo.Utc));

        var reply = await turns.TurnAsync("what should I do first?");

        Assert.Equal("Start with #206 “Renew passport” (high priority). Then #3 “Errand 3” (medium priority) and #1 “Errand 1”.", reply);
        Assert.Equal(
            [
                (ToolNames.ListTasks, """{"status":"pending","due_before":null,"due_after":null,"overdue":null,"priority":null,"tag":null,"search":null,"sort":"due","limit":200,"cursor":null,"task_ids":null}"""),
                (ToolNames.ListTasks, """{"status":"pending","due_before":null,"due_after":null,"overdue":null,"priority":null,"tag":null,"search":null,"sort":"priority","limit":200,"cursor":null,"task_ids":null}"""),
            ],
            tools.Calls);
    }

    /// <summary>
    /// More than a page due the same day: which of them the page held was down to their numbers, and the high priority one
    /// among them, added last, ranks first of that day. Before: "Start with #1 “Errand 1” (due tomorrow)".
    /// </summary>
    [Fact]
    public async Task What_first_considers_a_high_priority_task_due_the_same_day_as_the_page_ends()
    {
        var tools = new FakeTaskTools(Monday);
        for (var i = 1; i <= 230; i++)
        {
            await tools.Add.InvokeAsync(new() { ["title"] = $"Errand {i}", ["due"] = "2026-12-02" });
        }
        await tools.Add.InvokeAsync(new() { ["title"] = "Call the bank", ["due"] = "2026-12-02", ["priority"] = "high" });
        tools.Calls.Clear();
        var turns = new OfflineTurns(tools.All, new UserClock(Monday, TimeZoneInfo.Utc));

        var reply = await turns.TurnAsync("what should I do first?");

        Assert.StartsWith("Start with #231 “Call the bank” (due tomorrow, high priority). Then #1 “Errand 1” (due tomorrow)", reply, StringComparison.Ordinal);
        Assert.Equal(2, tools.Calls.Count);
    }

    /// <summary>A page holds every task still to do: it is all there is to rank, and nothing more is read.</summary>
    [Fact]
    public async Task What_first_reads_once_when_one_page_holds_every_task()
    {
        var tools = SixtyTasks();
        await tools.Update.InvokeAsync(new() { ["task_id"] = 60L, ["priority"] = "high" });
        tools.Calls.Clear();
        var turns = new OfflineTurns(tools.All, new UserClock(Monday, TimeZoneInfo.Utc));

        var reply = await turns.TurnAsync("what should I do first?");

        Assert.StartsWith("Start with #60 “Buy milk” (high priority). Then #1 “Errand 1”", reply, StringComparison.Ordinal);
        Assert.Single(tools.Calls);
    }

    // Monday 1 December: one task due today, 205 due from 3 December on, one a day, and #207 high priority with no due date.
    private static FakeTaskTools MoreThanAPageDueLater()
    {
        var tools = new FakeTaskTools(Monday);
        tools.Add.InvokeAsync(new() { ["title"] = "Pay rent", ["due"] = "2026-12-01T17:00:00+00:00" }).AsTask().GetAwaiter().GetResult();
        var day = new DateOnly(2026, 12, 3);
        for (var i = 0; i < 205; i++)
        {
            tools.Add.InvokeAsync(new() { ["title"] = $"Errand {i + 2}", ["due"] = day.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).AsTask().GetAwaiter().GetResult();
        }
        tools.Add.InvokeAsync(new() { ["title"] = "Renew passport", ["priority"] = "high" }).AsTask().GetAwaiter().GetResult();
        tools.Calls.Clear();
        return tools;
    }

    /// <summary>
    /// Before, the 200 soonest due were read alone: a high priority task due later, or with no due date, was past them, and
    /// a user with more than 200 tasks to do was not told of it (and was told "There are more").
    /// </summary>
    [Fact]
    public async Task Urgent_tasks_past_the_first_page_are_read_with_the_high_priority_filter()
    {
        var tools = MoreThanAPageDueLater();
        var turns = new OfflineTurns(tools.All, new UserClock(Monday, TimeZoneInfo.Utc));

        var reply = await turns.TurnAsync("anything urgent?");

        Assert.Equal("2 urgent tasks: #1 “Pay rent” (due today at 17:00) and #207 “Renew passport” (high priority).", reply);
        Assert.Equal(
            [
                (ToolNames.ListTasks, """{"status":"pending","due_before":null,"due_after":null,"overdue":null,"priority":null,"tag":null,"search":null,"sort":"due","limit":200,"cursor":null,"task_ids":null}"""),
                (ToolNames.ListTasks, """{"status":"pending","due_before":null,"due_after":null,"overdue":null,"priority":"high","tag":null,"search":null,"sort":"due","limit":200,"cursor":null,"task_ids":null}"""),
            ],
            tools.Calls);
    }

    /// <summary>More tasks overdue or due today than a page: the reply says there are more, as a list longer than a page does.</summary>
    [Fact]
    public async Task Urgent_tasks_more_than_a_page_say_there_are_more()
    {
        var tools = new FakeTaskTools(Monday);
        for (var i = 1; i <= 201; i++)
        {
            await tools.Add.InvokeAsync(new() { ["title"] = $"Errand {i}", ["due"] = "2026-11-30" });
        }
        tools.Calls.Clear();
        var turns = new OfflineTurns(tools.All, new UserClock(Monday, TimeZoneInfo.Utc));

        var reply = await turns.TurnAsync("what's urgent?");

        Assert.StartsWith("200 urgent tasks: #1 “Errand 1” (overdue, was due yesterday), ", reply, StringComparison.Ordinal);
        Assert.EndsWith(" There are more: the Tasks page shows them all.", reply, StringComparison.Ordinal);
        Assert.Equal(2, tools.Calls.Count);
    }

    [Fact]
    public async Task A_search_that_missed_does_not_make_its_one_result_what_it_means_next()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("complete the mlik");
        await turns.AnswerAsync(Envelopes.Tasks((7, "Milkshake recipe", false))); // searched "mlik": a stand-in for a result that does not match
        await turns.AnswerAsync(Envelopes.Tasks((3, "Pay rent", false), (7, "Milkshake recipe", false)));
        turns.AssistantSaid("I couldn't find a pending task matching “mlik”.");

        var next = await turns.SayAsync("delete it");

        Assert.Empty(next.Calls());
        Assert.StartsWith("Which task should I delete?", next.Text, StringComparison.Ordinal);
    }
}
