using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday phrasings session 46 found misread or wasteful: "add eggs and delete the garage" looked the garage up twice in
/// one turn (the same list_tasks call, a round apart); "add eggs and delete milk and taxes" added one task, “Eggs and delete
/// milk and taxes”; "I need to call mom on saturday instead" added “Call mom on saturday instead” beside “Call mom”; "nvm
/// the garage" offered “Nvm the garage” as a task and "no more garage" was not understood; "when's mom's call?" found no
/// task; "move the taxes to the home list" was offered as a task. Whole conversations against the fake tools; the clock is
/// Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandSevenScenarioTests
{
    private const string Garage = """list_tasks {"status":"all","search":"garage","limit":200}""";

    private const string LastChanged = """list_tasks {"status":"all","sort":"updated","limit":200}""";

    private const string LastPending = """list_tasks {"status":"pending","sort":"updated","limit":200}""";

    private const string PendingGarage = """list_tasks {"status":"pending","search":"garage","limit":200}""";

    private const string Fallback = "Sorry, I didn't quite get that. I look after your tasks: try “add buy milk”, “what's due today?”, “I bought the milk” or “undo that”, or say “help” to see everything I understand.";

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

    /// <summary>
    /// A change of several tasks after an add: no one title has every word, so each part is looked for in the plain list,
    /// as "delete milk and taxes" alone does; both name a task, so both are deleted with the add, and one "undo" takes all
    /// of it back.
    /// </summary>
    [Fact]
    public async Task AnAddThenADeletionOfTwoTasksDoesAll()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "add eggs and delete milk and taxes", "Added “Eggs” (task 5). Deleted “Buy milk” and “File taxes”. Say “undo” to take back all three.",
            """list_tasks {"status":"all","search":"milk and taxe","limit":200}""", LastChanged,
            """add_task {"title":"Eggs"}""", """delete_task {"task_id":1}""", """delete_task {"task_id":3}""");
        Assert.Equal(["Call mom", "Clean the garage", "Eggs"], tools.Tasks.Select(t => t.Title));

        await AssertSaidAsync(turns, tools, "undo", "Undone: removed “Eggs” again, “Buy milk” is back (task 1) and “File taxes” is back (task 3).",
            """delete_task {"task_id":5}""", """restore_task {"task_id":1}""", """restore_task {"task_id":3}""");
        Assert.Equal(["Buy milk", "Call mom", "File taxes", "Clean the garage"], tools.Tasks.Select(t => t.Title));
    }

    [Theory]
    [InlineData("add eggs and complete the milk and the taxes", "Added “Eggs” (task 5). Marked “Buy milk” and “File taxes” done. Say “undo” to take back all three.",
        """list_tasks {"status":"pending","search":"milk and taxe","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""",
        """add_task {"title":"Eggs"}""", """complete_task {"task_id":1}""", """complete_task {"task_id":3}""")]
    [InlineData("add eggs and move milk and the garage to friday", "Added “Eggs” (task 5). “Buy milk” is now due Friday. “Clean the garage” is now due Friday. Say “undo” to take back all three.",
        """list_tasks {"status":"all","search":"milk and garage","limit":200}""", LastChanged,
        """add_task {"title":"Eggs"}""", """update_task {"task_id":1,"due":"2026-12-04"}""", """update_task {"task_id":4,"due":"2026-12-04"}""")]
    public async Task AnAddThenAChangeOfTwoTasksDoesAll(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>
    /// A part that names no task: the message is the one task it always was. A part that names several: the add is done and
    /// the deletion says what each part found, as "delete call and taxes" alone does. A rename of several stays a title.
    /// </summary>
    [Theory]
    [InlineData("add eggs and delete milk and dentist", "Added “Eggs and delete milk and dentist” (task 5).",
        """list_tasks {"status":"all","search":"milk and dentist","limit":200}""", LastChanged, """add_task {"title":"Eggs and delete milk and dentist"}""")]
    [InlineData("add eggs and rename milk and taxes to bread", "Added “Eggs and rename milk and taxes to bread” (task 5).",
        """list_tasks {"status":"all","search":"milk and taxe","limit":200}""", """add_task {"title":"Eggs and rename milk and taxes to bread"}""")]
    public async Task AnAddThenAChangeOfSeveralWhereOneIsNoTaskIsOneTask(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
        Assert.Equal(5, tools.Tasks.Count);
    }

    [Fact]
    public async Task AnAddThenADeletionOfAPartThatNamesSeveralTellsWhatEachFound()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add call dad");

        await AssertSaidAsync(turns, tools, "add eggs and delete call and taxes",
            "Added “Eggs” (task 6). I haven't deleted anything yet: “call” matches #2 “Call mom” and #5 “Call dad”; “taxes” is #3 “File taxes”. Tell me which by number, for example “delete 2 and 3”.",
            """list_tasks {"status":"all","search":"call and taxe","limit":200}""", LastChanged, """add_task {"title":"Eggs"}""");
        Assert.Equal(6, tools.Tasks.Count);
    }

    /// <summary>"instead" says it is another day for a task already there: its due date moves, its time of day kept.</summary>
    [Theory]
    [InlineData("i need to call mom on saturday instead", "“Call mom” is now due Saturday at 18:00.",
        """list_tasks {"status":"pending","search":"call mom","limit":200}""", """update_task {"task_id":2,"due":"2026-12-05T18:00:00+00:00"}""")]
    [InlineData("I'll call mom on saturday instead", "“Call mom” is now due Saturday at 18:00.",
        """list_tasks {"status":"pending","search":"call mom","limit":200}""", """update_task {"task_id":2,"due":"2026-12-05T18:00:00+00:00"}""")]
    [InlineData("I have to file taxes tomorrow instead", "“File taxes” is now due tomorrow.",
        """list_tasks {"status":"pending","search":"file taxe","limit":200}""", """update_task {"task_id":3,"due":"2026-12-03"}""")]
    [InlineData("i need to do the garage on sunday instead", "“Clean the garage” is now due Sunday.",
        """list_tasks {"status":"pending","search":"garage","limit":200}""", """update_task {"task_id":4,"due":"2026-12-06"}""")]
    public async Task InsteadMovesTheTaskThereToTheDaySaid(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Fact]
    public async Task InsteadIsOneChangeForUndo()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("i need to call mom on saturday instead");

        await AssertSaidAsync(turns, tools, "undo", "Undone: “Call mom” is back to how it was.", """update_task {"task_id":2,"due":"2026-12-04T18:00:00+00:00"}""");
    }

    /// <summary>"it" is the task the conversation last acted on, as "move it to saturday" reads it.</summary>
    [Fact]
    public async Task DoItInsteadMovesTheTaskJustTalkedAbout()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("move the taxes to friday");

        await AssertSaidAsync(turns, tools, "i'll do it on saturday instead", "“File taxes” is now due Saturday.",
            """list_tasks {"status":"all","task_ids":[3]}""", """update_task {"task_id":3,"due":"2026-12-05"}""");
    }

    /// <summary>
    /// No task still to do matching: the add, "instead" left out of the title (before: “Call dad on saturday instead”), or
    /// adding it offered where the words are no add. Without "instead" the add is as before, even beside a task of that
    /// title; "add …" and a message without "I need to" read as before.
    /// </summary>
    [Theory]
    [InlineData("i need to call dad on saturday instead", "Added “Call dad” (task 5), due Saturday.",
        """list_tasks {"status":"pending","search":"call dad","limit":200}""", LastPending, """add_task {"title":"Call dad","due":"2026-12-05"}""")]
    [InlineData("i'll call dad on saturday instead", "Should I add “Call dad” as a task? Say “add call dad on saturday” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"call dad","limit":200}""", LastPending)]
    [InlineData("i need to call dad on saturday", "Added “Call dad” (task 5), due Saturday.", """add_task {"title":"Call dad","due":"2026-12-05"}""")]
    [InlineData("i need to call mom on saturday", "Added “Call mom” (task 5), due Saturday. You already had “Call mom” (task 2): say “undo” if this one was a slip.",
        """add_task {"title":"Call mom","due":"2026-12-05"}""")]
    [InlineData("i need to call mom instead", "Added “Call mom instead” (task 5).", """add_task {"title":"Call mom instead"}""")]
    [InlineData("add call mom on saturday instead", "Added “Call mom on saturday instead” (task 5).", """add_task {"title":"Call mom on saturday instead"}""")]
    [InlineData("call mom on saturday instead", "Should I add “Call mom on saturday instead” as a task? Say “add call mom on saturday instead” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"call mom saturday instead","limit":200}""")]
    public async Task InsteadOfNoTaskOrWithoutInsteadReadsAsAnAdd(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
        Assert.Equal("2026-12-04T18:00:00+00:00", tools.Tasks.Single(t => t.Id == 2).Due);
    }

    /// <summary>"nvm" is "never mind" as a thumb types it: the one task still to do the words name is asked about, never deleted on these words.</summary>
    [Theory]
    [InlineData("nvm the garage")]
    [InlineData("nvm about the garage")]
    public async Task NvmATaskAsksWhetherToDeleteIt(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "OK, nothing changed. Should I delete #4 “Clean the garage”? Say “yes” to delete it or “no” to keep it.", PendingGarage);
        await AssertSaidAsync(turns, tools, "yes", "Deleted “Clean the garage”. Say “undo” to bring it back.", """delete_task {"task_id":4}""");
        await AssertSaidAsync(turns, tools, "undo", "Brought back “Clean the garage” (task 4).", """restore_task {"task_id":4}""");
    }

    /// <summary>
    /// "no more garage": a plan said to be over, asked about as "the garage is off" is, since "no more milk" is also milk run
    /// out of: only a "yes" deletes, "undo" brings it back, "no" keeps it.
    /// </summary>
    [Fact]
    public async Task NoMoreATaskAsksWhetherItIsOffForGood()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "no more garage", "Is that off for good? Should I delete #4 “Clean the garage”? Say “yes” to delete it or “no” to keep it.", PendingGarage);
        await AssertSaidAsync(turns, tools, "yes", "Deleted “Clean the garage”. Say “undo” to bring it back.", """delete_task {"task_id":4}""");
        await AssertSaidAsync(turns, tools, "undo", "Brought back “Clean the garage” (task 4).", """restore_task {"task_id":4}""");
    }

    [Fact]
    public async Task NoMoreMilkIsKeptOnANo()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "no more milk", "Is that off for good? Should I delete #1 “Buy milk”? Say “yes” to delete it or “no” to keep it.",
            """list_tasks {"status":"pending","search":"milk","limit":200}""");
        await AssertSaidAsync(turns, tools, "no", "OK, I kept “Buy milk”.");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>
    /// "nvm" alone, or to a question, drops what was asked as "never mind" does; "no more" of no task, of a day or of the
    /// list, and "no more reminders …", read as before; "call off the garage" still deletes at once.
    /// </summary>
    [Theory]
    [InlineData("nvm", "OK, nothing changed.")]
    [InlineData("no more tasks", Fallback)]
    [InlineData("no more for today", Fallback)]
    [InlineData("no more garage?", Fallback)]
    [InlineData("no more questions", Fallback, """list_tasks {"status":"pending","search":"question","limit":200}""", LastPending)]
    [InlineData("no more reminders for call mom", "“Call mom” has no reminders, so there is nothing to remove.", """list_tasks {"status":"all","search":"call mom","limit":200}""")]
    [InlineData("call off the garage", "Deleted “Clean the garage”. Say “undo” to bring it back.", Garage, """delete_task {"task_id":4}""")]
    public async Task NearPhrasingsOfNvmAndNoMoreReadAsBefore(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    [Fact]
    public async Task NvmAnswersAQuestionAsNeverMindDoes()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("delete all my tasks");

        await AssertSaidAsync(turns, tools, "nvm", "OK, I kept them.");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>A possessive names the task as people say it ("mom's call" for “Call mom”): its "s" is not searched for.</summary>
    [Theory]
    [InlineData("when's mom's call?", "#2 “Call mom” is due Friday at 18:00.")]
    [InlineData("when is mom's call", "#2 “Call mom” is due Friday at 18:00.")]
    [InlineData("tell me about mom's call", "1 task matching “mom call”: #2 “Call mom” (due Friday at 18:00).")]
    public async Task WhensMomsCallSaysWhenCallMomIsDue(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, """list_tasks {"status":"all","search":"mom call"}""");
    }

    /// <summary>Without a possessive the words are searched as before; a possessive of no task finds none.</summary>
    [Theory]
    [InlineData("when do I have to call mom?", "#2 “Call mom” is due Friday at 18:00.", """list_tasks {"status":"all","search":"call mom"}""")]
    [InlineData("when's the call with mom?", "#2 “Call mom” is due Friday at 18:00.", """list_tasks {"status":"all","search":"call mom"}""")]
    [InlineData("when's moms call?", "I found no task matching “moms call”.", """list_tasks {"status":"all","search":"moms call"}""")]
    [InlineData("when's dad's call?", "I found no task matching “dad call”.", """list_tasks {"status":"all","search":"dad call"}""")]
    public async Task WhenQuestionsWithoutAPossessiveReadAsBefore(string message, string reply, string lookup)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, lookup);
    }

    /// <summary>
    /// Words of no task still to do: the offer to add the message as it was before (now after a look for the task); a list
    /// that is no tag's ("my list", "the to-do list"), a day's, or a day alone read as before.
    /// </summary>
    [Theory]
    [InlineData("move eggs to the shopping list", "Should I add “Move eggs to the shopping list” as a task? Say “add move eggs to the shopping list” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"egg","limit":200}""", LastPending)]
    [InlineData("move the dentist to the home list", "Should I add “Move the dentist to the home list” as a task? Say “add move the dentist to the home list” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"dentist","limit":200}""", LastPending)]
    [InlineData("move the taxes to my list", "Should I add “Move the taxes to my list” as a task? Say “add move the taxes to my list” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"move taxe list","limit":200}""")]
    [InlineData("move the taxes to the to-do list", "Should I add “Move the taxes to the to-do list” as a task? Say “add move the taxes to the to-do list” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"move taxe do list","limit":200}""")]
    [InlineData("move the taxes to the friday list", "Should I add “Move the taxes to the friday list” as a task? Say “add move the taxes to the friday list” (or “yes”) and I will.",
        """list_tasks {"status":"pending","search":"move taxe friday list","limit":200}""")]
    [InlineData("move the taxes to friday", "“File taxes” is now due Friday.", """list_tasks {"status":"all","search":"taxe","limit":200}""", """update_task {"task_id":3,"due":"2026-12-04"}""")]
    public async Task MoveToAListOfNoTaskReadsAsBefore(string message, string reply, params string[] sent)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, sent);
        Assert.DoesNotContain(tools.Tasks, t => t.Tags.Contains("shopping") || t.Tags.Contains("friday"));
    }
}
