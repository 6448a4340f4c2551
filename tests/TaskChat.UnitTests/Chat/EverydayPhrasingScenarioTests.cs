using Microsoft.Extensions.Time.Testing;
using TaskChat.Agent;
using TaskChat.Contract;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday phrasings a walk-through of the chat found misread (session 29's list): times said the way people say them,
/// a bare hour in the evening, corrections, a task said without "add", slips in the verb, a preamble, a message in
/// capitals, a task added twice, a weekday for a task due in a later week. Whole conversations against the fake tools;
/// the clock is Wednesday 2 December 2026, 09:00 UTC, unless a test says otherwise.
/// </summary>
public class EverydayPhrasingScenarioTests
{
    // Saturday 5 December 2026, 19:00 UTC: the evening, when "at 8" means tonight.
    private static readonly DateTimeOffset SaturdayEvening = new(2026, 12, 5, 19, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("add call the dentist at half past 4", "Call the dentist", "2026-12-02T16:30:00+00:00")]
    [InlineData("add team sync tomorrow at quarter to 10", "Team sync", "2026-12-03T09:45:00+00:00")]
    [InlineData("add standup friday at a quarter past nine", "Standup", "2026-12-04T09:15:00+00:00")]
    [InlineData("add pick up the kids at half past three", "Pick up the kids", "2026-12-02T15:30:00+00:00")]
    [InlineData("add late call at quarter to 12 pm", "Late call", "2026-12-02T11:45:00+00:00")]
    public async Task HalfPastAndQuarterToAreTimesOfDay(string message, string title, string due)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);

        Assert.Equal((title, due), (tools.Tasks[0].Title, tools.Tasks[0].Due));
    }

    [Fact]
    public async Task HalfToIsNotATimeAndStaysInTheTitle()
    {
        var (turns, tools) = Start();

        await turns.TurnAsync("add nap at half to 4");

        Assert.Equal(("Nap at half to 4", null), (tools.Tasks[0].Title, tools.Tasks[0].Due));
    }

    /// <summary>
    /// "add call bob at 8" said at 19:00 was due 08:00 the next morning (13 hours later): an hour without am/pm or a day is
    /// the next one to come. With a day or a part of the day it is read as before.
    /// </summary>
    [Theory]
    [InlineData("add call bob at 8", "2026-12-05T20:00:00+00:00", "“Call bob” (task 1), due today at 20:00.")]
    [InlineData("add pay the bills at 11", "2026-12-05T23:00:00+00:00", "“Pay the bills” (task 1), due today at 23:00.")]
    [InlineData("add run at 8 in the morning", "2026-12-06T08:00:00+00:00", "“Run” (task 1), due tomorrow at 08:00.")]
    [InlineData("add standup tomorrow at 8", "2026-12-06T08:00:00+00:00", "“Standup” (task 1), due tomorrow at 08:00.")]
    [InlineData("add feed the cat at 7", "2026-12-06T19:00:00+00:00", "“Feed the cat” (task 1), due tomorrow at 19:00.")]
    public async Task ABareHourWithoutADayIsTheNextOneToCome(string message, string due, string reply)
    {
        var (turns, tools) = Start(time: new FakeTimeProvider(SaturdayEvening));

        Assert.Equal("Added " + reply, await turns.TurnAsync(message));
        Assert.Equal(due, tools.Tasks[0].Due);
    }

    [Fact]
    public async Task ABareHourInTheMorningIsThatMorning()
    {
        var (turns, tools) = Start(time: new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.Zero)));

        await turns.TurnAsync("add call bob at 8");

        Assert.Equal("2026-12-05T08:00:00+00:00", tools.Tasks[0].Due);
    }

    /// <summary>
    /// "move the haircut to 4" was offered as a new task “Move the haircut to 4”: a clock hour alone after "to" is a time,
    /// on the task's own day. An evening reading of "8" made tonight is the morning on another day.
    /// </summary>
    [Fact]
    public async Task MovingATaskToABareHourKeepsItsDay()
    {
        var (turns, tools) = Start(time: new FakeTimeProvider(SaturdayEvening));
        await turns.TurnAsync("add haircut friday at 2pm");
        await turns.TurnAsync("add standup tomorrow at 9am");

        Assert.Equal("“Haircut” is now due Friday at 16:00.", await turns.TurnAsync("move the haircut to 4"));
        Assert.Equal("“Standup” is now due tomorrow at 08:00.", await turns.TurnAsync("move the standup to 8"));
        Assert.Equal("“Standup” is now due tomorrow at 10:00.", await turns.TurnAsync("change it to 10"));
        Assert.Equal(["Haircut", "Standup"], tools.Tasks.Select(t => t.Title));
        Assert.Equal("2026-12-11T16:00:00+00:00", tools.Tasks[0].Due);
    }

    /// <summary>"due wednesday, not tomorrow" listed what is due tomorrow, and "I meant thursday" was not understood.</summary>
    [Fact]
    public async Task ACorrectionMovesTheTaskJustTalkedAbout()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add pay rent tomorrow");

        Assert.Equal("“Pay rent” is now due Wednesday 9 December.", await turns.TurnAsync("due wednesday, not tomorrow"));
        Assert.Equal("“Pay rent” is now due Friday.", await turns.TurnAsync("I meant friday"));
        Assert.Equal("“Pay rent” is now due tomorrow at 17:00.", await turns.TurnAsync("no, thursday at 5"));
        Assert.Equal("“Pay rent” is now due Monday at 17:00.", await turns.TurnAsync("sorry, monday not thursday"));
        Assert.Equal("2026-12-07T17:00:00+00:00", tools.Tasks[0].Due);
        Assert.Equal("Undone: “Pay rent” is back to how it was.", await turns.TurnAsync("undo"));
        Assert.Equal("2026-12-03T17:00:00+00:00", tools.Tasks[0].Due);
    }

    [Fact]
    public async Task AQuestionWithNotIsStillAQuestion()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add pay rent tomorrow");

        Assert.Equal("1 task due tomorrow: #1 “Pay rent” (due tomorrow).", await turns.TurnAsync("what's due tomorrow, not today?"));
        Assert.Equal("2026-12-03", tools.Tasks[0].Due);
    }

    /// <summary>"I have a report due friday" was not understood: something with a day to remember is a task.</summary>
    [Theory]
    [InlineData("I have a report due friday", "Report", "2026-12-04")]
    [InlineData("I've got a dentist appointment tomorrow at 3", "Dentist appointment", "2026-12-03T15:00:00+00:00")]
    [InlineData("there's a team lunch on thursday", "Team lunch", "2026-12-03")]
    [InlineData("i have an exam next monday at 9am", "Exam", "2026-12-07T09:00:00+00:00")]
    public async Task SomethingIHaveOnADayIsATask(string message, string title, string due)
    {
        var (turns, tools) = Start();

        Assert.StartsWith($"Added “{title}” (task 1), due ", await turns.TurnAsync(message));
        Assert.Equal((title, due), (tools.Tasks[0].Title, tools.Tasks[0].Due));
    }

    [Theory]
    [InlineData("I have a cold")]
    [InlineData("I have nothing due friday")]
    [InlineData("I have no idea")]
    public async Task SomethingIHaveWithoutADayIsNotATask(string message)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);

        Assert.Empty(tools.Tasks);
    }

    /// <summary>"ad milk", "delet the milk", "remnd me …" were not understood: one letter off the verb is the verb.</summary>
    [Fact]
    public async Task ASlipInTheVerbIsReadAsTheVerb()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Milk” (task 1).", await turns.TurnAsync("ad milk"));
        Assert.Equal("Added “Buy eggs” (task 2).", await turns.TurnAsync("addd buy eggs"));
        Assert.Equal("Marked “Buy eggs” done.", await turns.TurnAsync("compelte the eggs"));
        Assert.Equal("Deleted “Milk”. Say “undo” to bring it back.", await turns.TurnAsync("delet the milk"));
        Assert.StartsWith("Added “Call mom” (task 3), due tomorrow", await turns.TurnAsync("remnd me to call mom tomorrow"));
        Assert.Equal(["Buy eggs", "Call mom"], tools.Tasks.Select(t => t.Title));
    }

    /// <summary>
    /// Not mended into "list", "mark" or "shop"'s neighbours: at most the words are looked for, as any few words that make no
    /// request are ("mask the windows"), and adding them is offered; nothing is listed or changed.
    /// </summary>
    [Theory]
    [InlineData("lost my keys")] // "list", one letter off, is not mended: too many everyday words are near it.
    [InlineData("shop for gifts")]
    [InlineData("mask the windows")]
    public async Task WordsNearAShortVerbAreNotMendedIntoIt(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");
        var calls = tools.Calls.Count;

        var reply = await turns.TurnAsync(message);

        Assert.All(tools.Calls.Skip(calls), call => Assert.Equal(("list_tasks", true), (call.Tool, call.Arguments.Contains("\"search\"", StringComparison.Ordinal))));
        Assert.Equal(["Buy milk"], tools.Tasks.Select(t => t.Title));
        Assert.DoesNotContain("pending", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyASlipOfOneLetterWithTheFirstLetterRightIsMended()
    {
        Assert.Equal("delete", Rereadings.Slip("dlete"));
        Assert.Equal("delete", Rereadings.Slip("delte"));
        Assert.Equal("remind", Rereadings.Slip("rmind"));
        Assert.Equal("add", Rereadings.Slip("ad"));
        Assert.Null(Rereadings.Slip("add"));
        Assert.Null(Rereadings.Slip("elete"));
        Assert.Null(Rereadings.Slip("dleet"));
        Assert.Null(Rereadings.Slip("a"));
    }

    /// <summary>"ok so this week is crazy. I need to finish the slides by thursday" was not understood.</summary>
    [Fact]
    public async Task ARequestAfterAPreambleIsRead()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Finish the slides” (task 1), due tomorrow.", await turns.TurnAsync("ok so this week is crazy. I need to finish the slides by thursday"));
        Assert.Equal("You have 1 pending task: #1 “Finish the slides” (due tomorrow).", await turns.TurnAsync("I'm so tired today! what's left?"));
        Assert.Single(tools.Tasks);
    }

    /// <summary>"BUY TOILET PAPER" was offered as “add bUY TOILET PAPER”: a message in capitals is read as ordinary words.</summary>
    [Fact]
    public async Task AMessageInCapitalsIsReadAsOrdinaryWords()
    {
        var (turns, tools) = Start();

        Assert.Equal("Should I add “Buy toilet paper” as a task? Say “add buy toilet paper” (or “yes”) and I will.", await turns.TurnAsync("BUY TOILET PAPER"));
        await turns.TurnAsync("yes");
        await turns.TurnAsync("ADD CALL THE PLUMBER TOMORROW");
        await turns.TurnAsync("add call the IRS about taxes");

        Assert.Equal(["Buy toilet paper", "Call the plumber", "Call the IRS about taxes"], tools.Tasks.Select(t => t.Title));
        Assert.Equal("2026-12-03", tools.Tasks[1].Due);
    }

    /// <summary>"add buy milk" twice made two without a word: the second is added and said to be a second one.</summary>
    [Fact]
    public async Task ATaskAddedAgainIsAddedAndSaidToBeASecondOne()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");

        Assert.Equal("Added “Buy Milk” (task 2). You already had “Buy milk” (task 1): say “undo” if this one was a slip.", await turns.TurnAsync("add Buy Milk"));
        Assert.Equal("Undone: removed “Buy Milk” again.", await turns.TurnAsync("undo"));
        Assert.Equal("Added 2 tasks: “Call mom” (task 3) and “Buy milk” (task 4). You already had “Buy milk” (task 1).", await turns.TurnAsync("add call mom and buy milk"));
        Assert.Equal(4, tools.Calls.Count(c => c.Tool == ToolNames.AddTask));
    }

    [Fact]
    public async Task ATaskDoneOrDeletedSinceIsNotSaidToBeThereAlready()
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add call mom");
        await turns.TurnAsync("add pay rent");
        await turns.TurnAsync("mark call mom done");
        await turns.TurnAsync("delete pay rent");

        Assert.Equal("Added “Call mom” (task 3).", await turns.TurnAsync("add call mom"));
        Assert.Equal("Added “Pay rent” (task 4).", await turns.TurnAsync("add pay rent"));
    }

    [Fact]
    public async Task ATaskAListShowedIsKnownToBeThere()
    {
        var (earlier, tools) = Start();
        await earlier.TurnAsync("add water the plants");
        // Another conversation, which knows the task only from its list.
        var turns = AnotherConversation(tools);
        await turns.TurnAsync("what's left?");

        Assert.EndsWith("You already had “Water the plants” (task 1): say “undo” if this one was a slip.", await turns.TurnAsync("add water the plants"));
    }

    /// <summary>
    /// "move it to thursday" for a task due Tuesday 15 December moved it to Thursday 10 December, before the day it was
    /// moved from: a weekday alone moves a task due in a later week within that week.
    /// </summary>
    [Fact]
    public async Task AWeekdayAloneMovesATaskDueInALaterWeekWithinItsWeek()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add dentist december 15 at 10am");
        await turns.TurnAsync("add report tomorrow");

        Assert.Equal("“Dentist” is now due Thursday 17 December at 10:00.", await turns.TurnAsync("move the dentist to thursday"));
        Assert.Equal("“Dentist” is now due Monday 14 December at 10:00.", await turns.TurnAsync("move it to monday"));
        Assert.Equal("“Dentist” is now due tomorrow at 10:00.", await turns.TurnAsync("move it to this thursday"));
        Assert.Equal("“Report” is now due Monday.", await turns.TurnAsync("move the report to monday"));
        Assert.Equal(("2026-12-03T10:00:00+00:00", "2026-12-07"), (tools.Tasks[0].Due, tools.Tasks[1].Due));
    }
}
