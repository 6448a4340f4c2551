using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// An add, then "and" and a change to a task by its words ("add eggs and delete the garage", "add eggs and change taxes
/// priority to low"): the words are looked up first (once: the change acts on what that lookup found), and the message
/// is two requests when they name a task the user has, one task when they name none ("add wash the car and remove the
/// roof box"). Before, every such message added one task, “Eggs and delete the garage”. Whole conversations against the
/// fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class AddThenAChangeScenarioTests
{
    private const string Garage = """list_tasks {"status":"all","search":"garage","limit":200}""";
    private const string Taxes = """list_tasks {"status":"all","search":"taxe","limit":200}""";

    [Theory]
    [InlineData("add eggs and delete the garage", "Added “Eggs” (task 5). Deleted “Clean the garage”. Say “undo” to take back both.",
        Garage, """add_task {"title":"Eggs"}""", """delete_task {"task_id":4}""")]
    [InlineData("add eggs and change taxes priority to low", "Added “Eggs” (task 5). “File taxes” is now low priority. Say “undo” to take back both.",
        Taxes, """add_task {"title":"Eggs"}""", """update_task {"task_id":3,"priority":"low"}""")]
    [InlineData("add eggs and cancel the taxes", "Added “Eggs” (task 5). Deleted “File taxes”. Say “undo” to take back both.",
        Taxes, """add_task {"title":"Eggs"}""", """delete_task {"task_id":3}""")]
    [InlineData("add eggs and complete the taxes", "Added “Eggs” (task 5). Marked “File taxes” done. Say “undo” to take back both.",
        """list_tasks {"status":"pending","search":"taxe","limit":200}""", """add_task {"title":"Eggs"}""", """complete_task {"task_id":3}""")]
    [InlineData("add eggs and push the garage to saturday", "Added “Eggs” (task 5). “Clean the garage” is now due Saturday. Say “undo” to take back both.",
        Garage, """add_task {"title":"Eggs"}""", """update_task {"task_id":4,"due":"2026-12-05"}""")]
    [InlineData("add call dad and move mom to saturday", "Added “Call dad” (task 5). “Call mom” is now due Saturday at 18:00. Say “undo” to take back both.",
        """list_tasks {"status":"all","search":"mom","limit":200}""", """add_task {"title":"Call dad"}""", """update_task {"task_id":2,"due":"2026-12-05T18:00:00+00:00"}""")]
    [InlineData("add eggs and rename the garage to tidy the garage", "Added “Eggs” (task 5). Renamed “Clean the garage” to “Tidy the garage”. Say “undo” to take back both.",
        Garage, """add_task {"title":"Eggs"}""", """update_task {"task_id":4,"title":"Tidy the garage"}""")]
    [InlineData("add eggs and tag the taxes #urgent", "Added “Eggs” (task 5). Tagged “File taxes” #urgent. Say “undo” to take back both.",
        Taxes, """add_task {"title":"Eggs"}""", """update_task {"task_id":3,"tags":["work","urgent"]}""")]
    public async Task AChangeToATaskTheUserHasIsASecondRequest(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>Words that name no task are the title's: one task, as before, after the lookup that found nothing.</summary>
    [Theory]
    [InlineData("add eggs and delete the dentist", "Eggs and delete the dentist", """list_tasks {"status":"all","search":"dentist","limit":200}""")]
    [InlineData("add wash the car and remove the roof box", "Wash the car and remove the roof box", """list_tasks {"status":"all","search":"roof box","limit":200}""")]
    [InlineData("add clean the garage door and remove the old paint", "Clean the garage door and remove the old paint", """list_tasks {"status":"all","search":"old paint","limit":200}""")]
    public async Task AChangeToNoTaskStaysPartOfTheTitle(string message, string title, string lookup)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, $"Added “{title}” (task 5).", lookup, $$"""add_task {"title":"{{title}}"}""");
        Assert.Equal(5, tools.Tasks.Count);
    }

    /// <summary>An add that a full stop ends, or a task ticked off after it, needs no lookup to be two requests: as before.</summary>
    [Theory]
    [InlineData("add eggs. delete the garage", "Added “Eggs” (task 5). Deleted “Clean the garage”. Say “undo” to take back both.",
        """add_task {"title":"Eggs"}""", Garage, """delete_task {"task_id":4}""")]
    [InlineData("add eggs and mark milk done", "Added “Eggs” (task 5). Marked “Buy milk” done. Say “undo” to take back both.",
        """add_task {"title":"Eggs"}""", """list_tasks {"status":"pending","search":"milk","limit":200}""", """complete_task {"task_id":1}""")]
    public async Task TwoRequestsPlainAsSaidAreNotLookedUpFirst(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    [Fact]
    public async Task UndoTakesBackTheAddAndTheChange()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add eggs and delete the garage");

        await AssertSaidAsync(turns, tools, "undo", "Undone: removed “Eggs” again and “Clean the garage” is back (task 4).",
            """delete_task {"task_id":5}""", """restore_task {"task_id":4}""");
        Assert.Equal(["Buy milk", "Call mom", "File taxes", "Clean the garage"], tools.Tasks.Select(t => t.Title));
    }

    /// <summary>Words that name several tasks: the add is done, "which one?" is asked last, and the answer finishes the change.</summary>
    [Fact]
    public async Task AChangeThatNamesSeveralTasksAsksWhichAfterTheAdd()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add call dad");

        await AssertSaidAsync(turns, tools, "add eggs and delete the call",
            "Added “Eggs” (task 6). Which one: 1. “Call mom” (#2) 2. “Call dad” (#5)? Say “the first”, “both”, or a number.",
            """list_tasks {"status":"all","search":"call","limit":200}""", """add_task {"title":"Eggs"}""");
        await AssertSaidAsync(turns, tools, "the second", "Deleted “Call dad”. Say “undo” to bring it back.",
            """list_tasks {"status":"all","task_ids":[5]}""", """delete_task {"task_id":5}""");
        Assert.Contains(tools.Tasks, t => t.Title == "Eggs");
    }

    /// <summary>Without the mcp's search, the plain list is what the words are looked up in.</summary>
    [Fact]
    public async Task WithoutTheSearchThePlainListIsLookedUp()
    {
        var (turns, tools) = Start(withTaskFields: false);
        await turns.TurnAsync("add clean the garage");

        await AssertSaidAsync(turns, tools, "add eggs and delete the garage", "Added “Eggs” (task 2). Deleted “Clean the garage”. Say “undo” to take back both.",
            """list_tasks {"status":"all"}""", """add_task {"title":"Eggs"}""", """delete_task {"task_id":1}""");
    }
}
