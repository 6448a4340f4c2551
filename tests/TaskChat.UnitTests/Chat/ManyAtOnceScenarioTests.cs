using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Changes to many tasks at once, and the short answers around them (found in session 31's walk-through): "mark all
/// done" was refused ("I complete tasks by name or number… Which ones?") while "delete everything" was asked and done;
/// "move everything from monday to tuesday" was not understood; a "yes" or "no" that answered nothing was "Sorry, I
/// didn't quite get that"; "help" began with undo and clearing, and repeated the example its line had just quoted.
/// The clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class ManyAtOnceScenarioTests
{
    [Theory]
    [InlineData("mark all done")]
    [InlineData("complete everything")]
    [InlineData("mark everything as done")]
    [InlineData("finish all my tasks")]
    [InlineData("Mark all as complete")]
    public async Task EveryPendingTaskIsListedAndAskedBeforeItIsMarkedDone(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, eggs");
        await turns.TurnAsync("add pay rent friday");
        await turns.TurnAsync("complete eggs");

        Assert.Equal(
            "I'll mark 2 tasks done: #1 “Buy milk” and #3 “Pay rent”. Shall I go ahead? Say “yes” to mark them done or “no” to leave them as they are.",
            await turns.TurnAsync(message));
        Assert.Equal([false, true, false], tools.Tasks.Select(t => t.Completed));

        Assert.Equal("Marked 2 tasks done: “Buy milk” and “Pay rent”. Say “undo” to put them back as they were.", await turns.TurnAsync("yes"));
        Assert.All(tools.Tasks, t => Assert.True(t.Completed));

        await turns.TurnAsync("undo");
        Assert.Equal([false, true, false], tools.Tasks.Select(t => t.Completed));
    }

    [Fact]
    public async Task NoLeavesThemAndAYesThatComesLaterDoesNothing()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");

        await turns.TurnAsync("mark all done");
        Assert.Equal("OK, I left them as they were.", await turns.TurnAsync("no"));

        await turns.TurnAsync("mark all done");
        await turns.TurnAsync("what's due today?");
        Assert.StartsWith("Yes to what? Nothing I asked is waiting for an answer now, so I did nothing.", await turns.TurnAsync("yes"), StringComparison.Ordinal);

        Assert.False(tools.Tasks[0].Completed);
    }

    /// <summary>
    /// "undo" said to the question takes the question back, not the change before it (before: "delete everything",
    /// "undo" deleted the task just added, the question's tasks untouched and the add gone).
    /// </summary>
    [Theory]
    [InlineData("delete everything")]
    [InlineData("mark all done")]
    public async Task UndoSaidToTheQuestionDropsItAndASecondUndoTakesBackTheChangeBefore(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");
        await turns.TurnAsync("add pay rent");
        await turns.TurnAsync(message);

        Assert.Equal("OK, I won't go ahead: nothing has changed. Say “undo” again to take back your change before that.", await turns.TurnAsync("undo"));
        Assert.Equal([("Buy milk", false), ("Pay rent", false)], tools.Tasks.Select(t => (t.Title, t.Completed)));
        Assert.StartsWith("Yes to what?", await turns.TurnAsync("yes"), StringComparison.Ordinal);
        Assert.Equal(2, tools.Tasks.Count);

        await turns.TurnAsync("undo");
        Assert.Equal(["Buy milk"], tools.Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task UndoSaidToTheQuestionOfANewConversationSaysNothingChanged()
    {
        var (earlier, tools) = Start();
        await earlier.TurnAsync("add buy milk");
        var turns = AnotherConversation(tools);

        await turns.TurnAsync("delete everything");

        Assert.Equal("OK, I won't go ahead: nothing has changed.", await turns.TurnAsync("undo"));
        Assert.Single(tools.Tasks);
    }

    [Fact]
    public async Task NothingLeftToMarkDoneIsSaid()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");
        await turns.TurnAsync("complete the milk");

        Assert.Equal("You have nothing left to do. Nice work!", await turns.TurnAsync("mark all done"));
        Assert.Single(tools.Tasks);
    }

    /// <summary>A question that never came, answered: nothing is done, and the reply says so instead of "Sorry, I didn't get that".</summary>
    [Theory]
    [InlineData("no", "OK, nothing changed.")]
    [InlineData("nope", "OK, nothing changed.")]
    [InlineData("never mind", "OK, nothing changed.")]
    [InlineData("yes", "Yes to what? Nothing I asked is waiting for an answer now, so I did nothing. Tell me what you'd like, for example “add buy milk” or “what's left?”.")]
    [InlineData("yep", "Yes to what? Nothing I asked is waiting for an answer now, so I did nothing. Tell me what you'd like, for example “add buy milk” or “what's left?”.")]
    public async Task AYesOrNoThatAnswersNothingChangesNothing(string message, string reply)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal([("Buy milk", false)], tools.Tasks.Select(t => (t.Title, t.Completed)));
    }

    /// <summary>The tasks of one day, named by the day: moved, completed, each as if named, and undone together.</summary>
    [Fact]
    public async Task EverythingFromADayMovesToAnotherDay()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add bins monday");
        await turns.TurnAsync("add call the bank monday at 3pm");
        await turns.TurnAsync("add pay rent friday");

        Assert.Equal(
            "“Bins” is now due Tuesday. “Call the bank” is now due Tuesday at 15:00. Say “undo” to put them back as they were.",
            await turns.TurnAsync("move everything from monday to tuesday"));
        Assert.Equal(["2026-12-08", "2026-12-08T15:00:00+00:00", "2026-12-04"], tools.Tasks.Select(t => t.Due));

        await turns.TurnAsync("undo");
        Assert.Equal(["2026-12-07", "2026-12-07T15:00:00+00:00", "2026-12-04"], tools.Tasks.Select(t => t.Due));

        Assert.Equal("Marked “Pay rent” done.", await turns.TurnAsync("mark all of friday's tasks done"));
        Assert.Equal("There's nothing due tomorrow, so I left everything as it was.", await turns.TurnAsync("push everything on thursday to saturday"));
    }

    [Fact]
    public async Task EverythingOfADayIsDeletedTogetherAndBroughtBackTogether()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add bins friday");
        await turns.TurnAsync("add call bob friday at 3pm");
        await turns.TurnAsync("add pay rent monday");

        Assert.Equal("Deleted “Bins” and “Call bob”. Say “undo” to bring them back.", await turns.TurnAsync("delete all of friday's tasks"));
        Assert.Equal(["Pay rent"], tools.Tasks.Select(t => t.Title));

        // Restored (restore_task): each with its own number and due date.
        Assert.Equal("Brought back “Bins” (task 1) and “Call bob” (task 2).", await turns.TurnAsync("undo"));
        Assert.Equal(
            [(1L, "Bins", "2026-12-04"), (2L, "Call bob", "2026-12-04T15:00:00+00:00"), (3L, "Pay rent", "2026-12-07")],
            tools.Tasks.Select(t => (t.Id, t.Title, t.Due)));
        Assert.Equal("There's nothing due today, so I left everything as it was.", await turns.TurnAsync("remove everything due today"));
    }

    /// <summary>A title that holds a day's name is still a title: only words that are wholly a day are read as one.</summary>
    [Fact]
    public async Task ATaskNamedAfterADayIsNotADay()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add plan the sunday lunch");

        Assert.Equal("“Plan the sunday lunch” is now due Friday.", await turns.TurnAsync("move the sunday lunch to friday"));
        Assert.Equal("2026-12-04", tools.Tasks[0].Due);
    }

    [Fact]
    public async Task HelpStartsWithAddingAndNeverRepeatsTheExampleItJustQuoted()
    {
        var (turns, _) = Start();

        var lines = (await turns.TurnAsync("what can you do?")).Split('\n');

        Assert.Equal("Here's what I understand:", lines[0]);
        Assert.StartsWith("• Add tasks", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("• Show, filter and search your tasks", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("• Complete tasks", lines[3], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("• Set due dates (“set 3 due to friday”): “the dentist is due tomorrow at 9” and", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), line => Assert.Equal(line.Split('“').Length, line.Split('“').Distinct(StringComparer.Ordinal).Count()));
    }
}
