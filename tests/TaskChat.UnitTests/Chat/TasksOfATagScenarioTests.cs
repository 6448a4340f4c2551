using TaskChat.Agent;
using TaskChat.Contract;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// A tag's tasks at once, from session 36's probe: "complete everything tagged home" and "delete everything tagged home"
/// looked for a task titled "everything tagged home", and "move everything tagged home to friday" asked which. Also
/// "reopen" of a task still to do, which said "I couldn't find a completed task". Whole conversations against the fake
/// tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class TasksOfATagScenarioTests
{
    private static async Task<(OfflineTurns Turns, FakeTaskTools Tools)> StartWithTagsAsync()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk #home");
        await turns.TurnAsync("add pay rent friday #home #money");
        await turns.TurnAsync("add send the report #work");
        await turns.TurnAsync("add fix the shelf #home");
        await turns.TurnAsync("complete fix the shelf");
        return (turns, tools);
    }

    [Theory]
    [InlineData("complete everything tagged home")]
    [InlineData("mark all #home tasks done")]
    [InlineData("complete all of my #home tasks")]
    [InlineData("mark everything labelled home as done")]
    [InlineData("mark all tasks tagged #home as done")]
    public async Task CompletingATagsTasksMarksItsPendingOnesDoneAndUndoReopensThem(string message)
    {
        var (turns, tools) = await StartWithTagsAsync();

        Assert.Equal("Marked “Buy milk” and “Pay rent” done. Say “undo” to put them back as they were.", await turns.TurnAsync(message));
        Assert.Equal([true, true, false, true], tools.Tasks.Select(t => t.Completed));
        var lookup = tools.Calls.Last(c => c.Tool == ToolNames.ListTasks).Arguments;
        Assert.Contains("\"tag\":\"home\"", lookup, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"pending\"", lookup, StringComparison.Ordinal);

        await turns.TurnAsync("undo");
        Assert.Equal([false, false, false, true], tools.Tasks.Select(t => t.Completed));
    }

    [Theory]
    [InlineData("delete everything tagged home")]
    [InlineData("delete all tasks tagged #home")]
    [InlineData("remove everything with the tag home")]
    public async Task DeletingATagsTasksDeletesItsPendingOnesAndUndoBringsThemBack(string message)
    {
        var (turns, tools) = await StartWithTagsAsync();

        Assert.Equal("Deleted “Buy milk” and “Pay rent”. Say “undo” to bring them back.", await turns.TurnAsync(message));
        Assert.Equal(["Send the report", "Fix the shelf"], tools.Tasks.Select(t => t.Title));

        await turns.TurnAsync("undo");
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Theory]
    [InlineData("move everything tagged home to saturday")]
    [InlineData("push everything in #home to saturday")]
    public async Task MovingATagsTasksMovesEachToTheDay(string message)
    {
        var (turns, tools) = await StartWithTagsAsync();

        Assert.Equal("“Buy milk” is now due Saturday. “Pay rent” is now due Saturday. Say “undo” to put them back as they were.", await turns.TurnAsync(message));
        Assert.Equal(["2026-12-05", "2026-12-05", null], tools.Tasks.Where(t => !t.Completed).Select(t => t.Due));
    }

    [Fact]
    public async Task ATagNoTaskToDoHasChangesNothingAndSaysSo()
    {
        var (turns, tools) = await StartWithTagsAsync();

        Assert.Equal("There's nothing tagged #garden, so I left everything as it was.", await turns.TurnAsync("complete everything tagged garden"));
        Assert.Equal([false, false, false, true], tools.Tasks.Select(t => t.Completed));
    }

    /// <summary>"#3" is task 3, not a tag named 3.</summary>
    [Fact]
    public async Task AllWithATaskNumberIsNoTag()
    {
        var (turns, tools) = await StartWithTagsAsync();

        await turns.TurnAsync("complete all #3");

        Assert.DoesNotContain(tools.Calls, c => c.Tool == ToolNames.ListTasks && c.Arguments.Contains("\"tag\":\"3\"", StringComparison.Ordinal));
    }

    /// <summary>Everything without a day or a tag is still a question, and it now names the tag as a way to say which.</summary>
    [Fact]
    public async Task MovingEverythingStillAsksWhichAndSaysATagIsAnAnswer()
    {
        var (turns, tools) = await StartWithTagsAsync();

        Assert.Contains("“move everything tagged #home to saturday”", await turns.TurnAsync("push everything to next week"), StringComparison.Ordinal);
        Assert.Equal(["2026-12-04"], tools.Tasks.Where(t => t.Due is not null).Select(t => t.Due));
    }

    [Theory]
    [InlineData("reopen the milk", "“Buy milk” isn't done: it's still on your list. Say “show completed” to see the tasks you've done.")]
    [InlineData("mark pay rent as not done", "“Pay rent” isn't done: it's still on your list. Say “show completed” to see the tasks you've done.")]
    [InlineData("reopen the unicorn", "I couldn't find a task matching “unicorn”. Say “show my tasks” to see them all.")]
    public async Task ReopeningATaskStillToDoSaysItIsNotDone(string message, string reply)
    {
        var (turns, tools) = await StartWithTagsAsync();

        var before = tools.Calls.Count;

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.DoesNotContain(tools.Calls, c => c.Tool == TaskToolNames.ReopenTask);
        // A search that found the task to do is enough; one that found nothing looks at the whole list for a near miss.
        Assert.Equal(message.Contains("unicorn", StringComparison.Ordinal) ? 2 : 1, tools.Calls.Count - before);
    }

    /// <summary>A done task and one still to do match: the done one is reopened, not asked about.</summary>
    [Fact]
    public async Task ReopeningPrefersTheDoneTaskTheWordsMatch()
    {
        var (turns, tools) = await StartWithTagsAsync();
        await turns.TurnAsync("add fix the door #home");

        Assert.Equal("Marked “Fix the shelf” as not done.", await turns.TurnAsync("reopen fix the"));
        Assert.All(tools.Tasks, t => Assert.False(t.Completed));
    }
}
