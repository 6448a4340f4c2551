using TaskChat.Contract;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Tasks named by their place in a list the agent showed (found in a walk-through, each change checked in the tools'
/// state): the answer to "Which one?" by place ("the second one"), for all of them ("both") or none, or by
/// what sets one apart ("the one due friday"); and "the second one is done" after a list, counted as the reply showed it.
/// The clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class ListPlaceScenarioTests
{
    private const string MilkQuestion = "Which one: 1. “Buy milk for mom” (#1) 2. “Buy oat milk” (#2)? Say “the first”, “both”, or a number.";

    [Theory]
    [InlineData("the first one", "Buy milk for mom")]
    [InlineData("first", "Buy milk for mom")]
    [InlineData("the 2nd", "Buy oat milk")]
    [InlineData("second", "Buy oat milk")]
    [InlineData("the second one please", "Buy oat milk")]
    [InlineData("the last one", "Buy oat milk")]
    [InlineData("the oat one", "Buy oat milk")]
    public async Task APlaceOrWordsOfOneTitleAnswerWhichOne(string answer, string meant)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom, buy oat milk");
        Assert.Equal(MilkQuestion, await turns.TurnAsync("mark the milk done"));

        Assert.Equal($"Marked “{meant}” done.", await turns.TurnAsync(answer));

        Assert.Equal([meant], tools.Tasks.Where(t => t.Completed).Select(t => t.Title));
    }

    [Fact]
    public async Task BothCompletesEachTaskTheQuestionListedAndUndoReopensThemAll()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom, buy oat milk, call mom");
        await turns.TurnAsync("mark the milk done");

        Assert.Equal("Marked “Buy milk for mom” and “Buy oat milk” done.", await turns.TurnAsync("both"));
        Assert.Equal([true, true, false], tools.Tasks.Select(t => t.Completed));

        Assert.StartsWith("Undone:", await turns.TurnAsync("undo"), StringComparison.Ordinal);
        Assert.Equal([false, false, false], tools.Tasks.Select(t => t.Completed));
    }

    [Fact]
    public async Task AllThreeDeletesEachSaysWhichAndUndoBringsThemAllBack()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom, buy oat milk, milk the cow, call mom");
        Assert.StartsWith("Which one: 1. “Buy milk for mom” (#1) 2. “Buy oat milk” (#2) 3. “Milk the cow” (#3)? Say “the first”, “all of them”, or a number.", await turns.TurnAsync("delete the milk"), StringComparison.Ordinal);

        Assert.Equal("Deleted “Buy milk for mom”, “Buy oat milk” and “Milk the cow”. Say “undo” to bring them back.", await turns.TurnAsync("all 3"));
        Assert.Equal(["Call mom"], tools.Tasks.Select(t => t.Title));

        await turns.TurnAsync("undo");
        Assert.Equal(["Buy milk for mom", "Buy oat milk", "Call mom", "Milk the cow"], tools.Tasks.Select(t => t.Title).Order());
    }

    [Fact]
    public async Task AllOfThemSetsThePriorityOfEachAndUndoPutsTheOldOnesBack()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom low priority");
        await turns.TurnAsync("add buy oat milk");
        await turns.TurnAsync("make the milk high priority");

        Assert.Equal("“Buy milk for mom” is now high priority. “Buy oat milk” is now high priority.", await turns.TurnAsync("all of them"));
        Assert.Equal(["high", "high"], tools.Tasks.Select(t => t.Priority));

        await turns.TurnAsync("undo");
        Assert.Equal(["low", "none"], tools.Tasks.Select(t => t.Priority ?? "none"));
    }

    [Fact]
    public async Task BothMovesTheDueDateOfEachAndTagsEach()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom, buy oat milk");
        await turns.TurnAsync("move the milk to friday");
        Assert.Equal("“Buy milk for mom” is now due Friday. “Buy oat milk” is now due Friday.", await turns.TurnAsync("both of them"));
        await turns.TurnAsync("tag the milk shopping");
        await turns.TurnAsync("both");

        Assert.Equal([("2026-12-04", "shopping"), ("2026-12-04", "shopping")], tools.Tasks.Select(t => (t.Due, string.Join(',', t.Tags))));
    }

    [Fact]
    public async Task BothToARequestForOneTaskAsksAgainAndANumberThenFinishesIt()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom, buy oat milk");
        await turns.TurnAsync("rename the milk to buy soy milk");

        Assert.Equal("Which one: 1. “Buy milk for mom” (#1) 2. “Buy oat milk” (#2)? I can only change one at a time: say “the first” or a number.", await turns.TurnAsync("both"));
        await turns.TurnAsync("the second one");

        Assert.Equal(["Buy milk for mom", "Buy soy milk"], tools.Tasks.Select(t => t.Title));
    }

    [Theory]
    [InlineData("all 3")]
    [InlineData("the third one")]
    public async Task ACountOrAPlaceTheQuestionDidNotListAsksAgain(string answer)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom, buy oat milk");
        await turns.TurnAsync("mark the milk done");

        Assert.StartsWith("Which one: 1. “Buy milk for mom” (#1) 2. “Buy oat milk” (#2)?", await turns.TurnAsync(answer), StringComparison.Ordinal);
        Assert.Equal("Marked “Buy milk for mom” done.", await turns.TurnAsync("first"));
        Assert.Equal([true, false], tools.Tasks.Select(t => t.Completed));
    }

    [Theory]
    [InlineData("neither")]
    [InlineData("none of them")]
    [InlineData("never mind")]
    public async Task NeitherDropsTheQuestionAndChangesNothing(string answer)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom, buy oat milk");
        await turns.TurnAsync("delete the milk");
        var calls = tools.Calls.Count;

        Assert.Equal("OK, never mind: I left them as they were.", await turns.TurnAsync(answer));

        Assert.Equal(calls, tools.Calls.Count);
        Assert.Equal(2, tools.Tasks.Count);
        Assert.StartsWith("Sorry, I didn't quite get that", await turns.TurnAsync("second"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestAfterTheQuestionIsARequestNotANearMissOfATitle()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy gifts at the shop, wrap gifts");
        await turns.TurnAsync("mark the gifts done");

        Assert.StartsWith("You have 2 tasks", await turns.TurnAsync("show my tasks"), StringComparison.Ordinal);
        Assert.DoesNotContain(tools.Tasks, t => t.Completed);
    }

    [Theory]
    [InlineData("the one due friday", "Buy oat milk")]
    [InlineData("the one tagged home", "Buy milk for mom")]
    [InlineData("the #home one", "Buy milk for mom")]
    public async Task WhatSetsOneApartAnswersWhichOne(string answer, string meant)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk for mom #home tomorrow");
        await turns.TurnAsync("add buy oat milk friday");
        await turns.TurnAsync("mark the milk done");

        Assert.Equal($"Marked “{meant}” done.", await turns.TurnAsync(answer));
        Assert.Equal([meant], tools.Tasks.Where(t => t.Completed).Select(t => t.Title));
    }

    /// <summary>
    /// A due span is listed soonest first, not in the tool's order (by number): "the second one" is the second the user
    /// read. The place is the task's number for the request, so no list is read again to find it.
    /// </summary>
    [Fact]
    public async Task APlaceAfterADueListIsTheTaskTheReplyShowedThere()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add pay rent friday");
        await turns.TurnAsync("add call mom tomorrow");
        await turns.TurnAsync("add buy milk today");
        Assert.Equal("3 tasks due this week: #3 “Buy milk” (due today), #2 “Call mom” (due tomorrow) and #1 “Pay rent” (due Friday).",
            await turns.TurnAsync("what's due this week?"));
        var calls = tools.Calls.Count;

        Assert.Equal("Marked “Call mom” done.", await turns.TurnAsync("the second one is done"));
        Assert.Equal([ToolNames.CompleteTask], tools.Calls.Skip(calls).Select(c => c.Tool));

        Assert.StartsWith("Deleted “Pay rent”.", await turns.TurnAsync("delete the 3rd one"), StringComparison.Ordinal);
        Assert.Equal("“Buy milk” is now due Friday.", await turns.TurnAsync("move the first one to friday"));

        Assert.Equal([("Buy milk", "2026-12-04", false), ("Call mom", "2026-12-03", true)], tools.Tasks.Select(t => (t.Title, t.Due, t.Completed)).OrderBy(t => t.Title));
    }

    /// <summary>A question about a task by its place looks it up by number: that answer is not a list to count in.</summary>
    [Fact]
    public async Task APlaceAfterAQuestionAboutOneCountsInTheListBeforeIt()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add eggs, bread, milk");
        await turns.TurnAsync("what's left?");
        Assert.Equal("Not yet: #2 “Bread” is still to do.", await turns.TurnAsync("is the second one done?"));

        Assert.Equal("Renamed “Eggs” to “Free-range eggs”.", await turns.TurnAsync("rename the first one to free-range eggs"));
        Assert.Equal(["Free-range eggs", "Bread", "Milk"], tools.Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task TheLastOneRightAfterAListIsTheLastItShowed()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add eggs, bread, milk");
        await turns.TurnAsync("what's left?");

        Assert.Equal("Marked “Milk” done.", await turns.TurnAsync("mark the last one done"));
        Assert.Equal(["Milk"], tools.Tasks.Where(t => t.Completed).Select(t => t.Title));
    }

    [Fact]
    public async Task APlaceWithNoListInTheConversationIsAskedNotGuessed()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add eggs, bread");

        Assert.Equal("Which task should I complete? I haven't listed any tasks in this conversation yet: tell me its number or a few words of its title, or say “show my tasks” first.",
            await turns.TurnAsync("the second one is done"));
        Assert.DoesNotContain(tools.Tasks, t => t.Completed);
    }

    [Fact]
    public async Task APlacePastTheEndOfTheLastListIsAskedNotGuessed()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add eggs, bread");
        await turns.TurnAsync("show my tasks");

        Assert.Equal("The last list I showed had 2 tasks: #1 “Eggs” and #2 “Bread”. Which one should I delete? Tell me its number.", await turns.TurnAsync("delete the third one"));
        Assert.Equal(2, tools.Tasks.Count);
    }
}
