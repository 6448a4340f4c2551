using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Edits as people type them, left over from session 31's walk-through: "mark all the milk done" (before: "I couldn't
/// find a pending task matching “all milk”"), "bump milk to high" and "bump the rent up" (before: not understood), "untag
/// milk" (not understood) and the removal of a tag a task does not have (before: "Removed #shopping from “Buy milk”."
/// all the same), and a priority written in one task of a list of adds ("add a !high, b, c": before, “A !high” was the
/// title). Whole conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayEditsScenarioTests
{
    [Theory]
    [InlineData("mark all the milk done", "Marked “Buy milk” and “Buy oat milk” done.")]
    [InlineData("complete all of the milk tasks", "Marked “Buy milk” and “Buy oat milk” done.")]
    [InlineData("delete all the milk tasks", "Deleted “Buy milk” and “Buy oat milk”. Say “undo” to bring them back.")]
    [InlineData("move every milk task to friday", "“Buy milk” is now due Friday. “Buy oat milk” is now due Friday.")]
    [InlineData("make both milk ones high priority", "“Buy milk” is now high priority. “Buy oat milk” is now high priority.")]
    public async Task AllTheTasksSomeWordsMatchAreChangedWithoutAskingWhichOneAndOneUndoTakesThemBack(string message, string reply)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");
        await turns.TurnAsync("add buy oat milk");
        await turns.TurnAsync("add pay rent");
        var before = tools.Tasks.Select(t => (t.Id, t.Title, t.Completed, t.Due, t.Priority)).ToList();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(("Pay rent", false, null, null), tools.Tasks.Where(t => t.Id == 3).Select(t => (t.Title, t.Completed, t.Due, t.Priority)).Single());

        await turns.TurnAsync("undo");
        Assert.Equal(before, tools.Tasks.Select(t => (t.Id, t.Title, t.Completed, t.Due, t.Priority)));
    }

    [Fact]
    public async Task AllTheWordsMatchButOneStillActsOnItAndARenameOfSeveralIsStillAsked()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");
        await turns.TurnAsync("add buy oat milk");

        Assert.StartsWith("Which one: 1. “Buy milk” (#1) 2. “Buy oat milk” (#2)?", await turns.TurnAsync("rename all the milk to bread"), StringComparison.Ordinal);
        Assert.Equal("Marked “Buy oat milk” done.", await turns.TurnAsync("mark all the oat milk done"));
        Assert.Equal([false, true], tools.Tasks.Select(t => t.Completed));
    }

    [Theory]
    [InlineData("bump milk to high", "high")]
    [InlineData("bump the milk to urgent", "high")]
    [InlineData("bump milk to low priority", "low")]
    public async Task BumpingToALevelSetsThePriority(string message, string priority)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");

        await turns.TurnAsync(message);

        Assert.Equal(priority, tools.Tasks[0].Priority);
        Assert.Null(tools.Tasks[0].Due);
    }

    [Fact]
    public async Task BumpingUpOrDownIsAStepAndBumpingToADayIsStillAMove()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add pay rent !medium");

        Assert.Equal("“Pay rent” is now high priority.", await turns.TurnAsync("bump the rent up"));
        Assert.Equal("“Pay rent” is now medium priority.", await turns.TurnAsync("bump the rent down"));
        Assert.Equal("“Pay rent” is now high priority.", await turns.TurnAsync("bump up the rent"));
        Assert.Equal("“Pay rent” is now due Friday.", await turns.TurnAsync("bump the rent to friday"));
        Assert.Equal(("high", "2026-12-04"), (tools.Tasks[0].Priority, tools.Tasks[0].Due));
    }

    [Theory]
    [InlineData("untag milk")]
    [InlineData("untag the milk")] // before: "milk" taken for the tag and "the" for the task
    [InlineData("untag the milk one")]
    [InlineData("remove all tags from the milk")]
    [InlineData("clear the tags of milk")]
    [InlineData("remove the tags from 1")]
    public async Task EveryTagATaskHasCanBeTakenOffAtOnce(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk #shopping #errands");

        Assert.Equal("Removed #shopping and #errands from “Buy milk”.", await turns.TurnAsync(message));
        Assert.Empty(tools.Tasks[0].Tags);

        await turns.TurnAsync("undo");
        Assert.Equal(["shopping", "errands"], tools.Tasks[0].Tags);
    }

    [Fact]
    public async Task UntagTheTaskAndATagTakesThatTagAlone()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk #shopping #errands");

        Assert.Equal("Removed #errands from “Buy milk”.", await turns.TurnAsync("untag the milk errands"));
        Assert.Equal(["shopping"], tools.Tasks[0].Tags);
    }

    [Fact]
    public async Task ATagTheTaskDoesNotHaveIsSaidAndNothingIsWritten()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk #shopping");
        await turns.TurnAsync("add call bob");
        var calls = tools.Calls.Count;

        Assert.Equal("“Buy milk” isn't tagged #errands: its tags are #shopping. Nothing changed.", await turns.TurnAsync("remove the errands tag from milk"));
        Assert.Equal("“Call bob” has no tags. Nothing changed.", await turns.TurnAsync("untag bob"));
        Assert.DoesNotContain(tools.Calls.Skip(calls), c => c.Tool == TaskChat.Contract.ToolNames.UpdateTask);

        Assert.Equal("Removed #shopping from “Buy milk”.", await turns.TurnAsync("untag milk #shopping"));
        Assert.Equal("“Call bob” has no tags. Nothing changed.", await turns.TurnAsync("untag the bob one"));
        Assert.Empty(tools.Tasks[0].Tags);
    }

    [Fact]
    public async Task APriorityWrittenInATaskBeforeTheLastIsThatTasksOwn()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added 3 tasks: “A” (task 1, high priority), “B” (task 2) and “C” (task 3).", await turns.TurnAsync("add a !high, b, c"));
        Assert.Equal("Added 2 tasks: “D” (task 4, low priority) and “E” (task 5, high priority).", await turns.TurnAsync("add d !low, e !high"));
        Assert.Equal("Added 3 tasks: “F” (task 6), “G” (task 7, due tomorrow, high priority) and “H” (task 8).", await turns.TurnAsync("add f, g tomorrow !high, h"));
        // A priority at the end of a list whose other tasks have none is every task's, as before.
        Assert.Equal("Added 2 tasks: “I” (task 9) and “J” (task 10), high priority.", await turns.TurnAsync("add i, j !high"));

        Assert.Equal(
            [("A", "high"), ("B", null), ("C", null), ("D", "low"), ("E", "high"), ("F", null), ("G", "high"), ("H", null), ("I", "high"), ("J", "high")],
            tools.Tasks.Select(t => (t.Title, t.Priority)));
    }
}
