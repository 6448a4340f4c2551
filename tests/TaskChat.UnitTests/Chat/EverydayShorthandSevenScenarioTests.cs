using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday phrasings session 46 found misread or wasteful: "add eggs and delete the garage" looked the garage up twice in
/// one turn (the same list_tasks call, a round apart). Whole conversations against the fake tools; the clock is Wednesday
/// 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandSevenScenarioTests
{
    private const string Garage = """list_tasks {"status":"all","search":"garage","limit":200}""";

    /// <summary>The change after the add acts on what its lookup found before the message was cut: one lookup, not two.</summary>
    [Theory]
    [InlineData("add eggs and delete the garage", "Added “Eggs” (task 5). Deleted “Clean the garage”. Say “undo” to take back both.",
        Garage, """add_task {"title":"Eggs"}""", """delete_task {"task_id":4}""")]
    [InlineData("add eggs and complete the taxes", "Added “Eggs” (task 5). Marked “File taxes” done. Say “undo” to take back both.",
        """list_tasks {"status":"pending","search":"taxe","limit":200}""", """add_task {"title":"Eggs"}""", """complete_task {"task_id":3}""")]
    [InlineData("add call dad and move mom to saturday", "Added “Call dad” (task 5). “Call mom” is now due Saturday at 18:00. Say “undo” to take back both.",
        """list_tasks {"status":"all","search":"mom","limit":200}""", """add_task {"title":"Call dad"}""", """update_task {"task_id":2,"due":"2026-12-05T18:00:00+00:00"}""")]
    public async Task AnAddThenAChangeLooksTheTaskUpOnce(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var from = tools.Calls.Count;

        await AssertSaidAsync(turns, tools, message, reply, sent);
        Assert.Equal(1, tools.Calls.Skip(from).Count(c => c.Tool == "list_tasks"));
    }

    /// <summary>
    /// The change is to a task the user had when they said it: the one the add just made is not among its choices (a
    /// second lookup after the add found it too, and asked which garage).
    /// </summary>
    [Fact]
    public async Task TheChangeAfterAnAddIsNotAboutTheTaskJustAdded()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "add garage door and delete the garage", "Added “Garage door” (task 5). Deleted “Clean the garage”. Say “undo” to take back both.",
            Garage, """add_task {"title":"Garage door"}""", """delete_task {"task_id":4}""");
        Assert.Equal(["Buy milk", "Call mom", "File taxes", "Garage door"], tools.Tasks.Select(t => t.Title));
    }
}
