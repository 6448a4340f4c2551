using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday shorthand that session 41b's probe found missed or misread: a repeat with a time said without "add" ("call mom
/// every sunday at 5pm"), a day said before a task's name ("tomorrow milk"), "make the taxes monthly", a tag's tasks with
/// "show" and no "my" ("show home stuff"), "then" at the end ("ok add eggs then"), "wat's left", "scrap the garage", "am I
/// free friday?", "the taxes can be low priority", "I didn't finish the taxes", an add with a second request after it (now both done: TwoRequestsScenarioTests),
/// "note on milk: …", news of a task moved ("the dentist moved to friday"), "remind me at 5 about milk" / "ping me …" and
/// "need to buy eggs". Whole conversations against the fake tools;
/// the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandTwoScenarioTests
{
    /// <summary>
    /// Before, offered as a new task “Call mom every sunday”. The time is the repeat's first occurrence, set as the due with
    /// it (as adding it sets it); "undo" takes both back.
    /// </summary>
    [Fact]
    public async Task ARepeatWithATimeOfATaskThereMakesItRepeatFromThen()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "call mom every sunday at 5pm",
            "“Call mom” was already on your list, so it now repeats every Sunday, next due Sunday at 17:00 (I didn't add another). To add a second one, say “add call mom again every sunday at 17:00”.",
            """list_tasks {"status":"pending","search":"call mom","limit":200}""", """update_task {"task_id":2,"due":"2026-12-06T17:00:00+00:00","recurrence":"FREQ=WEEKLY;BYDAY=SU"}""");
        Assert.Equal(4, tools.Tasks.Count);
        await AssertSaidAsync(turns, tools, "undo", "Undone: “Call mom” is back to how it was.", """update_task {"task_id":2,"due":"2026-12-04T18:00:00+00:00","recurrence":""}""");
        await AssertSaidAsync(turns, tools, "add call mom again every sunday at 17:00", "Added “Call mom” (task 5), due Sunday at 17:00, repeating every Sunday.",
            """add_task {"title":"Call mom","due":"2026-12-06T17:00:00+00:00","recurrence":"FREQ=WEEKLY;BYDAY=SU"}""");
    }

    [Fact]
    public async Task ARepeatWithATimeOfATaskNotThereAddsIt()
    {
        var (turns, tools) = Start();

        await AssertSaidAsync(turns, tools, "call mom every sunday at 5pm", "Added “Call mom” (task 1), due Sunday at 17:00, repeating every Sunday.",
            """list_tasks {"status":"pending","search":"call mom","limit":200}""", """add_task {"title":"Call mom","due":"2026-12-06T17:00:00+00:00","recurrence":"FREQ=WEEKLY;BYDAY=SU"}""");
        await AssertSaidAsync(turns, tools, "water the plants every monday at 8am", "Added “Water the plants” (task 2), due Monday at 08:00, repeating every Monday.",
            """list_tasks {"status":"pending","search":"water plant","limit":200}""", """add_task {"title":"Water the plants","due":"2026-12-07T08:00:00+00:00","recurrence":"FREQ=WEEKLY;BYDAY=MO"}""");
    }

    /// <summary>
    /// Adding stays adding: another title with those words, and "add" itself.
    /// </summary>
    [Theory]
    [InlineData("call mom about the party every sunday at 5pm", "Added “Call mom about the party” (task 5), due Sunday at 17:00, repeating every Sunday.")]
    [InlineData("add call mom every sunday at 5pm", "Added “Call mom” (task 5), due Sunday at 17:00, repeating every Sunday. You already had “Call mom” (task 2): say “undo” if this one was a slip.")]
    public async Task ARepeatWithATimeAndMoreAddsIt(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(5, tools.Tasks.Count);
        Assert.True(string.IsNullOrEmpty(tools.Tasks[1].Recurrence));
    }

    [Theory]
    [InlineData("tomorrow milk", "“Buy milk” is now due tomorrow.", "milk", 1, "2026-12-03")]
    [InlineData("saturday: milk", "“Buy milk” is now due Saturday.", "milk", 1, "2026-12-05")]
    [InlineData("friday: the garage", "“Clean the garage” is now due Friday.", "garage", 4, "2026-12-04")]
    [InlineData("next monday taxes", "“File taxes” is now due Monday.", "taxe", 3, "2026-12-07")]
    public async Task ADaySaidBeforeATasksNameMovesItThere(string message, string reply, string search, long id, string due)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, $$"""list_tasks {"status":"pending","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"due":"{{due}}"}""");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>With no task still to do that has those words, adding it with that day is offered, as "eggs tomorrow" does.</summary>
    [Fact]
    public async Task ADaySaidBeforeANameNoTaskHasOffersIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "tomorrow eggs", "Should I add “Eggs” as a task? Say “add eggs tomorrow” (or “yes”) and I will.",
            """list_tasks {"status":"pending","search":"egg","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""");
        await AssertSaidAsync(turns, tools, "yes", "Added “Eggs” (task 5), due tomorrow.", """add_task {"title":"Eggs","due":"2026-12-03"}""");
    }

    /// <summary>
    /// A day first that names no task keeps its reading: a list after it, a date alone, a sentence about the day, a verb
    /// (offered, or the one there named, as "call mom friday" is), a question.
    /// </summary>
    [Theory]
    [InlineData("tomorrow: eggs, bread")]
    [InlineData("friday the 13th")]
    [InlineData("tomorrow is busy")]
    [InlineData("tomorrow is another day")]
    [InlineData("friday: call mom")]
    [InlineData("tomorrow milk?")]
    [InlineData("tomorrow morning")]
    public async Task OtherMessagesWithADayFirstChangeNoTask(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        await turns.TurnAsync(message);
        Assert.DoesNotContain(tools.Calls.Skip(calls), c => c.Tool is "update_task" or "add_task");
    }

    /// <summary>Before, a task “Make the taxes” was added beside “File taxes”.</summary>
    [Fact]
    public async Task MakeATaskThereRepeatMakesItRepeat()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "make the taxes monthly", "“File taxes” now repeats every month.",
            """list_tasks {"status":"pending","search":"taxe","limit":200}""", """update_task {"task_id":3,"recurrence":"FREQ=MONTHLY"}""");
        await AssertSaidAsync(turns, tools, "make the garage weekly", "“Clean the garage” now repeats every week.",
            """list_tasks {"status":"pending","search":"garage","limit":200}""", """update_task {"task_id":4,"recurrence":"FREQ=WEEKLY"}""");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>"make" with no task of those words still to do is a task to make: added, as before.</summary>
    [Theory]
    [InlineData("make the bed every day", "Added “Make the bed” (task 5), repeating every day.")]
    [InlineData("make dinner every friday", "Added “Make dinner” (task 5), repeating every Friday.")]
    public async Task MakeSomethingNotThereEveryDayAddsIt(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(5, tools.Tasks.Count);
        // "it" is still the task just talked about.
        Assert.StartsWith("“Make ", await turns.TurnAsync("make it weekly"), StringComparison.Ordinal);
        Assert.Equal("FREQ=WEEKLY", tools.Tasks[4].Recurrence);
    }

    [Theory]
    [InlineData("show home stuff")]
    [InlineData("show home tasks")]
    [InlineData("list home things")]
    [InlineData("show me home stuff")]
    public async Task ShowATagsStuffListsThatTag(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "2 tasks tagged #home: #1 “Buy milk” (due tomorrow) and #4 “Clean the garage”.", """list_tasks {"status":"pending","tag":"home"}""");
    }

    /// <summary>Words that say which tasks otherwise are no tag.</summary>
    [Theory]
    [InlineData("show all tasks")]
    [InlineData("show completed tasks")]
    [InlineData("show my tasks")]
    [InlineData("show overdue tasks")]
    [InlineData("show more tasks")]
    public async Task ShowWhichTasksOtherwiseIsNoTag(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        await turns.TurnAsync(message);
        Assert.DoesNotContain(tools.Calls.Skip(calls), c => c.Arguments.Contains("\"tag\":\"", StringComparison.Ordinal));
    }

    /// <summary>Before, “Eggs then” was added.</summary>
    [Theory]
    [InlineData("ok add eggs then")]
    [InlineData("add eggs then")]
    [InlineData("fine, add eggs then")]
    public async Task ThenAtTheEndIsNoPartOfTheTitle(string message)
    {
        var (turns, tools) = Start();

        await AssertSaidAsync(turns, tools, message, "Added “Eggs” (task 1).", """add_task {"title":"Eggs"}""");
    }

    [Fact]
    public async Task ThenStillReadsWhereItSaysSomething()
    {
        var (turns, _) = await WithEverydayTasksAsync();
        await turns.TurnAsync("what's due tomorrow?");

        Assert.Equal("1 task due on Friday: #2 “Call mom” (due Friday at 18:00).", await turns.TurnAsync("what about friday then"));
        Assert.StartsWith("Sorry, I didn't quite get that.", await turns.TurnAsync("then"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wat's left", "You have 4 pending tasks: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00), #3 “File taxes” and #4 “Clean the garage”.")]
    [InlineData("wats due tomorrow", "1 task due tomorrow: #1 “Buy milk” (due tomorrow).")]
    [InlineData("wat do I have on friday", "1 task due on Friday: #2 “Call mom” (due Friday at 18:00).")]
    public async Task WatIsWhat(string message, string reply)
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
    }

    [Fact]
    public async Task ScrapATaskDeletesIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "scrap the garage", "Deleted “Clean the garage”. Say “undo” to bring it back.",
            """list_tasks {"status":"all","search":"garage","limit":200}""", """delete_task {"task_id":4}""");
    }

    [Theory]
    [InlineData("am I free friday?", "1 task due on Friday: #2 “Call mom” (due Friday at 18:00).")]
    [InlineData("am i busy tomorrow", "1 task due tomorrow: #1 “Buy milk” (due tomorrow).")]
    [InlineData("am I free on saturday", "Nothing due on Saturday.")]
    public async Task AmIFreeOnADayListsThatDay(string message, string reply)
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
    }

    [Theory]
    [InlineData("the taxes can be low priority", "“File taxes” is now low priority.", "taxe", 3, "low")]
    [InlineData("milk should be high priority", "“Buy milk” is now high priority.", "milk", 1, "high")]
    public async Task ATaskThatCanBeAPriorityIsSetSo(string message, string reply, string search, long id, string priority)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, $$"""list_tasks {"status":"all","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"priority":"{{priority}}"}""");
    }

    /// <summary>"should be done by" is still a due date (<see cref="EverydayShorthandScenarioTests"/>).</summary>
    [Fact]
    public async Task ShouldBeDoneByIsStillADueDate()
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal("“Buy milk” is now due Friday.", await turns.TurnAsync("milk should be done by friday"));
    }

    /// <summary>A task ticked off by mistake is reopened; one still to do is said to be so.</summary>
    [Fact]
    public async Task IDidntFinishATaskReopensIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("finished the taxes");

        Assert.Equal("Marked “File taxes” as not done.", await turns.TurnAsync("I didn't finish the taxes"));
        Assert.False(tools.Tasks[2].Completed);
        Assert.Equal("“Buy milk” isn't done: it's still on your list. Say “show completed” to see the tasks you've done.", await turns.TurnAsync("i haven't finished the milk"));
        // About the day, not a task.
        var calls = tools.Calls.Count;
        await turns.TurnAsync("I didn't finish anything today");
        Assert.DoesNotContain(tools.Calls.Skip(calls), c => c.Tool is "reopen_task" or "update_task" or "add_task");
    }

    /// <summary>An add with "and" before another thing to do keeps its reading (one task, or several), and so does ticking off two.</summary>
    [Theory]
    [InlineData("add wash the car and remove the roof box", "Added “Wash the car and remove the roof box” (task 5).")]
    [InlineData("add eggs; cancel the gym membership", "Added 2 tasks: “Eggs” (task 5) and “Cancel the gym membership” (task 6).")]
    [InlineData("add get the report done", "Added “Get the report done” (task 5).")]
    [InlineData("mark milk and taxes done", "Marked “Buy milk” and “File taxes” done.")]
    public async Task SeveralTasksInOneAddStayTasks(string message, string reply)
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
    }

    [Theory]
    [InlineData("note on milk: the 2% one", "milk", 1, "the 2% one")]
    [InlineData("notes for the taxes: use the new form", "taxe", 3, "use the new form")]
    public async Task ANoteOnATaskIsAddedToIt(string message, string search, long id, string note)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, $"Added the note to “{tools.Tasks[(int)id - 1].Title}”.",
            $$"""list_tasks {"status":"all","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"description":"{{note}}"}""");
    }

    /// <summary>"note to self" is a task to add, and a note without a colon is no note on a task.</summary>
    [Fact]
    public async Task NoteToSelfStillAdds()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("Added “Buy stamps” (task 5).", await turns.TurnAsync("note to self: buy stamps"));
        Assert.DoesNotContain(tools.Calls, c => c.Tool == "update_task");
    }

    /// <summary>Before, "dentist moved to thursday" offered a task “Dentist moved to”, and "the dentist is at 4pm now" was not understood.</summary>
    [Theory]
    [InlineData("the dentist moved to friday", "“Dentist appointment” is now due Friday at 15:00.", "2026-12-04T15:00:00+00:00")]
    [InlineData("dentist got pushed to thursday", "“Dentist appointment” is now due tomorrow at 15:00.", "2026-12-03T15:00:00+00:00")]
    [InlineData("the dentist is at 4pm now", "“Dentist appointment” is now due Friday at 16:00.", "2026-12-04T16:00:00+00:00")]
    [InlineData("the dentist is now at 4pm", "“Dentist appointment” is now due Friday at 16:00.", "2026-12-04T16:00:00+00:00")]
    [InlineData("the dentist is on saturday", "“Dentist appointment” is now due Saturday at 15:00.", "2026-12-05T15:00:00+00:00")]
    public async Task NewsOfATaskMovedMovesIt(string message, string reply, string due)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add dentist appointment friday at 3pm");

        await AssertSaidAsync(turns, tools, message, reply, """list_tasks {"status":"pending","search":"dentist","limit":200}""", $$"""update_task {"task_id":5,"due":"{{due}}"}""");
    }

    /// <summary>No such task still to do: adding it then is offered; moving house or a meeting's room is no task's.</summary>
    [Fact]
    public async Task NewsOfSomethingElseMovedChangesNoTask()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        Assert.Equal("Should I add “Party” as a task? Say “add party saturday” (or “yes”) and I will.", await turns.TurnAsync("the party got moved to saturday"));
        await turns.TurnAsync("I moved to berlin");
        await turns.TurnAsync("mom moved to florida");
        await turns.TurnAsync("the meeting moved to room 4");
        await turns.TurnAsync("my mom is at home");
        await turns.TurnAsync("what is on friday");
        Assert.DoesNotContain(tools.Calls.Skip(calls), c => c.Tool is "update_task" or "add_task");
    }

    /// <summary>Before, "remind me at 5 about milk" added a task “At 5 about milk”, and "ping me …" was not understood.</summary>
    [Theory]
    [InlineData("remind me at 5 about milk")]
    [InlineData("ping me at 5 about milk")]
    [InlineData("nudge me at 5pm about the milk")]
    public async Task RemindMeWhenAboutATaskSetsItsReminder(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "I'll remind you about “Buy milk” tomorrow at 17:00.",
            """list_tasks {"status":"pending","search":"milk","limit":200}""", """update_task {"task_id":1,"reminders":["2026-12-03T17:00:00+00:00"]}""");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>"ping me … to …" adds, as "remind me tomorrow to call the bank" does.</summary>
    [Fact]
    public async Task PingMeToDoSomethingAddsIt()
    {
        var (turns, tools) = Start();

        await AssertSaidAsync(turns, tools, "ping me tomorrow to call the bank", "Added “Call the bank” (task 1), due tomorrow, I'll remind you then.",
            """add_task {"title":"Call the bank","due":"2026-12-03","reminders":["PT0S"]}""");
    }

    /// <summary>Before, “Need to buy eggs” was offered as the title.</summary>
    [Theory]
    [InlineData("need to buy eggs", "Added “Buy eggs” (task 1).", """add_task {"title":"Buy eggs"}""")]
    [InlineData("need to call the bank tomorrow", "Added “Call the bank” (task 1), due tomorrow.", """add_task {"title":"Call the bank","due":"2026-12-03"}""")]
    public async Task NeedToWithoutIAdds(string message, string reply, string sent)
    {
        var (turns, tools) = Start();

        await AssertSaidAsync(turns, tools, message, reply, sent);
    }

    /// <summary>"gotta go", "have to go": leaving the chat, never a task “Go”.</summary>
    [Theory]
    [InlineData("gotta go")]
    [InlineData("have to go")]
    public async Task GottaGoAddsNothing(string message)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);
        Assert.Empty(tools.Tasks);
    }
}
