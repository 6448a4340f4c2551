using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Replies session 47 found untrue to what was done: two requests that changed three tasks said "Say “undo” to take back
/// both." (the requests counted, not the changes "undo" takes back); "move the taxes to the home list" added #home and kept
/// #work, where a list app's move takes the task off the list it was on. Whole conversations against the fake tools; the
/// clock is Wednesday 2 December 2026, 09:00 UTC. The move's tests here replace EverydayShorthandSevenScenarioTests', which
/// asserted the addition.
/// </summary>
public class EverydayShorthandEightScenarioTests
{
    private const string LastChanged = """list_tasks {"status":"all","sort":"updated","limit":200}""";

    private const string PendingTaxes = """list_tasks {"status":"pending","search":"taxe","limit":200}""";

    /// <summary>The hint counts the changes of the message, each of which "undo" takes back.</summary>
    [Theory]
    [InlineData("add eggs and delete milk and taxes", "Added “Eggs” (task 5). Deleted “Buy milk” and “File taxes”. Say “undo” to take back all three.",
        """list_tasks {"status":"all","search":"milk and taxe","limit":200}""", LastChanged,
        """add_task {"title":"Eggs"}""", """delete_task {"task_id":1}""", """delete_task {"task_id":3}""")]
    [InlineData("mark milk and taxes done and delete the garage", "Marked “Buy milk” and “File taxes” done. Deleted “Clean the garage”. Say “undo” to take back all three.",
        """list_tasks {"status":"pending","search":"milk and taxe","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""",
        """complete_task {"task_id":1}""", """complete_task {"task_id":3}""", """list_tasks {"status":"all","search":"garage","limit":200}""", """delete_task {"task_id":4}""")]
    [InlineData("add eggs, bread and cheese and delete the garage", "Added 3 tasks: “Eggs” (task 5), “Bread” (task 6) and “Cheese” (task 7). Deleted “Clean the garage”. Say “undo” to take back all four.",
        """list_tasks {"status":"all","search":"garage","limit":200}""", """add_task {"title":"Eggs"}""", """add_task {"title":"Bread"}""", """add_task {"title":"Cheese"}""", """delete_task {"task_id":4}""")]
    [InlineData("add eggs and mark milk done", "Added “Eggs” (task 5). Marked “Buy milk” done. Say “undo” to take back both.",
        """add_task {"title":"Eggs"}""", """list_tasks {"status":"pending","search":"milk","limit":200}""", """complete_task {"task_id":1}""")]
    public async Task TheUndoHintCountsTheChanges(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>What the hint promised, one "undo" does: every change of the message, the three of them.</summary>
    [Fact]
    public async Task OneUndoTakesBackAllThree()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("mark milk and taxes done and delete the garage");

        await AssertSaidAsync(turns, tools, "undo", "Undone: “Buy milk” is not done again, “File taxes” is not done again and “Clean the garage” is back (task 4).",
            """reopen_task {"task_id":1}""", """reopen_task {"task_id":3}""", """restore_task {"task_id":4}""");
        Assert.All(tools.Tasks, t => Assert.False(t.Completed));
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>Thirteen changes and more: no number word is reached for.</summary>
    [Fact]
    public async Task ManyChangesAreAllOfIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        var reply = await turns.TurnAsync("add a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12 and a13 and delete the garage");

        Assert.EndsWith("Deleted “Clean the garage”. Say “undo” to take back all of it.", reply, StringComparison.Ordinal);
        Assert.Equal(16, tools.Tasks.Count);
    }

    /// <summary>One request that changed several, beside one that only read: its own hint, as before.</summary>
    [Fact]
    public async Task OneRequestOfSeveralChangesKeepsItsOwnHint()
    {
        var (turns, _) = await WithEverydayTasksAsync();

        var reply = await turns.TurnAsync("delete milk and taxes and what's left?");

        Assert.StartsWith("Deleted “Buy milk” and “File taxes”. Say “undo” to bring them back. ", reply, StringComparison.Ordinal);
    }

