using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Things people type in few words, which session 40's walk through the chat found not understood or misread: a task named
/// alone ("milk", "the garage one?"), a date without "move" ("schedule milk for friday", "set the garage to saturday", "milk
/// due friday"), the list named before when ("tasks due this week", "things to do tomorrow") or after a tag ("work tasks").
/// Whole conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class SaidInFewWordsScenarioTests
{
    [Theory]
    [InlineData("milk")]
    [InlineData("milk?")]
    [InlineData("the milk one")]
    [InlineData("what about milk")]
    [InlineData("do I have anything about milk?")]
    [InlineData("is there anything about milk")]
    public async Task ATaskNamedAloneIsLookedFor(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        Assert.Equal("1 task matching “milk”: #1 “Buy milk” (due tomorrow).", await turns.TurnAsync(message));
        Assert.Equal([("list_tasks", true)], tools.Calls.Skip(calls).Select(c => (c.Tool, c.Arguments.Contains("\"search\":\"milk\"", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task AThingNamedThatNoTaskHasIsOfferedAndYesAddsIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("I found no task matching “dentist”. Should I add “Dentist” as a task? Say “add dentist” (or “yes”) and I will.",
            await turns.TurnAsync("the dentist"));
        Assert.Equal("Added “Dentist” (task 5).", await turns.TurnAsync("yes"));
        Assert.Equal("Dentist", tools.Tasks[^1].Title);
    }

    /// <summary>
    /// "call mom" looked like a task to add; with a “Call mom” still to do, adding it again is no longer offered (a "yes"
    /// added a second): the one there is named, with how to add another or move it.
    /// </summary>
    [Fact]
    public async Task ATaskSaidAgainIsNamedRatherThanOfferedTwice()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("#2 “Call mom” is already on your list, due Friday at 18:00. To add another, say “add call mom again”.", await turns.TurnAsync("call mom"));
        Assert.StartsWith("Yes to what?", await turns.TurnAsync("yes"), StringComparison.Ordinal);
        Assert.Equal("#2 “Call mom” is already on your list, due Friday at 18:00. To add another, say “add call mom again tomorrow”; to move this one, say “move 2 to tomorrow”.",
            await turns.TurnAsync("call mom tomorrow"));
        Assert.Equal("“Call mom” is now due tomorrow at 18:00.", await turns.TurnAsync("move 2 to tomorrow"));
        Assert.StartsWith("Added “Call mom” (task 5), due tomorrow", await turns.TurnAsync("add call mom again tomorrow"), StringComparison.Ordinal);
        Assert.Equal(2, tools.Tasks.Count(t => t.Title == "Call mom"));

        await turns.TurnAsync("complete 3");
        Assert.Equal("Should I add “File taxes” as a task? Say “add file taxes” (or “yes”) and I will.", await turns.TurnAsync("file taxes"));
    }

    /// <summary>What is not a name stays "not understood": a day, a place in a list with none asked about, what happened.</summary>
    [Theory]
    [InlineData("friday the 13th")]
    [InlineData("second")]
    [InlineData("lost my keys")]
    [InlineData("I'm tired")]
    [InlineData("blah")]
    [InlineData("stop")]
    [InlineData("more tasks")]
    public async Task WordsThatNameNoThingAreNotLookedFor(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var calls = tools.Calls.Count;

        Assert.StartsWith("Sorry, I didn't quite get that.", await turns.TurnAsync(message), StringComparison.Ordinal);
        Assert.Equal(calls, tools.Calls.Count);
    }

    [Theory]
    [InlineData("schedule milk for friday")]
    [InlineData("put the milk on friday")]
    [InlineData("set milk for friday")]
    [InlineData("set the milk to friday")]
    [InlineData("milk due friday")]
    [InlineData("milk due on friday")]
    public async Task ADateForATaskThereMovesIt(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("“Buy milk” is now due Friday.", await turns.TurnAsync(message));
        Assert.Equal("2026-12-04", tools.Tasks[0].Due);
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Fact]
    public async Task ATimeSaidWithADayKeepsBoth()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("“Clean the garage” is now due Saturday at 10:00.", await turns.TurnAsync("set the garage to saturday at 10"));
        Assert.Equal("“Call mom” is now due Monday at 18:00.", await turns.TurnAsync("schedule 2 for monday"));
        Assert.Equal(("2026-12-05T10:00:00+00:00", "2026-12-07T18:00:00+00:00"), (tools.Tasks[3].Due, tools.Tasks[1].Due));
    }

    /// <summary>"schedule" and "put" always added a task; they still do when none still to do has those words.</summary>
    [Fact]
    public async Task ScheduleWithNoSuchTaskAddsIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add dentist");
        await turns.TurnAsync("dentist done");

        Assert.Equal("Added “Dentist” (task 6), due Friday.", await turns.TurnAsync("schedule the dentist for friday"));
        Assert.Equal("Added “Haircut” (task 7), due Tuesday.", await turns.TurnAsync("schedule a haircut for tuesday"));
        Assert.Equal(["Dentist", "Dentist", "Haircut"], tools.Tasks.Skip(4).Select(t => t.Title));
        Assert.True(tools.Tasks[4].Completed);
        Assert.Null(tools.Tasks[4].Due);
    }

    /// <summary>"set a reminder for …" as "remind me about …": the task there reminded, or a new one (before: "What should I change?").</summary>
    [Fact]
    public async Task AReminderSetForATaskIsItsReminder()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("I'll remind you about “Buy milk” tomorrow at 17:00.", await turns.TurnAsync("set a reminder for the milk at 5pm"));
        Assert.Equal("I'll remind you about “Call mom” Friday at 16:00.", await turns.TurnAsync("add a reminder for call mom at 4pm"));
        Assert.Equal("Added “The dentist” (task 5), due today at 17:00, I'll remind you then.", await turns.TurnAsync("set a reminder for the dentist at 5pm"));
        Assert.Equal(["2026-12-03T17:00:00+00:00"], tools.Tasks[0].Reminders);
        Assert.Equal(5, tools.Tasks.Count);
    }

    [Fact]
    public async Task ADateForATaskThatIsNotThereOffersToAddItWithThatDate()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("Should I add “Dentist” as a task? Say “add dentist due tomorrow at 9” (or “yes”) and I will.", await turns.TurnAsync("dentist due tomorrow at 9"));
        Assert.Equal(4, tools.Tasks.Count);
        Assert.Equal("Added “Dentist” (task 5), due tomorrow at 09:00.", await turns.TurnAsync("yes"));
        Assert.Equal("2026-12-03T09:00:00+00:00", tools.Tasks[^1].Due);
    }

    /// <summary>"due" in other messages keeps its meaning: an add, a list's question, a reminder, another field.</summary>
    [Theory]
    [InlineData("I have a report due friday", "Added “Report” (task 5), due Friday.")]
    [InlineData("tasks due friday", "1 task due on Friday: #2 “Call mom” (due Friday at 18:00).")]
    [InlineData("set 3 to high priority", "“File taxes” is now high priority.")]
    [InlineData("remove everything due saturday", "There's nothing due on Saturday, so I left everything as it was.")]
    public async Task OtherMessagesWithTheseWordsAreReadAsBefore(string message, string reply)
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
    }

    [Theory]
    [InlineData("tasks due this week", "2 tasks due this week: #1 “Buy milk” (due tomorrow) and #2 “Call mom” (due Friday at 18:00).")]
    [InlineData("tasks for tomorrow", "1 task due tomorrow: #1 “Buy milk” (due tomorrow).")]
    [InlineData("my tasks for tomorrow", "1 task due tomorrow: #1 “Buy milk” (due tomorrow).")]
    [InlineData("things to do this weekend", "Nothing due this weekend.")]
    [InlineData("stuff due next week", "Nothing due next week.")]
    [InlineData("tasks due by friday", "2 tasks due by Friday: #1 “Buy milk” (due tomorrow) and #2 “Call mom” (due Friday at 18:00).")]
    [InlineData("work tasks", "1 task tagged #work: #3 “File taxes”.")]
    [InlineData("home stuff", "2 tasks tagged #home: #1 “Buy milk” (due tomorrow) and #4 “Clean the garage”.")]
    public async Task TheListNamedFirstIsAQuestion(string message, string reply)
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
    }
}
