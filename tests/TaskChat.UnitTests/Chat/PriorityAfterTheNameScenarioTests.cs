using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// A priority said after the task's words, as people type it ("change taxes priority to low", "taxes priority: high", "taxes
/// no priority"), and "remove priority from taxes": session 43's probe found each answered "I couldn't find a task matching
/// “taxes priority”" or offered as a task “Taxes priority high”. Whole conversations against the fake tools; the clock is
/// Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class PriorityAfterTheNameScenarioTests
{
    [Theory]
    [InlineData("change taxes priority to low", "“File taxes” is now low priority.", "low")]
    [InlineData("set taxes priority high", "“File taxes” is now high priority.", "high")]
    [InlineData("update the taxes priority to medium", "“File taxes” is now medium priority.", "medium")]
    [InlineData("taxes priority: high", "“File taxes” is now high priority.", "high")]
    [InlineData("taxes priority low", "“File taxes” is now low priority.", "low")]
    [InlineData("taxes to high priority", "“File taxes” is now high priority.", "high")]
    [InlineData("taxes no priority", "“File taxes” has no priority now.", "none")]
    [InlineData("remove priority from taxes", "“File taxes” has no priority now.", "none")]
    [InlineData("take the priority off the taxes", "“File taxes” has no priority now.", "none")]
    public async Task APriorityAfterTheTasksWordsIsSet(string message, string reply, string priority)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(priority, tools.Tasks.Single(t => t.Id == 3).Priority ?? "none");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>Without a verb, words no task still to do has may be a new task's: adding it is offered, and "yes" adds it.</summary>
    [Fact]
    public async Task WordsNoTaskHasAreOfferedAsATaskWithThatPriority()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "website redesign high priority",
            "Should I add “Website redesign” as a task, high priority? Say “add website redesign high priority” (or “yes”) and I will.",
            """list_tasks {"status":"pending","search":"website redesign","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""");
        await AssertSaidAsync(turns, tools, "yes", "Added “Website redesign” (task 5), high priority.", """add_task {"title":"Website redesign","priority":"high"}""");
    }

    /// <summary>What was read before keeps its reading: a list asked for, a pronoun, a verb's own phrasing, a priority alone.</summary>
    [Theory]
    [InlineData("show high priority tasks", "Nothing with high priority.")]
    [InlineData("what is high priority", "Nothing with high priority.")]
    [InlineData("make taxes high priority", "“File taxes” is now high priority.")]
    [InlineData("set the priority of taxes to low", "“File taxes” is now low priority.")]
    [InlineData("high priority", "I found no task matching “high priority”.")]
    public async Task OtherPriorityPhrasingsKeepTheirReading(string message, string reply)
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.StartsWith(reply, await turns.TurnAsync(message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItIsHighPriorityStillNamesTheTaskInTheConversation()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("show the taxes");

        Assert.Equal("“File taxes” is now high priority.", await turns.TurnAsync("it is high priority"));
        Assert.Equal("high", tools.Tasks.Single(t => t.Id == 3).Priority);
    }
}
