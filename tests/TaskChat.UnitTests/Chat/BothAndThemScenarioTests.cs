using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// "both" and "them" said right after a reply that listed tasks ("what's due today?", "find milk"): before, "mark both
/// done" with no question open looked for a task titled “both” ("I couldn't find a pending task matching “both”").
/// Now they are the tasks that reply listed, all of them; with no such list, or a count that is not its count, the
/// agent asks instead of guessing. Whole conversations against the fake tools; the clock is Wednesday 2 December 2026,
/// 09:00 UTC.
/// </summary>
public class BothAndThemScenarioTests
{
    [Theory]
    [InlineData("mark both done", "Marked “Buy milk” and “Buy oat milk” done.")]
    [InlineData("mark both of them as done", "Marked “Buy milk” and “Buy oat milk” done.")]
    [InlineData("complete them", "Marked “Buy milk” and “Buy oat milk” done.")]
    [InlineData("delete both", "Deleted “Buy milk” and “Buy oat milk”. Say “undo” to bring them back.")]
    [InlineData("delete those two", "Deleted “Buy milk” and “Buy oat milk”. Say “undo” to bring them back.")]
    [InlineData("move both to friday", "“Buy milk” is now due Friday. “Buy oat milk” is now due Friday.")]
    public async Task BothAfterASearchThatFoundTwoActsOnThoseTwoAndOneUndoTakesThemBack(string message, string reply)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, buy oat milk, pay rent");
        var before = tools.Tasks.Select(t => (t.Id, t.Title, t.Completed, t.Due)).ToList();
        Assert.Contains("#1 “Buy milk”", await turns.TurnAsync("find milk"), StringComparison.Ordinal);

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(("Pay rent", false, null), tools.Tasks.Where(t => t.Id == 3).Select(t => (t.Title, t.Completed, t.Due)).Single());
        Assert.NotEqual(before, tools.Tasks.Select(t => (t.Id, t.Title, t.Completed, t.Due)));

        await turns.TurnAsync("undo");
        Assert.Equal(before, tools.Tasks.Select(t => (t.Id, t.Title, t.Completed, t.Due)));
    }

    [Fact]
    public async Task BothAfterWhatIsDueTodayMarksTheTwoDueTodayDone()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add pay rent today");
        await turns.TurnAsync("add call mom friday");
        await turns.TurnAsync("add water the plants today");
        await turns.TurnAsync("what's due today?");

        Assert.Equal("Marked “Pay rent” and “Water the plants” done.", await turns.TurnAsync("mark both done"));
        Assert.Equal([("Pay rent", true), ("Call mom", false), ("Water the plants", true)], tools.Tasks.Select(t => (t.Title, t.Completed)));
    }

    [Theory]
    [InlineData("mark them done")]
    [InlineData("mark all of them done")]
    [InlineData("complete all three")]
    [InlineData("mark each of them done")]
    public async Task ThemIsEveryTaskTheLastReplyListed(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, buy oat milk, milk the cow, pay rent");
        await turns.TurnAsync("find milk");

        Assert.Equal("Marked “Buy milk”, “Buy oat milk” and “Milk the cow” done.", await turns.TurnAsync(message));
        Assert.Equal([true, true, true, false], tools.Tasks.Select(t => t.Completed));
    }

    [Theory]
    [InlineData("mark both done")]
    [InlineData("delete them")]
    [InlineData("move all of them to friday")]
    public async Task WithNoListJustBeforeItAsksWhichAndChangesNothing(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");
        await turns.TurnAsync("add pay rent");

        var reply = await turns.TurnAsync(message);

        Assert.StartsWith("Which tasks do you mean by “", reply, StringComparison.Ordinal);
        Assert.EndsWith("My last reply didn't name any: tell me their numbers or a few words of their titles, or say “show my tasks” first.", reply, StringComparison.Ordinal);
        Assert.All(tools.Tasks, t => Assert.False(t.Completed));
        Assert.All(tools.Tasks, t => Assert.Null(t.Due));
        Assert.Equal(2, tools.Tasks.Count);
    }

    [Fact]
    public async Task AListTwoRepliesBackIsNotWhatBothMeans()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, buy oat milk");
        await turns.TurnAsync("find milk");
        await turns.TurnAsync("add pay rent");

        Assert.StartsWith("Which tasks do you mean by “both”?", await turns.TurnAsync("mark both done"), StringComparison.Ordinal);
        Assert.All(tools.Tasks, t => Assert.False(t.Completed));
    }

    [Fact]
    public async Task BothAfterAListOfThreeIsAskedAboutNotGuessed()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, buy oat milk, milk the cow");
        await turns.TurnAsync("find milk");

        Assert.Equal(
            "My last reply named 3 tasks: #1 “Buy milk”, #2 “Buy oat milk” and #3 “Milk the cow”. Which should I complete? Tell me their numbers.",
            await turns.TurnAsync("mark both done"));
        Assert.All(tools.Tasks, t => Assert.False(t.Completed));
    }

    [Fact]
    public async Task ARenameOfBothIsAskedOneAtATime()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, buy oat milk");
        await turns.TurnAsync("find milk");

        Assert.StartsWith("I can only change one task at a time: which of #1 “Buy milk” or #2 “Buy oat milk”?", await turns.TurnAsync("rename both to bread"), StringComparison.Ordinal);
        Assert.Equal(["Buy milk", "Buy oat milk"], tools.Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task BothWithWordsOfATitleIsStillEveryTaskTheyMatchAndABareNumberStillATask()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, buy oat milk, pay rent");
        await turns.TurnAsync("show my tasks");

        Assert.Equal("Marked “Buy milk” and “Buy oat milk” done.", await turns.TurnAsync("mark both milk ones done"));
        Assert.Equal("Marked “Pay rent” done.", await turns.TurnAsync("complete 3"));
        Assert.All(tools.Tasks, t => Assert.True(t.Completed));
    }

    [Theory]
    [InlineData("tag them #shopping")]
    [InlineData("tag both as shopping")]
    public async Task RightAfterSeveralAddsThemAndBothAreTheTasksJustAdded(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add pay rent");
        await turns.TurnAsync("add eggs, bread");

        await turns.TurnAsync(message);

        Assert.Equal([[], ["shopping"], ["shopping"]], tools.Tasks.Select(t => t.Tags));
    }

    [Fact]
    public async Task AfterThreeAddsBothIsAskedAndAfterOneItIsNotThem()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add eggs, bread and milk");

        Assert.StartsWith("My last reply named 3 tasks: #1 “Eggs”, #2 “Bread” and #3 “Milk”. Which should I complete?", await turns.TurnAsync("mark both done"), StringComparison.Ordinal);
        await turns.TurnAsync("add pay rent");
        Assert.StartsWith("Which tasks do you mean by “them”?", await turns.TurnAsync("mark them done"), StringComparison.Ordinal);
        Assert.All(tools.Tasks, t => Assert.False(t.Completed));
    }
}
