using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Replies session 47 found untrue to what was done: two requests that changed three tasks said "Say “undo” to take back
/// both." (the requests counted, not the changes "undo" takes back). Whole conversations against the fake tools; the clock
/// is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandEightScenarioTests
{
    private const string LastChanged = """list_tasks {"status":"all","sort":"updated","limit":200}""";

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
}
