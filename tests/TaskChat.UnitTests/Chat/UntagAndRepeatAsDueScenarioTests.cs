using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Messages from session 37's second probe of everyday phrasing that the offline agent got wrong or did not take: a tag
/// said before the task it comes off, a task said to be due on repeating days, "what's on my plate?", and two requests
/// about the chat itself ("clear the chat", "undo everything"). Whole conversations against the fake tools; the clock is
/// Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class UntagAndRepeatAsDueScenarioTests
{
    private static async Task<(OfflineTurns Turns, FakeTaskTools Tools)> StartWithTasksAsync()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk #home");
        await turns.TurnAsync("add pay rent today at 5pm #home");
        await turns.TurnAsync("add call bob tomorrow");
        await turns.TurnAsync("complete call bob");
        return (turns, tools);
    }

    /// <summary>Before: "I couldn't find a task matching “home from”".</summary>
    [Theory]
    [InlineData("remove the tag home from the milk")]
    [InlineData("untag home from the milk")]
    [InlineData("remove #home from the milk")]
    [InlineData("take #home off the milk")]
    [InlineData("remove the home tag from the milk")]
    public async Task ATagSaidBeforeItsTaskIsTakenOffThatTask(string message)
    {
        var (turns, tools) = await StartWithTasksAsync();

        Assert.Equal("Removed #home from “Buy milk”.", await turns.TurnAsync(message));
        Assert.Equal([[], ["home"], []], tools.Tasks.Select(t => (t.Tags ?? []).ToArray()));
    }

    [Fact]
    public async Task WithoutTheWordTagAWordBeforeFromIsATaskToDelete()
    {
        var (turns, tools) = await StartWithTasksAsync();

        Assert.StartsWith("Deleted “Buy milk”.", await turns.TurnAsync("remove milk from the list"), StringComparison.Ordinal);
        Assert.Equal(["Pay rent", "Call bob"], tools.Tasks.Select(t => t.Title));
    }

    /// <summary>Before: every task, the done one included ("what's on my plate?" is what is still to do).</summary>
    [Theory]
    [InlineData("what's on my plate?")]
    [InlineData("what's on my agenda?")]
    public async Task WhatsOnMyPlateIsWhatIsStillToDo(string message)
    {
        var (turns, _) = await StartWithTasksAsync();

        Assert.Equal("You have 2 pending tasks: #1 “Buy milk” and #2 “Pay rent” (due today at 17:00).", await turns.TurnAsync(message));
    }

    /// <summary>
    /// Before: not understood ("make the rent repeat on the 1st of every month" was). The rent, due today (Wednesday) at
    /// 17:00, moves to the first day the repeat picks, at 17:00 still, which the reply says (since session 42; before, it
    /// stayed due on a Wednesday that is not one of its days); a repeat that picks no day leaves it.
    /// </summary>
    [Theory]
    [InlineData("the rent is due on the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st, next due Friday 1 January 2027 at 17:00", "2027-01-01T17:00:00+00:00")]
    [InlineData("the rent is due every friday", "FREQ=WEEKLY;BYDAY=FR", "every Friday, next due Friday at 17:00", "2026-12-04T17:00:00+00:00")]
    [InlineData("the rent's due monthly", "FREQ=MONTHLY", "every month", "2026-12-02T17:00:00+00:00")]
    public async Task ATaskSaidToBeDueOnRepeatingDaysRepeats(string message, string rule, string words, string due)
    {
        var (turns, tools) = await StartWithTasksAsync();

        Assert.Equal($"“Pay rent” now repeats {words}.", await turns.TurnAsync(message));
        Assert.Equal(rule, tools.Tasks[1].Recurrence);
        Assert.Equal(due, tools.Tasks[1].Due);
    }

    [Theory]
    [InlineData("what is due every friday?")]
    [InlineData("the rent is due mon and wed")]
    public async Task AQuestionOrDaysAloneSetNoRepeat(string message)
    {
        var (turns, tools) = await StartWithTasksAsync();

        await turns.TurnAsync(message);

        Assert.All(tools.Tasks, t => Assert.Null(t.Recurrence));
    }

    [Theory]
    [InlineData("clear the chat")]
    [InlineData("start a new chat")]
    public async Task AskingForANewChatSaysWhereItIs(string message)
    {
        var (turns, tools) = await StartWithTasksAsync();
        var calls = tools.Calls.Count;

        Assert.StartsWith("To start afresh, press “+ New chat”", await turns.TurnAsync(message), StringComparison.Ordinal);
        Assert.Equal(calls, tools.Calls.Count);
    }

    [Fact]
    public async Task UndoEverythingSaysUndoTakesBackTheLastChange()
    {
        var (turns, tools) = await StartWithTasksAsync();

        Assert.StartsWith("I can take back the last change only: say “undo” for it.", await turns.TurnAsync("undo everything"), StringComparison.Ordinal);
        Assert.True(tools.Tasks[2].Completed);
    }
}
