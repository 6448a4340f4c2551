using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday phrasings session 45's probe found misread: "what's first?" (not understood), "which tasks have no due date?"
/// (every pending task listed; "show undated tasks" a tag), "what's the priority of the taxes?" (not understood; "how
/// important is the taxes?" listed the high priority tasks), "when do I have to call mom?" (not understood), "anything due
/// soon?" (every pending task), "lower the taxes priority" (offered as a task) and "put the taxes on my home list" (“The
/// taxes” added, tagged #work, or “Milk on the home list”). Whole conversations against the fake tools; the clock is
/// Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandSixScenarioTests
{
    private const string FirstThings = "Start with #1 “Buy milk” (due tomorrow). Then #2 “Call mom” (due Friday at 18:00) and #3 “File taxes”.";

    private const string Undated = "2 tasks without a due date: #3 “File taxes” and #4 “Clean the garage”. Say “move 3 to friday”, for example, to give one a date.";

    private const string Taxes = """list_tasks {"status":"all","search":"taxes"}""";

    [Theory]
    [InlineData("what's first?")]
    [InlineData("whats first")]
    [InlineData("what is first on my list?")]
    public async Task WhatsFirstRanksWhatToDoAsWhatsNextDoes(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, FirstThings, """list_tasks {"status":"pending","sort":"due","limit":200}""");
    }

    [Theory]
    [InlineData("which tasks have no due date?")]
    [InlineData("tasks without a date")]
    [InlineData("anything without a due date?")]
    [InlineData("what haven't I scheduled?")]
    [InlineData("show undated tasks")]
    public async Task TasksWithoutADueDateAreTheOnesStillToDoWithNone(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, Undated, """list_tasks {"status":"pending"}""");
    }

    [Fact]
    public async Task EveryTaskDatedSaysSo()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("move the taxes to friday");
        await turns.TurnAsync("move the garage to saturday");

        await AssertSaidAsync(turns, tools, "which tasks have no due date?", "Every task still to do has a due date.", """list_tasks {"status":"pending"}""");
    }

    [Fact]
    public async Task TasksWithoutADueDateWithoutDueDatesInTheToolsSaysItCannot()
    {
        var (turns, tools) = Start(withTaskFields: false);

        await AssertSaidAsync(turns, tools, "which tasks have no due date?",
            "I can't give tasks due dates yet: the task service doesn't have them. Say “what's left?” to see your pending tasks.");
    }

    [Theory]
    [InlineData("what's the priority of the taxes?")]
    [InlineData("what is the priority of the taxes")]
    [InlineData("how important is the taxes?")]
    [InlineData("what priority is the taxes?")]
    public async Task ThePriorityOfATaskIsSaid(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "#3 “File taxes” has no priority set. Say “make it high priority”, for example, to give it one.", Taxes);
        await turns.TurnAsync("make the taxes high priority");
        await AssertSaidAsync(turns, tools, message, "#3 “File taxes” is high priority.", Taxes);
    }

    [Fact]
    public async Task ThePriorityOfNoTaskSaysNoneMatched()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "what's the priority of the dentist?", "I found no task matching “dentist”.", """list_tasks {"status":"all","search":"dentist"}""");
    }

    [Theory]
    [InlineData("when do I have to call mom?", "#2 “Call mom” is due Friday at 18:00.", """list_tasks {"status":"all","search":"call mom"}""")]
    [InlineData("when should I call mom", "#2 “Call mom” is due Friday at 18:00.", """list_tasks {"status":"all","search":"call mom"}""")]
    [InlineData("when do I need to file taxes?", "#3 “File taxes” has no due date. Say “move it to friday”, for example, to give it one.", """list_tasks {"status":"all","search":"file taxes"}""")]
    public async Task WhenDoIHaveToSaysWhenTheTaskIsDue(string message, string reply, string lookup)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, lookup);
    }

    [Theory]
    [InlineData("anything due soon?")]
    [InlineData("what's due soon?")]
    [InlineData("is anything due soon")]
    [InlineData("what's coming up soon?")]
    public async Task DueSoonIsTheNextSevenDays(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message,
            "2 tasks due in the next 7 days (through Tuesday): #1 “Buy milk” (due tomorrow) and #2 “Call mom” (due Friday at 18:00).",
            """list_tasks {"status":"pending","due_before":"2026-12-09T00:00:00+00:00","due_after":"2026-12-02T00:00:00+00:00"}""");
    }

    /// <summary>A question that names a task is about that task, not the next 7 days.</summary>
    [Fact]
    public async Task DueSoonOfANamedTaskIsNotTheNextSevenDays()
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.DoesNotContain("next 7 days", await turns.TurnAsync("is the milk due soon?"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lower the taxes priority", "“File taxes” is now medium priority.", """update_task {"task_id":3,"priority":"medium"}""")]
    [InlineData("raise the taxes' priority", "“File taxes” is already high priority, the highest.", null)]
    public async Task LowerOrRaiseTheTasksPriorityStepsItFromWhatItHas(string message, string reply, string? update)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("make the taxes high priority");

        await AssertSaidAsync(turns, tools, message, reply, [Taxes.Replace("\"taxes\"}", "\"taxe\",\"limit\":200}", StringComparison.Ordinal), .. update is null ? Array.Empty<string>() : [update]]);
    }

    [Theory]
    [InlineData("put the taxes on the home list", "Tagged “File taxes” #home.", """list_tasks {"status":"pending","search":"taxe","limit":200}""", """update_task {"task_id":3,"tags":["work","home"]}""")]
    [InlineData("stick the garage on my work list", "Tagged “Clean the garage” #work.", """list_tasks {"status":"all","search":"garage","limit":200}""", """update_task {"task_id":4,"tags":["home","work"]}""")]
    public async Task PutATaskOnAListTagsIt(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>
    /// Near phrasings read as before: a list of no task is an add, the shopping list always is, a day is a due date, a
    /// question of no task or of "it" is not a priority question, and words for a task that are no task's are offered.
    /// </summary>
    [Theory]
    [InlineData("put eggs on the shopping list", "Added “Eggs” (task 5), tagged #shopping.", """add_task {"title":"Eggs","tags":["shopping"]}""")]
    [InlineData("put the milk on monday", "“Buy milk” is now due Monday.", """list_tasks {"status":"pending","search":"milk","limit":200}""", """update_task {"task_id":1,"due":"2026-12-07"}""")]
    [InlineData("what's high priority?", "Nothing with high priority.", """list_tasks {"status":"pending","priority":"high"}""")]
    [InlineData("how important is it?", "Nothing with high priority.", """list_tasks {"status":"pending","priority":"high"}""")]
    [InlineData("when is milk due?", "#1 “Buy milk” is due tomorrow.", """list_tasks {"status":"all","search":"milk"}""")]
    [InlineData("what's next?", FirstThings, """list_tasks {"status":"pending","sort":"due","limit":200}""")]
    [InlineData("raise the taxes to high priority", "Should I add “Raise the taxes” as a task, high priority? Say “add raise the taxes high priority” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"raise taxe","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""")]
    [InlineData("drop the garage", "Deleted “Clean the garage”. Say “undo” to bring it back.", """list_tasks {"status":"all","search":"garage","limit":200}""", """delete_task {"task_id":4}""")]
    [InlineData("lower the blinds", "I found no task matching “lower blinds”. Should I add “Lower the blinds” as a task? Say “add lower the blinds” (or “yes”) and I will.",
        """list_tasks {"status":"all","search":"lower blinds"}""")]
    public async Task NearPhrasingsReadAsBefore(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    [Fact]
    public async Task PutOnAListOfNoTaskIsTheAddItWas()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "put my name on the waiting list", "Added “My name on the waiting list” (task 5).",
            """list_tasks {"status":"pending","search":"name","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""",
            """add_task {"title":"My name on the waiting list"}""");
    }
}
