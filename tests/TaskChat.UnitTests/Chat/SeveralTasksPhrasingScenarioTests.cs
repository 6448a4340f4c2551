using Microsoft.Extensions.AI;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Messages about several tasks at once, found in walk-throughs: an add with a "not" that clarifies (“Not oat milk” was
/// added as a task), a list of adds where each task has its own date and tags, a due date, priority or tag changed on
/// several tasks named by words (before: "I couldn't find a task matching “milk and eggs”"), and the "Which one?"
/// question, worded as a person would and answered by place or by number. Whole conversations against the fake tools;
/// the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class SeveralTasksPhrasingScenarioTests
{
    [Theory]
    [InlineData("add buy milk, not oat milk", new[] { "Buy milk" })]
    [InlineData("add buy milk, not the oat milk", new[] { "Buy milk" })]
    [InlineData("add buy milk but not the oat one", new[] { "Buy milk" })]
    [InlineData("add buy milk not the oat one", new[] { "Buy milk" })]
    [InlineData("add buy milk, not oat milk, and eggs", new[] { "Buy milk", "Eggs" })]
    [InlineData("add buy milk, eggs", new[] { "Buy milk", "Eggs" })]
    [InlineData("add do not disturb sign", new[] { "Do not disturb sign" })]
    [InlineData("add do not disturb sign, not the old one", new[] { "Do not disturb sign" })]
    [InlineData("add check whether or not the store is open", new[] { "Check whether or not the store is open" })]
    [InlineData("add milk, eggs and also bread", new[] { "Milk", "Eggs", "Bread" })]
    [InlineData("add milk and also call mom", new[] { "Milk", "Call mom" })]
    public async Task ANotClauseInAnAddClarifiesTheTaskBeforeItAndIsNoTaskOfItsOwn(string message, string[] titles)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);

        Assert.Equal(titles, tools.Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task ANotClauseAboutTheDayLeavesTheDayBeforeIt()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Call mom” (task 1), due tomorrow.", await turns.TurnAsync("add call mom tomorrow, not today"));

        Assert.Equal("Added “Buy milk” (task 2), due Friday.", await turns.TurnAsync("add buy milk, not oat milk, friday"));

        Assert.Equal([("Call mom", "2026-12-03"), ("Buy milk", "2026-12-04")], tools.Tasks.Select(t => (t.Title, t.Due)));
    }

    /// <summary>
    /// A tag written inside a task before the last is that task's: "add a #home tomorrow, b friday" tags “A” only (before,
    /// both). Each task keeps its own date, as before.
    /// </summary>
    [Fact]
    public async Task EachTaskOfAListKeepsItsOwnDateAndTheTagsWrittenInIt()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added 2 tasks: “A” (task 1, due tomorrow, #home) and “B” (task 2, due Friday).", await turns.TurnAsync("add a #home tomorrow, b friday"));
        Assert.Equal("Added 2 tasks: “C” (task 3, due tomorrow, #home) and “D” (task 4, due Friday, #work).", await turns.TurnAsync("add c #home tomorrow, d friday #work"));

        Assert.Equal(
            [("A", "2026-12-03", "home"), ("B", "2026-12-04", ""), ("C", "2026-12-03", "home"), ("D", "2026-12-04", "work")],
            tools.Tasks.Select(t => (t.Title, t.Due, string.Join(',', t.Tags))));
    }

    [Theory]
    [InlineData("add milk, eggs #shopping")]
    [InlineData("add #shopping milk, eggs")]
    [InlineData("add milk, eggs, #shopping")]
    public async Task ATagAtTheEndOrTheStartOfAListTagsEveryTask(string message)
    {
        var (turns, tools) = Start();

        Assert.Equal("Added 2 tasks: “Milk” (task 1) and “Eggs” (task 2), tagged #shopping.", await turns.TurnAsync(message));

        Assert.All(tools.Tasks, t => Assert.Equal(["shopping"], t.Tags));
    }

    [Fact]
    public async Task ADueDateAPriorityAndATagChangeEachTaskNamedAndUndoTakesBackAllOfIt()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk, eggs, pay the rent, pay the bills");

        Assert.Equal("“Buy milk” is now due Friday. “Eggs” is now due Friday.", await turns.TurnAsync("move the milk and the eggs to friday"));
        Assert.Equal(["2026-12-04", "2026-12-04", null, null], tools.Tasks.Select(t => t.Due));
        Assert.Equal("Undone: “Buy milk” is back to how it was and “Eggs” is back to how it was.", await turns.TurnAsync("undo"));
        Assert.All(tools.Tasks, t => Assert.Null(t.Due));

        Assert.Equal("“Pay the rent” is now high priority. “Pay the bills” is now high priority.", await turns.TurnAsync("make the rent and the bills high priority"));
        Assert.Equal([null, null, "high", "high"], tools.Tasks.Select(t => t.Priority));
        await turns.TurnAsync("undo");
        Assert.All(tools.Tasks, t => Assert.True(t.Priority is null or "none"));

        Assert.Equal("Tagged “Buy milk” #shopping. Tagged “Eggs” #shopping.", await turns.TurnAsync("tag milk & eggs #shopping"));
        Assert.Equal(["shopping", "shopping", "", ""], tools.Tasks.Select(t => string.Join(',', t.Tags)));
        await turns.TurnAsync("undo");
        Assert.All(tools.Tasks, t => Assert.Empty(t.Tags));
    }

    [Theory]
    [InlineData("move milk & eggs to fri")]
    [InlineData("Move both the Milk and the Eggs to Friday.")]
    [InlineData("move the milk and also the eggs to friday")]
    [InlineData("move the mlik and the eggs to friday")]
    [InlineData("postpone milk and eggs to friday")]
    public async Task SeveralTasksAreNamedTheWayPeopleTypeThem(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add milk, eggs");

        Assert.Equal("“Milk” is now due Friday. “Eggs” is now due Friday.", await turns.TurnAsync(message));

        Assert.All(tools.Tasks, t => Assert.Equal("2026-12-04", t.Due));
    }

    [Fact]
    public async Task CompletingAndDeletingSeveralByNameStillWork()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add milk, eggs, bread");

        Assert.Equal("Marked “Milk” and “Eggs” done.", await turns.TurnAsync("mark milk and eggs done"));
        Assert.Equal("Deleted “Milk” and “Eggs”. Say “undo” to bring them back.", await turns.TurnAsync("delete the milk and the eggs"));
        Assert.Equal(["Bread"], tools.Tasks.Select(t => t.Title));
    }

    /// <summary>
    /// A name that finds no task changes nothing, for a field as for completing or deleting: the reply says what each name
    /// found and gives the message to send with numbers. Half a change would leave the user to work out which part was
    /// done, and the name not found is often a slip for a task they meant.
    /// </summary>
    [Theory]
    [InlineData("move the milk and the bread to friday", "move 1 to Friday")]
    [InlineData("make milk and bread high priority", "make 1 high priority")]
    [InlineData("tag the milk and the bread #shopping", "tag 1 #shopping")]
    [InlineData("push the milk and the bread back 2 days", "push 1 back 2 days")]
    public async Task AnUnknownNameChangesNothingAndTheReplySaysWhatEachNameFound(string message, string example)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add milk tomorrow, eggs");

        Assert.Equal(
            $"I haven't changed anything yet: “milk” is #1 “Milk”. I couldn't find a task matching “bread”. Tell me which by number, for example “{example}”.",
            await turns.TurnAsync(message));
        Assert.Equal([("2026-12-03", null, ""), (null, null, "")], tools.Tasks.Select(t => (t.Due, t.Priority, string.Join(',', t.Tags))));

        await turns.TurnAsync(example);
        Assert.NotEqual(("2026-12-03", null, ""), (tools.Tasks[0].Due, tools.Tasks[0].Priority, string.Join(',', tools.Tasks[0].Tags)));
    }

    [Fact]
    public async Task TheWhichOneQuestionListsEachTaskAtItsPlaceWithItsNumber()
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add pay rent, pay the bills, pay the gas, call mom");

        Assert.Equal("Which one: 1. “Pay rent” (#1) 2. “Pay the bills” (#2) 3. “Pay the gas” (#3)? Say “the first” or a number.",
            await turns.TurnAsync("rename the pay one to pay it all"));
        Assert.Equal("OK, never mind: I left them as they were.", await turns.TurnAsync("never mind"));
        Assert.Equal("Which one: 1. “Pay rent” (#1) 2. “Pay the bills” (#2) 3. “Pay the gas” (#3)? Say “the first”, “all of them”, or a number.",
            await turns.TurnAsync("mark the pay one done"));
        Assert.Equal("Marked “Pay the gas” done.", await turns.TurnAsync("3"));
    }

    /// <summary>
    /// The question shows places (1., 2.) and task numbers (#2, #3): "#3" or "task 3" is the task, a bare "1" the place,
    /// a bare "3" the task when no place has it; a bare "2" that could be either (the second place, or task #2 in the
    /// first) is asked about rather than guessed.
    /// </summary>
    [Theory]
    [InlineData("#3", "Pay the bills")]
    [InlineData("task 2", "Pay rent")]
    [InlineData("1", "Pay rent")]
    [InlineData("3", "Pay the bills")]
    [InlineData("the second", "Pay the bills")]
    public async Task APlaceOrATaskNumberAnswersWhichOne(string answer, string meant)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add x, pay rent, pay the bills");
        Assert.Equal("Which one: 1. “Pay rent” (#2) 2. “Pay the bills” (#3)? Say “the first”, “both”, or a number.", await turns.TurnAsync("delete the pay"));

        Assert.Equal($"Deleted “{meant}”. Say “undo” to bring it back.", await turns.TurnAsync(answer));

        Assert.Equal(["X", meant == "Pay rent" ? "Pay the bills" : "Pay rent"], tools.Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task ABareNumberThatIsAPlaceAndAnotherTasksNumberIsAskedAbout()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add x, pay rent, pay the bills");
        await turns.TurnAsync("delete the pay");

        Assert.Equal(
            "Which one: 1. “Pay rent” (#2) 2. “Pay the bills” (#3)? By “2”, do you mean the second (“Pay the bills”) or #2 (“Pay rent”)? Say “the second” or “#2”.",
            await turns.TurnAsync("2"));
        Assert.Equal(3, tools.Tasks.Count);

        Assert.Equal("Deleted “Pay rent”. Say “undo” to bring it back.", await turns.TurnAsync("#2"));
        Assert.Equal(["X", "Pay the bills"], tools.Tasks.Select(t => t.Title));
    }

    /// <summary>A conversation that stopped at the question as it was worded before: a bare number is still the task's.</summary>
    [Fact]
    public async Task TheQuestionAsItWasWordedBeforeIsStillAnsweredByTaskNumber()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add x, pay rent, pay the bills");
        await turns.TurnAsync("delete the pay");
        turns.Conversation[^1] = new ChatMessage(ChatRole.Assistant, "Which one did you mean: #2 “Pay rent”, #3 “Pay the bills”? Reply with its number.");

        Assert.Equal("Deleted “Pay rent”. Say “undo” to bring it back.", await turns.TurnAsync("2"));
        Assert.Equal(["X", "Pay the bills"], tools.Tasks.Select(t => t.Title));
    }
}
