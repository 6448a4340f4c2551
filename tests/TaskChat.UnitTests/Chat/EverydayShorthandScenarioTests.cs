using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday shorthand that session 40's probe found missed or misread: a task named with a day ("milk tomorrow"), a day
/// said in passing ("do milk on friday", "the garage can wait till next week", "milk should be done by friday"), a deadline
/// taken away in words ("milk has no deadline"), a tag after "what's in", "put eggs on the shopping list", "sort by due
/// date", "anything urgent?", and a repeat said of a task already there ("call mom every sunday"). Whole conversations
/// against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandScenarioTests
{
    [Theory]
    [InlineData("milk tomorrow", "“Buy milk” is now due tomorrow.", "milk", 1, "2026-12-03")]
    [InlineData("milk saturday", "“Buy milk” is now due Saturday.", "milk", 1, "2026-12-05")]
    [InlineData("the garage friday", "“Clean the garage” is now due Friday.", "garage", 4, "2026-12-04")]
    [InlineData("taxes next monday", "“File taxes” is now due Monday.", "taxe", 3, "2026-12-07")]
    public async Task ATaskNamedWithADayIsMovedThere(string message, string reply, string search, long id, string due)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, $$"""list_tasks {"status":"pending","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"due":"{{due}}"}""");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>With no task still to do that has those words, adding it with that day is offered, as "milk due friday" does.</summary>
    [Fact]
    public async Task ANameWithADayThatNoTaskHasIsOfferedWithThatDay()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "the dentist tomorrow", "Should I add “Dentist” as a task? Say “add dentist tomorrow” (or “yes”) and I will.", """list_tasks {"status":"pending","search":"dentist","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""");
        await AssertSaidAsync(turns, tools, "yes", "Added “Dentist” (task 5), due tomorrow.", """add_task {"title":"Dentist","due":"2026-12-03"}""");
    }

    /// <summary>
    /// What is not a task named with a day keeps its reading: a verb first (offered, or the one there named), "add", a time
    /// alone, a day gone by, a question, a day alone with other words.
    /// </summary>
    [Theory]
    [InlineData("buy milk tomorrow", "#1 “Buy milk” is already on your list, due tomorrow. To add another, say “add buy milk again tomorrow”; to move this one, say “move 1 to tomorrow”.")]
    [InlineData("buy bread tomorrow", "Should I add “Buy bread” as a task? Say “add buy bread tomorrow” (or “yes”) and I will.")]
    [InlineData("add milk tomorrow", "Added “Milk” (task 5), due tomorrow.")]
    [InlineData("I have a report due friday", "Added “Report” (task 5), due Friday.")]
    [InlineData("milk at 5", "Sorry, I didn't quite get that.")]
    [InlineData("milk yesterday", "Sorry, I didn't quite get that.")]
    [InlineData("milk tomorrow?", "Sorry, I didn't quite get that.")]
    [InlineData("see you tomorrow", "Sorry, I didn't quite get that.")]
    [InlineData("friday the 13th", "Sorry, I didn't quite get that.")]
    public async Task OtherMessagesWithADayKeepTheirReading(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.StartsWith(reply, await turns.TurnAsync(message), StringComparison.Ordinal);
        Assert.DoesNotContain(tools.Calls, c => c.Tool == "update_task");
    }

    [Fact]
    public async Task DoATaskOnADayMovesIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "do milk on friday", "“Buy milk” is now due Friday.", """list_tasks {"status":"pending","search":"milk","limit":200}""", """update_task {"task_id":1,"due":"2026-12-04"}""");
        await AssertSaidAsync(turns, tools, "do the garage saturday", "“Clean the garage” is now due Saturday.", """list_tasks {"status":"pending","search":"garage","limit":200}""", """update_task {"task_id":4,"due":"2026-12-05"}""");
        // "it": the task just talked about.
        Assert.Equal("“Clean the garage” is now due tomorrow.", await turns.TurnAsync("do it tomorrow"));
        Assert.Equal("Should I add “Do the laundry” as a task? Say “add do the laundry on friday” (or “yes”) and I will.", await turns.TurnAsync("do the laundry on friday"));
        Assert.Equal("Added “Do the laundry” (task 5), due Friday.", await turns.TurnAsync("yes"));
    }

    /// <summary>"do" starts questions too: those stay questions.</summary>
    [Theory]
    [InlineData("do I have anything on friday", "1 task due on Friday: #2 “Call mom” (due Friday at 18:00).")]
    [InlineData("do I have anything due tomorrow?", "1 task due tomorrow: #1 “Buy milk” (due tomorrow).")]
    public async Task QuestionsWithDoStayQuestions(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.DoesNotContain(tools.Calls, c => c.Tool == "update_task");
    }

    [Theory]
    [InlineData("the garage can wait till next week", "“Clean the garage” is now due Monday.", "garage", 4, "2026-12-07")]
    [InlineData("the garage can wait until monday", "“Clean the garage” is now due Monday.", "garage", 4, "2026-12-07")]
    [InlineData("call mom can wait till next week", "“Call mom” is now due Monday at 18:00.", "call mom", 2, "2026-12-07T18:00:00+00:00")]
    [InlineData("taxes can wait until saturday", "“File taxes” is now due Saturday.", "taxe", 3, "2026-12-05")]
    public async Task WhatCanWaitIsPostponed(string message, string reply, string search, long id, string due)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, $$"""list_tasks {"status":"all","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"due":"{{due}}"}""");
    }

    /// <summary>"can wait" without until when is asked, as "postpone the garage" is; "I can wait" is about the user.</summary>
    [Fact]
    public async Task CanWaitWithoutWhenAsksAndICanWaitIsNotATask()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        Assert.Equal("Until when? For example “the garage can wait till friday” or “push the garage back 2 days”.", await turns.TurnAsync("the garage can wait"));
        Assert.StartsWith("Sorry, I didn't quite get that.", await turns.TurnAsync("I can wait till friday"), StringComparison.Ordinal);
        Assert.Equal(calls, tools.Calls.Count);
    }

    [Theory]
    [InlineData("milk should be done by friday")]
    [InlineData("milk needs to be done by friday")]
    [InlineData("the milk has to be finished by friday")]
    [InlineData("milk must be ready for friday")]
    public async Task ATaskThatShouldBeDoneByADayIsDueThen(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "“Buy milk” is now due Friday.", """list_tasks {"status":"pending","search":"milk","limit":200}""", """update_task {"task_id":1,"due":"2026-12-04"}""");
    }

    [Fact]
    public async Task ATaskThatShouldBeDoneByADayAndIsNotThereIsOffered()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("Should I add “Report” as a task? Say “add report by friday” (or “yes”) and I will.", await turns.TurnAsync("the report should be done by friday"));
        Assert.Equal(4, tools.Tasks.Count);
        await AssertSaidAsync(turns, tools, "yes", "Added “Report” (task 5), due Friday.", """add_task {"title":"Report","due":"2026-12-04"}""");
    }

    /// <summary>A question about what is to be done by a day stays one.</summary>
    [Theory]
    [InlineData("what needs to be done by friday?", "2 tasks due by Friday: #1 “Buy milk” (due tomorrow) and #2 “Call mom” (due Friday at 18:00).")]
    [InlineData("what should be done by friday", "2 tasks due by Friday: #1 “Buy milk” (due tomorrow) and #2 “Call mom” (due Friday at 18:00).")]
    public async Task WhatShouldBeDoneByADayIsAQuestion(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.DoesNotContain(tools.Calls, c => c.Tool == "update_task");
    }

    /// <summary>As "remove the due date from milk" does: the same lookup and the same update.</summary>
    [Theory]
    [InlineData("remove the due date from milk")]
    [InlineData("milk no longer has a deadline")]
    [InlineData("milk has no deadline")]
    [InlineData("no deadline for milk")]
    [InlineData("milk doesn't have a deadline anymore")]
    [InlineData("the milk has no due date")]
    public async Task ADeadlineTakenAwayInWordsRemovesTheDueDate(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "Removed the due date of “Buy milk”.", """list_tasks {"status":"all","search":"milk","limit":200}""", """update_task {"task_id":1,"due":""}""");
        Assert.Null(tools.Tasks[0].Due);
    }

    [Fact]
    public async Task AQuestionAboutDeadlinesChangesNothing()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await turns.TurnAsync("which tasks have no deadline?");
        await turns.TurnAsync("does milk have a deadline?");
        Assert.DoesNotContain(tools.Calls, c => c.Tool == "update_task");
    }

    [Theory]
    [InlineData("what's in home", "2 tasks tagged #home: #1 “Buy milk” (due tomorrow) and #4 “Clean the garage”.", "home")]
    [InlineData("what's in work?", "1 task tagged #work: #3 “File taxes”.", "work")]
    [InlineData("whats in travel", "Nothing tagged #travel.", "travel")]
    public async Task WhatsInATagListsItsTasks(string message, string reply, string tag)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, $$"""list_tasks {"status":"pending","tag":"{{tag}}"}""");
    }

    /// <summary>Not a tag: a thing with an article, a month, a word that says something else.</summary>
    [Theory]
    [InlineData("what's in the fridge", "Sorry, I didn't quite get that.")]
    [InlineData("what's in there", "Sorry, I didn't quite get that.")]
    [InlineData("what's in march", "Nothing due in March 2027.")]
    public async Task WhatsInSomethingElseIsNotATag(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        Assert.StartsWith(reply, await turns.TurnAsync(message), StringComparison.Ordinal);
        Assert.DoesNotContain(tools.Calls.Skip(calls), c => c.Arguments.Contains("\"tag\":\"", StringComparison.Ordinal));
    }

    /// <summary>"the shopping list" tags as "my shopping list" does (<see cref="ListsByNameScenarioTests"/>); "the waiting list" is no list of theirs.</summary>
    [Fact]
    public async Task PutOnTheShoppingListAddsItTagged()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "put eggs on the shopping list", "Added “Eggs” (task 5), tagged #shopping.", """add_task {"title":"Eggs","tags":["shopping"]}""");
        Assert.Equal("Added “Bread” (task 6), tagged #grocery.", await turns.TurnAsync("add bread to the grocery list"));
        Assert.Equal("1 task tagged #shopping: #5 “Eggs”.", await turns.TurnAsync("what's on my shopping list?"));
        Assert.Equal("Added “My name on the waiting list” (task 7).", await turns.TurnAsync("put my name on the waiting list"));
    }

    [Fact]
    public async Task SortByDueDateListsSoonestFirst()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("move taxes to tuesday");

        await AssertSaidAsync(turns, tools, "sort by due date", "You have 4 pending tasks, soonest due first: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00), #3 “File taxes” (due Tuesday) and #4 “Clean the garage”.", """list_tasks {"status":"pending","sort":"due"}""");
        Assert.Equal("You have 4 pending tasks, by name: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00), #4 “Clean the garage” and #3 “File taxes” (due Tuesday).",
            await turns.TurnAsync("sort them alphabetically"));
    }

    /// <summary>Highest first, then soonest due, as the task service sorts (a low priority comes before none).</summary>
    [Theory]
    [InlineData("sort my tasks by priority")]
    [InlineData("sort by priority")]
    [InlineData("show my tasks by priority")]
    [InlineData("order the list by importance")]
    public async Task SortByPriorityListsHighestFirst(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("make the garage high priority");
        await turns.TurnAsync("make 3 low priority");

        await AssertSaidAsync(turns, tools, message, "You have 4 pending tasks, highest priority first: #4 “Clean the garage” (high priority), #3 “File taxes” (low priority), #1 “Buy milk” (due tomorrow) and #2 “Call mom” (due Friday at 18:00).", """list_tasks {"status":"pending","sort":"priority"}""");
    }

    [Fact]
    public async Task ASortThatIsNotOneSaysWhichThereAreAndNeverOffersATask()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        Assert.Equal("I can sort your tasks by due date, priority or name: say “sort by due date”, “sort by priority” or “sort by name”.", await turns.TurnAsync("sort by colour"));
        Assert.Equal(calls, tools.Calls.Count);
        // "sort" as a thing to do is still one.
        Assert.Equal("Should I add “Sort the laundry” as a task? Say “add sort the laundry” (or “yes”) and I will.", await turns.TurnAsync("sort the laundry"));
    }

    [Fact]
    public async Task SortByDueDateWithoutDueDatesSaysSo()
    {
        var (turns, tools) = Start(withTaskFields: false);
        await turns.TurnAsync("add buy milk");

        Assert.Equal("I can't sort by due date yet: tasks don't have due dates in this task service. Say “what's left?” to see your pending tasks.", await turns.TurnAsync("sort by due date"));
        Assert.Equal("You have 1 pending task, by name: #1 “Buy milk”.", await turns.TurnAsync("sort by name"));
        Assert.DoesNotContain(tools.Calls, c => c.Arguments.Contains("\"sort\"", StringComparison.Ordinal));
    }

    /// <summary>Urgent: overdue, due today, or high priority; the soonest due are read, as "what should I do first?" reads them.</summary>
    [Theory]
    [InlineData("anything urgent?")]
    [InlineData("what's urgent?")]
    [InlineData("is anything urgent")]
    [InlineData("do I have anything urgent?")]
    [InlineData("show urgent tasks")]
    [InlineData("urgent tasks")]
    public async Task WhatIsUrgentIsOverdueDueTodayOrHighPriority(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add renew passport high priority");
        await turns.TurnAsync("add dentist today at 3pm");
        await turns.TurnAsync("add pay rent today at 8am");

        await AssertSaidAsync(turns, tools, message, "3 urgent tasks: #7 “Pay rent” (overdue, was due today at 08:00), #6 “Dentist” (due today at 15:00) and #5 “Renew passport” (high priority).", """list_tasks {"status":"pending","sort":"due","limit":200}""");
    }

    [Fact]
    public async Task NothingUrgentNamesTheNextDue()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("Nothing is urgent: nothing is overdue, due today or high priority. Next due: #1 “Buy milk” (due tomorrow).", await turns.TurnAsync("anything urgent?"));
        Assert.Equal("Nothing is urgent: you have no pending tasks.", await Start().Turns.TurnAsync("anything urgent?"));
    }

    /// <summary>"most urgent" still ranks what to do first; "high priority" is the priority alone.</summary>
    [Fact]
    public async Task MostUrgentAndHighPriorityKeepTheirAnswers()
    {
        var (turns, _) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add renew passport high priority");

        Assert.Equal("Start with #1 “Buy milk” (due tomorrow). Then #2 “Call mom” (due Friday at 18:00) and #5 “Renew passport” (high priority).", await turns.TurnAsync("what's most urgent?"));
        Assert.Equal("1 task with high priority: #5 “Renew passport” (high priority).", await turns.TurnAsync("show high priority tasks"));
    }

    /// <summary>Before, a second “Call mom” was added beside the one there; "undo" takes the repeat back.</summary>
    [Fact]
    public async Task ARepeatSaidOfATaskThereMakesItRepeat()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "call mom every sunday", "“Call mom” was already on your list, so it now repeats every Sunday, next due Sunday at 18:00 (I didn't add another). To add a second one, say “add call mom again every sunday”.", """list_tasks {"status":"pending","search":"call mom","limit":200}""", """update_task {"task_id":2,"recurrence":"FREQ=WEEKLY;BYDAY=SU"}""");
        Assert.Equal(4, tools.Tasks.Count);
        Assert.Equal("FREQ=WEEKLY;BYDAY=SU", tools.Tasks[1].Recurrence);
        Assert.Equal("2026-12-06T18:00:00+00:00", tools.Tasks[1].Due); // due Friday before: moved to the first Sunday
        Assert.Equal("Undone: “Call mom” is back to how it was.", await turns.TurnAsync("undo"));
        Assert.True(string.IsNullOrEmpty(tools.Tasks[1].Recurrence));
        Assert.Equal("2026-12-04T18:00:00+00:00", tools.Tasks[1].Due); // the due date the repeat moved, back too
        Assert.Equal("Added “Call mom” (task 5), repeating every Sunday.", await turns.TurnAsync("add call mom again every sunday"));
    }

    /// <summary>
    /// Adding stays adding: with "add", with no task still to do of that title (another title with those words, or the one
    /// there done), or with more than a repeat said (a time would be lost on the task there).
    /// </summary>
    [Theory]
    [InlineData("add call mom every sunday", "Added “Call mom” (task 5), repeating every Sunday. You already had “Call mom” (task 2): say “undo” if this one was a slip.")]
    [InlineData("call mom about the party every sunday", "Added “Call mom about the party” (task 5), repeating every Sunday.")]
    [InlineData("water the plants every 3 days", "Added “Water the plants” (task 5), repeating every 3 days.")]
    public async Task ARepeatOfATaskNotThereAddsIt(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(5, tools.Tasks.Count);
        Assert.True(string.IsNullOrEmpty(tools.Tasks[1].Recurrence));
    }

    [Fact]
    public async Task ARepeatOfATaskDoneAddsANewOne()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("complete 2");

        await AssertSaidAsync(turns, tools, "call mom every sunday", "Added “Call mom” (task 5), repeating every Sunday.", """list_tasks {"status":"pending","search":"call mom","limit":200}""", """add_task {"title":"Call mom","recurrence":"FREQ=WEEKLY;BYDAY=SU"}""");
    }
}
