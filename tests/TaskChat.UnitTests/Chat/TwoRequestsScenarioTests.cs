using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Two requests in one message ("add eggs and mark milk done", "mark milk done and add bread", "delete the garage and add
/// call dad tomorrow"): both are carried out, in the order said, and one reply tells both outcomes; "undo" takes back both.
/// Before, an add followed by another request named the two, to be said one at a time, and changed nothing, and the
/// others were read as one request ("mark milk done and add bread" looked for a task “milk done and add bread”). A title
/// with "and" in it is never cut. Whole conversations against the fake tools; the clock is Wednesday 2 December 2026,
/// 09:00 UTC.
/// </summary>
public class TwoRequestsScenarioTests
{
    private const string Milk = """list_tasks {"status":"pending","search":"milk","limit":200}""";

    [Theory]
    [InlineData("add eggs and mark milk done", "Added “Eggs” (task 5). Marked “Buy milk” done. Say “undo” to take back both.",
        """add_task {"title":"Eggs"}""", Milk, """complete_task {"task_id":1}""")]
    [InlineData("mark milk done and add bread", "Marked “Buy milk” done. Added “Bread” (task 5). Say “undo” to take back both.",
        Milk, """complete_task {"task_id":1}""", """add_task {"title":"Bread"}""")]
    [InlineData("delete the garage and add call dad tomorrow", "Deleted “Clean the garage”. Added “Call dad” (task 5), due tomorrow. Say “undo” to take back both.",
        """list_tasks {"status":"all","search":"garage","limit":200}""", """delete_task {"task_id":4}""", """add_task {"title":"Call dad","due":"2026-12-03"}""")]
    [InlineData("add eggs. also delete the garage", "Added “Eggs” (task 5). Deleted “Clean the garage”. Say “undo” to take back both.",
        """add_task {"title":"Eggs"}""", """list_tasks {"status":"all","search":"garage","limit":200}""", """delete_task {"task_id":4}""")]
    [InlineData("add bread. mark the taxes as done", "Added “Bread” (task 5). Marked “File taxes” done. Say “undo” to take back both.",
        """add_task {"title":"Bread"}""", """list_tasks {"status":"pending","search":"taxe","limit":200}""", """complete_task {"task_id":3}""")]
    [InlineData("add eggs and then check off the milk", "Added “Eggs” (task 5). Marked “Buy milk” done. Say “undo” to take back both.",
        """add_task {"title":"Eggs"}""", Milk, """complete_task {"task_id":1}""")]
    [InlineData("Please mark milk as done and then add bread tomorrow.", "Marked “Buy milk” done. Added “Bread” (task 5), due tomorrow. Say “undo” to take back both.",
        Milk, """complete_task {"task_id":1}""", """add_task {"title":"Bread","due":"2026-12-03"}""")]
    [InlineData("complete the taxes and delete the garage", "Marked “File taxes” done. Deleted “Clean the garage”. Say “undo” to take back both.",
        """list_tasks {"status":"pending","search":"taxe","limit":200}""", """complete_task {"task_id":3}""",
        """list_tasks {"status":"all","search":"garage","limit":200}""", """delete_task {"task_id":4}""")]
    [InlineData("move the milk to friday and add eggs", "“Buy milk” is now due Friday. Added “Eggs” (task 5). Say “undo” to take back both.",
        """list_tasks {"status":"all","search":"milk","limit":200}""", """update_task {"task_id":1,"due":"2026-12-04"}""", """add_task {"title":"Eggs"}""")]
    [InlineData("I bought the milk and add eggs", "Nice! Marked “Buy milk” done. Added “Eggs” (task 5). Say “undo” to take back both.",
        Milk, """complete_task {"task_id":1}""", """add_task {"title":"Eggs"}""")]
    [InlineData("add salt and pepper and mark milk done", "Added “Salt and pepper” (task 5). Marked “Buy milk” done. Say “undo” to take back both.",
        """add_task {"title":"Salt and pepper"}""", Milk, """complete_task {"task_id":1}""")]
    public async Task BothRequestsAreDoneInTheOrderSaid(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>The second sees what the first did: a task just completed or deleted is not one "you already had".</summary>
    [Theory]
    [InlineData("mark milk done and add buy milk", "Marked “Buy milk” done. Added “Buy milk” (task 5). Say “undo” to take back both.")]
    [InlineData("delete the garage and add clean the garage", "Deleted “Clean the garage”. Added “Clean the garage” (task 5). Say “undo” to take back both.")]
    public async Task TheSecondSeesWhatTheFirstDid(string message, string reply)
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
    }

    /// <summary>A list after a change shows the change: "add eggs and show my tasks" lists “Eggs” too.</summary>
    [Fact]
    public async Task AChangeThenAListShowsTheChange()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "add eggs and show my tasks",
            "Added “Eggs” (task 5). You have 5 tasks: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00), #3 “File taxes”, #4 “Clean the garage” and #5 “Eggs”.",
            """add_task {"title":"Eggs"}""", """list_tasks {"status":"all"}""");
    }

    /// <summary>One message, one undo: "undo" takes back both requests and says what it took back; "redo" makes both again.</summary>
    [Fact]
    public async Task UndoAfterTwoRequestsTakesBackBoth()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add eggs and mark milk done");

        await AssertSaidAsync(turns, tools, "undo", "Undone: removed “Eggs” again and “Buy milk” is not done again.",
            """delete_task {"task_id":5}""", """reopen_task {"task_id":1}""");
        Assert.Equal(["Buy milk", "Call mom", "File taxes", "Clean the garage"], tools.Tasks.Select(t => t.Title));
        Assert.DoesNotContain(tools.Tasks, t => t.Completed);
        await AssertSaidAsync(turns, tools, "redo", "Redone: “Eggs” is back (task 5) and “Buy milk” is done again.",
            """restore_task {"task_id":5}""", """complete_task {"task_id":1}""");
    }

    [Fact]
    public async Task UndoAfterADeletionAndAnAddBringsBackOneAndRemovesTheOther()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("delete the garage and add call dad tomorrow");

        await AssertSaidAsync(turns, tools, "undo", "Undone: “Clean the garage” is back (task 4) and removed “Call dad” again.",
            """restore_task {"task_id":4}""", """delete_task {"task_id":5}""");
        Assert.Equal(["Buy milk", "Call mom", "File taxes", "Clean the garage"], tools.Tasks.Select(t => t.Title));
    }

    /// <summary>The second needs "which one?": the first is done, the question asked last, and the answer finishes the second.</summary>
    [Fact]
    public async Task WhenTheSecondAsksWhichTheFirstIsDoneAndTheAnswerFinishesIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add call dad");

        await AssertSaidAsync(turns, tools, "add eggs and mark the call done",
            "Added “Eggs” (task 6). Which one: 1. “Call mom” (#2) 2. “Call dad” (#5)? Say “the first”, “both”, or a number.",
            """add_task {"title":"Eggs"}""", """list_tasks {"status":"pending","search":"call","limit":200}""");
        await AssertSaidAsync(turns, tools, "the second", "Marked “Call dad” done.", """complete_task {"task_id":5}""");
        // The answer's change is the last one: "undo" takes it back, and “Eggs” stays.
        await AssertSaidAsync(turns, tools, "undo", "Undone: “Call dad” is not done again.", """reopen_task {"task_id":5}""");
        Assert.Contains(tools.Tasks, t => t.Title == "Eggs");
    }

    /// <summary>The first needs "which one?": the second is done all the same, and the question is asked last.</summary>
    [Fact]
    public async Task WhenTheFirstAsksWhichTheSecondIsDoneAndTheQuestionComesLast()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add call dad");

        await AssertSaidAsync(turns, tools, "mark the call done and add eggs",
            "Added “Eggs” (task 6). Which one: 1. “Call mom” (#2) 2. “Call dad” (#5)? Say “the first”, “both”, or a number.",
            """list_tasks {"status":"pending","search":"call","limit":200}""", """add_task {"title":"Eggs"}""");
        await AssertSaidAsync(turns, tools, "both", "Marked “Call mom” and “Call dad” done.", """complete_task {"task_id":2}""", """complete_task {"task_id":5}""");
        Assert.Single(tools.Tasks, t => t.Title == "Eggs");
    }

    /// <summary>Both need "which one?": the first is asked, the second to be said again, and nothing changes.</summary>
    [Fact]
    public async Task WhenBothAskWhichTheFirstIsAskedAndTheSecondToBeSaidAgain()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add call dad");
        var calls = tools.Calls.Count;

        Assert.Equal("Which one: 1. “Call mom” (#2) 2. “Call dad” (#5)? Say “the first”, “both”, or a number. Then say “delete the call” again.",
            await turns.TurnAsync("mark the call done and delete the call"));
        Assert.All(tools.Calls.Skip(calls), c => Assert.Equal("list_tasks", c.Tool));
        await AssertSaidAsync(turns, tools, "the first", "Marked “Call mom” done.", """complete_task {"task_id":2}""");
    }

    [Fact]
    public async Task NeverMindToTheQuestionKeepsWhatTheOtherRequestDid()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add call dad");
        await turns.TurnAsync("add eggs and mark the call done");

        await AssertSaidAsync(turns, tools, "never mind", "OK, never mind: I left them as they were.");
        Assert.Contains(tools.Tasks, t => t.Title == "Eggs");
        Assert.DoesNotContain(tools.Tasks, t => t.Completed);
    }

    /// <summary>Each outcome is told: a request that finds no task says so, and the other is still done.</summary>
    [Fact]
    public async Task ARequestThatFindsNothingSaysSoAndTheOtherIsDone()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "delete the dentist and add call dad tomorrow",
            "I couldn't find a task matching “dentist”. Say “show my tasks” to see them all. Added “Call dad” (task 5), due tomorrow.",
            """list_tasks {"status":"all","search":"dentist","limit":200}""", """list_tasks {"status":"all","sort":"updated","limit":200}""",
            """add_task {"title":"Call dad","due":"2026-12-03"}""");
        Assert.Equal(4, tools.Tasks.Count(t => t.Title != "Call dad"));
    }

    /// <summary>
    /// A question after a change ("mark milk done and what's left?") is answered after it, so its answer shows the change.
    /// Before, the whole message was read as one request: "I couldn't find a pending task matching “milk done” or “whats
    /// left”", and "add eggs and what's left?" added “Eggs and what's left”.
    /// </summary>
    [Theory]
    [InlineData("mark milk done and what's left?", "Marked “Buy milk” done. You have 3 pending tasks: #2 “Call mom” (due Friday at 18:00), #3 “File taxes” and #4 “Clean the garage”.",
        Milk, """complete_task {"task_id":1}""", """list_tasks {"status":"pending"}""")]
    [InlineData("mark milk done and what's due after friday?", "Marked “Buy milk” done. Nothing due after Friday.",
        Milk, """complete_task {"task_id":1}""", """list_tasks {"status":"pending","due_after":"2026-12-05T00:00:00+00:00"}""")]
    [InlineData("delete the garage and what is left", "Deleted “Clean the garage”. Say “undo” to bring it back. You have 3 pending tasks: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00) and #3 “File taxes”.",
        """list_tasks {"status":"all","search":"garage","limit":200}""", """delete_task {"task_id":4}""", """list_tasks {"status":"pending"}""")]
    [InlineData("mark milk done and what should I do first?", "Marked “Buy milk” done. Start with #2 “Call mom” (due Friday at 18:00). Then #3 “File taxes” and #4 “Clean the garage”.",
        Milk, """complete_task {"task_id":1}""", """list_tasks {"status":"pending","sort":"due","limit":200}""")]
    [InlineData("add eggs and what's left?", "Added “Eggs” (task 5). You have 5 pending tasks: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00), #3 “File taxes”, #4 “Clean the garage” and #5 “Eggs”.",
        """add_task {"title":"Eggs"}""", """list_tasks {"status":"pending"}""")]
    public async Task AQuestionAfterAChangeIsAnsweredAfterIt(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>A title that holds a question's words stays whole: "what else we need" asks nothing of the tasks.</summary>
    [Theory]
    [InlineData("add eggs and what else we need", "Added “Eggs and what else we need” (task 5).", """add_task {"title":"Eggs and what else we need"}""")]
    [InlineData("add figure out what's left", "Added “Figure out what's left” (task 5).", """add_task {"title":"Figure out what's left"}""")]
    public async Task ATitleWithAQuestionsWordsIsNotCut(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>
    /// A title with "and" in it is not cut, and what read as one request before still does: one task or two, several
    /// tasks named for one change. A change after "and" inside an add or a new title is looked up first ("roof box",
    /// "old bikes"): no task has those words, so it stays part of the title.
    /// </summary>
    [Theory]
    [InlineData("add salt and pepper", "Added “Salt and pepper” (task 5).", """add_task {"title":"Salt and pepper"}""")]
    [InlineData("add milk and eggs", "Added “Milk and eggs” (task 5).", """add_task {"title":"Milk and eggs"}""")]
    [InlineData("add wash the car and remove the roof box", "Added “Wash the car and remove the roof box” (task 5).",
        """list_tasks {"status":"all","search":"roof box","limit":200}""", """add_task {"title":"Wash the car and remove the roof box"}""")]
    [InlineData("add eggs; cancel the gym membership", "Added 2 tasks: “Eggs” (task 5) and “Cancel the gym membership” (task 6).",
        """add_task {"title":"Eggs"}""", """add_task {"title":"Cancel the gym membership"}""")]
    [InlineData("add pick up the kids and call dad", "Added 2 tasks: “Pick up the kids” (task 5) and “Call dad” (task 6).",
        """add_task {"title":"Pick up the kids"}""", """add_task {"title":"Call dad"}""")]
    [InlineData("rename the garage to tidy and remove the old bikes", "Renamed “Clean the garage” to “Tidy and remove the old bikes”.",
        """list_tasks {"status":"all","search":"old bike","limit":200}""", """list_tasks {"status":"all","search":"garage","limit":200}""", """update_task {"task_id":4,"title":"Tidy and remove the old bikes"}""")]
    [InlineData("mark milk and taxes done", "Marked “Buy milk” and “File taxes” done.",
        """list_tasks {"status":"pending","search":"milk and taxe","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""",
        """complete_task {"task_id":1}""", """complete_task {"task_id":3}""")]
    public async Task ATitleWithAndOrSeveralTasksForOneChangeAreNotCut(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>
    /// A second request that points back at the first ("mark it done": read before the first is done, "it" would be
    /// another task) is named to be said on its own, and nothing changes; three requests are not cut either.
    /// </summary>
    [Fact]
    public async Task ASecondThatPointsBackIsNamedAndNothingChanges()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "add eggs and mark it done",
            "That's two requests, and I do both at once only when each names its own task: say “add eggs” first, then “mark it done”.");
        var calls = tools.Calls.Count;
        await turns.TurnAsync("mark milk done, delete the garage and add eggs");
        Assert.DoesNotContain(tools.Calls.Skip(calls), c => c.Tool is "add_task" or "delete_task" or "complete_task");
        Assert.Equal(4, tools.Tasks.Count);
    }
}