    /// <summary>
    /// One other tag is the list the task was on: the move replaces it, as a list app's move does (before: “Tagged “File
    /// taxes” #home.” and #work kept). "undo" puts the old tag back.
    /// </summary>
    [Theory]
    [InlineData("move the taxes to the home list", "Moved “File taxes” from #work to #home.", PendingTaxes, """update_task {"task_id":3,"tags":["home"]}""")]
    [InlineData("move the milk to my shopping list", "Moved “Buy milk” from #home to #shopping.",
        """list_tasks {"status":"pending","search":"milk","limit":200}""", """update_task {"task_id":1,"tags":["shopping"]}""")]
    [InlineData("switch the garage to the work list", "Moved “Clean the garage” from #home to #work.",
        """list_tasks {"status":"pending","search":"garage","limit":200}""", """update_task {"task_id":4,"tags":["work"]}""")]
    [InlineData("move call mom to the family list", "Moved “Call mom” to #family.",
        """list_tasks {"status":"pending","search":"call mom","limit":200}""", """update_task {"task_id":2,"tags":["family"]}""")]
    public async Task MoveToAListTakesTheTaskOffItsList(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Fact]
    public async Task UndoAfterAMovePutsTheOldListBack()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("move the taxes to the home list");

        await AssertSaidAsync(turns, tools, "undo", "Undone: “File taxes” is back to how it was.", """update_task {"task_id":3,"tags":["work"]}""");
        Assert.Equal(["work"], tools.Tasks.Single(t => t.Id == 3).Tags);
    }

    /// <summary>
    /// Several other tags: which one is "the list" would be a guess, so none is taken off; the reply says which it still
    /// has and how to take one off. "put … on the home list" is an addition, as before.
    /// </summary>
    [Fact]
    public async Task MoveOfATaskWithSeveralTagsKeepsThemAndSaysSo()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("tag the taxes #urgent");

        await AssertSaidAsync(turns, tools, "move the taxes to the home list", "Tagged “File taxes” #home. It is still on #work and #urgent: say “untag 3 work” to take it off one.",
            PendingTaxes, """update_task {"task_id":3,"tags":["work","urgent","home"]}""");
        await AssertSaidAsync(turns, tools, "untag 3 work", "Removed #work from “File taxes”.",
            """list_tasks {"status":"all","task_ids":[3]}""", """update_task {"task_id":3,"tags":["urgent","home"]}""");
        await AssertSaidAsync(turns, tools, "put the garage on the work list", "Tagged “Clean the garage” #work.",
            """list_tasks {"status":"pending","search":"garage","limit":200}""", """update_task {"task_id":4,"tags":["home","work"]}""");
    }

    /// <summary>A task on that list and another: off the other. On that list alone: nothing to do, and nothing written.</summary>
    [Fact]
    public async Task MoveToTheListATaskIsOn()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "move the garage to the home list", "“Clean the garage” is already on #home. Nothing changed.",
            """list_tasks {"status":"pending","search":"garage","limit":200}""");
        await turns.TurnAsync("tag the taxes #home");
        await AssertSaidAsync(turns, tools, "move the taxes to the home list", "Moved “File taxes” from #work to #home.",
            PendingTaxes, """update_task {"task_id":3,"tags":["home"]}""");
    }

    /// <summary>Several tasks moved at once: each off its own list.</summary>
    [Fact]
    public async Task MoveOfTwoTasksTakesEachOffItsList()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "move the taxes and the garage to the weekend list",
            "Moved “File taxes” from #work to #weekend. Moved “Clean the garage” from #home to #weekend.",
            """list_tasks {"status":"pending","search":"taxe and garage","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""",
            """update_task {"task_id":3,"tags":["weekend"]}""", """update_task {"task_id":4,"tags":["weekend"]}""");
    }
}
