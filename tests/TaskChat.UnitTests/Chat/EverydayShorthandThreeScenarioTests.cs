using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday shorthand that session 42a's probe found missed or misread: dropping something ("never mind about milk",
/// "forget it"). Whole conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandThreeScenarioTests
{
    /// <summary>Before, "never mind about eggs" after the offer offered a task “About eggs”.</summary>
    [Theory]
    [InlineData("tomorrow eggs", "never mind about eggs", "OK, I won't add “Eggs”.")]
    [InlineData("tomorrow eggs", "forget it", "OK, I won't add “Eggs”.")]
    [InlineData("buy eggs", "never mind the eggs", "OK, I won't add “Buy eggs”.")]
    [InlineData("buy eggs", "forget about it", "OK, I won't add “Buy eggs”.")]
    public async Task NeverMindAfterAnOfferDropsIt(string offer, string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        Assert.StartsWith("Should I add “", await turns.TurnAsync(offer), StringComparison.Ordinal);

        await AssertSaidAsync(turns, tools, message, reply);
        Assert.StartsWith("Yes to what?", await turns.TurnAsync("yes"), StringComparison.Ordinal);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>
    /// With nothing pending, the task named is asked about, never deleted on these words (before: "never mind about milk"
    /// listed it, and "forget about milk" still deletes it, as "delete" does); "yes" deletes it and "undo" brings it back.
    /// </summary>
    [Fact]
    public async Task NeverMindAboutATaskAsksWhetherToDeleteIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "never mind about milk", "OK, nothing changed. Should I delete #1 “Buy milk”? Say “yes” to delete it or “no” to keep it.",
            """list_tasks {"status":"pending","search":"milk","limit":200}""");
        await AssertSaidAsync(turns, tools, "yes", "Deleted “Buy milk”. Say “undo” to bring it back.", """delete_task {"task_id":1}""");
        await AssertSaidAsync(turns, tools, "undo", "Brought back “Buy milk” (task 1).", """restore_task {"task_id":1}""");
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Theory]
    [InlineData("never mind the garage", "OK, nothing changed. Should I delete #4 “Clean the garage”? Say “yes” to delete it or “no” to keep it.", "no", "OK, I kept “Clean the garage”.")]
    [InlineData("nevermind the milk", "OK, nothing changed. Should I delete #1 “Buy milk”? Say “yes” to delete it or “no” to keep it.", "never mind", "OK, I kept “Buy milk”.")]
    public async Task NoToTheQuestionKeepsTheTask(string message, string question, string no, string kept)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(question, await turns.TurnAsync(message));
        await AssertSaidAsync(turns, tools, no, kept);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>Words no task has, or words of several: nothing changes, and nothing is asked.</summary>
    [Fact]
    public async Task NeverMindAboutNoTaskOrSeveralChangesNothing()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add rent for may");
        await turns.TurnAsync("add rent for june");

        Assert.Equal("OK, nothing changed.", await turns.TurnAsync("never mind about eggs"));
        Assert.Equal("OK, nothing changed. To delete one of #5 “Rent for may” or #6 “Rent for june”, say “delete” and its number.", await turns.TurnAsync("never mind the rent"));
        Assert.Equal(6, tools.Tasks.Count);
    }

    /// <summary>
    /// Before, "forget it" deleted the task last talked about (“Clean the garage”, just added), even right after an offer
    /// or "Shall I go ahead?".
    /// </summary>
    [Theory]
    [InlineData("forget it")]
    [InlineData("forget about it")]
    [InlineData("just forget it")]
    [InlineData("never mind that")]
    public async Task ForgetItDeletesNothing(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "OK, nothing changed. To take back the last change, say “undo”.");
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Fact]
    public async Task ForgetItAfterAskingToDeleteManyKeepsThem()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        Assert.StartsWith("I'll delete 4 tasks", await turns.TurnAsync("clear all"), StringComparison.Ordinal);

        await AssertSaidAsync(turns, tools, "forget it", "OK, nothing changed.");
        Assert.StartsWith("Yes to what?", await turns.TurnAsync("yes"), StringComparison.Ordinal);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>A request after "never mind," is that request; a question too; "delete it" and "forget the milk" still delete.</summary>
    [Theory]
    [InlineData("never mind, delete the garage", "Deleted “Clean the garage”. Say “undo” to bring it back.", 3)]
    [InlineData("never mind, add eggs", "Added “Eggs” (task 5).", 5)]
    [InlineData("never mind, what's left?", "You have 4 pending tasks: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00), #3 “File taxes” and #4 “Clean the garage”.", 4)]
    [InlineData("never mind I'll do it", "OK, nothing changed.", 4)]
    [InlineData("delete it", "Deleted “Clean the garage”. Say “undo” to bring it back.", 3)]
    [InlineData("forget the milk", "Deleted “Buy milk”. Say “undo” to bring it back.", 3)]
    public async Task OtherNeverMindsKeepTheirReading(string message, string reply, int left)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(left, tools.Tasks.Count);
    }
}
