using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// "call off the dentist", "call dinner off", "call it off": a plan cancelled, so its task is deleted, as "cancel the
/// dentist" deletes it, and "undo" brings it back. Before, each was offered as a task to add (“Call off the dentist”).
/// Whole conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class CallOffScenarioTests
{
    [Theory]
    [InlineData("call off the dentist")]
    [InlineData("call the dentist off")]
    [InlineData("call off the dentist appointment")]
    public async Task CallingOffATaskByNameDeletesIt(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add dentist appointment friday at 3pm");
        await turns.TurnAsync("what's left?");

        var reply = await turns.TurnAsync(message);

        Assert.Equal("Deleted “Dentist appointment”. Say “undo” to bring it back.", reply);
        Assert.DoesNotContain(tools.Tasks, t => t.Title.Contains("entist", StringComparison.Ordinal));
        Assert.DoesNotContain(tools.Calls, c => c.Tool == "add_task" && c.Arguments.Contains("Call", StringComparison.Ordinal) && c.Arguments.Contains("off", StringComparison.Ordinal));
        await AssertSaidAsync(turns, tools, "undo", "Brought back “Dentist appointment” (task 5).", """restore_task {"task_id":5}""");
    }

    [Fact]
    public async Task CallOffDinnerFindsTheDinnerTask()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add dinner with sam saturday at 7pm");
        await turns.TurnAsync("what's left?");

        await AssertSaidAsync(turns, tools, "call off dinner", "Deleted “Dinner with sam”. Say “undo” to bring it back.",
            """list_tasks {"status":"all","search":"dinner","limit":200}""", """delete_task {"task_id":5}""");
    }

    /// <summary>A plan no task has: said so, and never added.</summary>
    [Fact]
    public async Task CallingOffWhatNoTaskNamesAddsNothing()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("I couldn't find a task matching “wedding”. Say “show my tasks” to see them all.", await turns.TurnAsync("call off the wedding"));
        Assert.DoesNotContain(tools.Calls.Skip(4), c => c.Tool is "add_task" or "delete_task");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>"it" is the one task the turn just before added, changed or showed, as "call it oat milk instead" reads it.</summary>
    [Fact]
    public async Task CallItOffRightAfterATaskDeletesThatTask()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add dentist friday");

        await AssertSaidAsync(turns, tools, "call it off", "Deleted “Dentist”. Say “undo” to bring it back.",
            """list_tasks {"status":"all","task_ids":[5]}""", """delete_task {"task_id":5}""");
        await turns.TurnAsync("find milk");
        await AssertSaidAsync(turns, tools, "call that off", "Deleted “Buy milk”. Say “undo” to bring it back.",
            """list_tasks {"status":"all","task_ids":[1]}""", """delete_task {"task_id":1}""");
    }

    /// <summary>With no one task just before, "it" is asked about, never guessed from further back; nothing is added.</summary>
    [Fact]
    public async Task CallItOffWithNoTaskJustBeforeAsksWhich()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("what's left?");

        await AssertSaidAsync(turns, tools, "call it off", "Which task should I call off? Tell me its number or a few words of its title, for example “call off the dentist”.");
        Assert.Equal("Which task should I call off? Tell me its number or a few words of its title, for example “call off the dentist”.", await Start().Turns.TurnAsync("call it off"));
    }

    /// <summary>Right after an offer or a question, "call it off" drops them, as "forget it" does: nothing added, nothing deleted.</summary>
    [Theory]
    [InlineData("buy eggs", "OK, I won't add “Buy eggs”.")]
    [InlineData("delete everything", "OK, nothing changed.")]
    public async Task CallItOffAfterAnOfferOrAQuestionDropsIt(string before, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync(before);

        await AssertSaidAsync(turns, tools, "call it off", reply);
        Assert.StartsWith("Yes to what?", await turns.TurnAsync("yes"), StringComparison.Ordinal);
        Assert.Equal(4, tools.Tasks.Count);
    }
}
