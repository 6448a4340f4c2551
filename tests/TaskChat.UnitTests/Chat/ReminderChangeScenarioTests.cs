using TaskChat.Contract;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Reminders a task already has, removed or changed, and "remind me about &lt;a task I have&gt; at …" on that task: found
/// by using the chat, where each of these was a new task, a deletion or "I'm not sure". Whole conversations against the
/// fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class ReminderChangeScenarioTests
{

    // "Call mom" due tomorrow at 17:00 with a reminder an hour before and one tomorrow at 10:00, and "Buy milk" without any.
    private static async Task<(OfflineTurns Turns, FakeTaskTools Tools)> StartWithCallMomAsync()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add call mom tomorrow at 5pm");
        await turns.TurnAsync("remind me an hour before");
        await turns.TurnAsync("remind me about it tomorrow at 10am");
        await turns.TurnAsync("add buy milk");
        Assert.Equal(["PT1H", "2026-12-03T10:00:00+00:00"], tools.Tasks[0].Reminders);
        return (turns, tools);
    }

    private static int Updates(FakeTaskTools tools) => tools.Calls.Count(c => c.Tool == ToolNames.UpdateTask);

    [Theory]
    [InlineData("remove the reminders from call mom")]
    [InlineData("stop reminding me about call mom")]
    [InlineData("don't remind me about call mom")]
    [InlineData("turn off all reminders for call mom")]
    [InlineData("no more reminders for call mom")]
    public async Task EveryReminderOfTheTaskNamedGoesAndUndoBringsThemBack(string message)
    {
        var (turns, tools) = await StartWithCallMomAsync();

        Assert.Equal("“Call mom” has no reminders now.", await turns.TurnAsync(message));
        Assert.Empty(tools.Tasks[0].Reminders);
        Assert.Equal("2026-12-03T17:00:00+00:00", tools.Tasks[0].Due);

        Assert.Equal("Undone: “Call mom” is back to how it was.", await turns.TurnAsync("undo"));
        Assert.Equal(["PT1H", "2026-12-03T10:00:00+00:00"], tools.Tasks[0].Reminders);
    }

    [Fact]
    public async Task DontRemindMeAboutTheChemExamRemovesItsReminders()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add chem exam friday at 9am");
        await turns.TurnAsync("remind me a day before");
        await turns.TurnAsync("add buy milk");

        Assert.Equal("“Chem exam” has no reminders now.", await turns.TurnAsync("don't remind me about the chem exam"));
        Assert.Empty(tools.Tasks[0].Reminders);
    }

    [Theory]
    [InlineData("cancel the reminder for call mom", "Removed the reminder 1 hour before from “Call mom”.")]
    [InlineData("remove the reminder", "Removed the reminder 1 hour before from “Call mom”.")]
    [InlineData("remove its reminder", "Removed the reminder 1 hour before from “Call mom”.")]
    [InlineData("no reminder for it", "“Call mom” has no reminders now.")]
    [InlineData("don't remind me about it anymore", "“Call mom” has no reminders now.")]
    public async Task TheReminderOfATaskWithOneIsRemoved(string message, string reply)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add call mom tomorrow at 5pm");
        await turns.TurnAsync("remind me an hour before");

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Empty(tools.Tasks[0].Reminders);
        await turns.TurnAsync("undo");
        Assert.Equal(["PT1H"], tools.Tasks[0].Reminders);
    }

    [Fact]
    public async Task TheReminderOfATaskWithSeveralIsAskedAboutAndNothingChanges()
    {
        var (turns, tools) = await StartWithCallMomAsync();
        var updates = Updates(tools);

        Assert.Equal("“Call mom” has 2 reminders: 1 hour before and tomorrow at 10:00. Which one should I remove? " +
            "For example “remove the 1 hour reminder from 1”, or “remove the reminders from 1” to remove them all.", await turns.TurnAsync("cancel the reminder for call mom"));
        Assert.Equal(updates, Updates(tools));
        Assert.Equal(2, tools.Tasks[0].Reminders.Length);
    }

    [Fact]
    public async Task TheOneHourReminderGoesAndTheOthersStay()
    {
        var (turns, tools) = await StartWithCallMomAsync();

        Assert.Equal("Removed the reminder 1 hour before from “Call mom”.", await turns.TurnAsync("remove the 1 hour reminder from call mom"));
        Assert.Equal(["2026-12-03T10:00:00+00:00"], tools.Tasks[0].Reminders);

        Assert.Equal("Undone: “Call mom” is back to how it was.", await turns.TurnAsync("undo"));
        Assert.Equal(["PT1H", "2026-12-03T10:00:00+00:00"], tools.Tasks[0].Reminders);

        Assert.Equal("“Call mom” has no reminder 2 days before; its reminders are 1 hour before and tomorrow at 10:00.",
            await turns.TurnAsync("remove the 2 day reminder from call mom"));
        Assert.Equal(2, tools.Tasks[0].Reminders.Length);
    }

    [Fact]
    public async Task ATaskWithoutRemindersIsSaidSoAndNothingIsSent()
    {
        var (turns, tools) = await StartWithCallMomAsync();
        var updates = Updates(tools);

        Assert.Equal("“Buy milk” has no reminders, so there is nothing to remove.", await turns.TurnAsync("remove the reminders from buy milk"));
        Assert.Equal("“Buy milk” has no reminders, so there is nothing to remove.", await turns.TurnAsync("no reminder for it"));
        Assert.Equal(updates, Updates(tools));
    }

    [Fact]
    public async Task MakeTheReminderThirtyMinutesBeforeInsteadReplacesTheOnlyOne()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add call mom tomorrow at 5pm");
        await turns.TurnAsync("remind me an hour before");
        await turns.TurnAsync("add buy milk");

        Assert.Equal("I'll remind you about “Call mom” 30 minutes before it's due instead of 1 hour before.",
            await turns.TurnAsync("make the reminder for call mom 30 minutes before instead"));
        Assert.Equal(["PT30M"], tools.Tasks[0].Reminders);

        Assert.Equal("Undone: “Call mom” is back to how it was.", await turns.TurnAsync("undo"));
        Assert.Equal(["PT1H"], tools.Tasks[0].Reminders);

        Assert.Equal("I'll remind you about “Call mom” 2 hours before it's due instead of 1 hour before.",
            await turns.TurnAsync("change the reminder for call mom to 2 hours before"));
        Assert.Equal("I'll remind you about “Call mom” 30 minutes before it's due instead of 2 hours before.", await turns.TurnAsync("remind me 30 minutes before instead"));
        Assert.Equal("“Call mom” already reminds you 30 minutes before it's due.", await turns.TurnAsync("make the reminder 30 minutes before instead"));
        Assert.Equal(["PT30M"], tools.Tasks[0].Reminders);
    }

    [Fact]
    public async Task MakeTheReminderInsteadAsksWhichWhenThereAreSeveral()
    {
        var (turns, tools) = await StartWithCallMomAsync();
        var updates = Updates(tools);

        Assert.Equal("“Call mom” has 2 reminders: 1 hour before and tomorrow at 10:00. Which one should be 30 minutes before? " +
            "For example “change the 1 hour reminder of 1 to 30 minutes before”.", await turns.TurnAsync("make the reminder for call mom 30 minutes before instead"));
        Assert.Equal(updates, Updates(tools));

        Assert.Equal("I'll remind you about “Call mom” 30 minutes before it's due instead of 1 hour before.",
            await turns.TurnAsync("change the 1 hour reminder of 1 to 30 minutes before"));
        Assert.Equal(["2026-12-03T10:00:00+00:00", "PT30M"], tools.Tasks[0].Reminders);
    }

    [Fact]
    public async Task AReminderBeforeTheDueTimeInsteadNeedsADueDate()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add book flights");
        await turns.TurnAsync("remind me about it tomorrow at 10am");

        Assert.Equal("“Book flights” has no due date, so there is nothing to remind you before. Give it one first, for example “set 1 due tomorrow at 5pm”.",
            await turns.TurnAsync("make the reminder 30 minutes before instead"));
        Assert.Equal("I'll remind you about “Book flights” Friday at 09:00 instead of tomorrow at 10:00.", await turns.TurnAsync("make the reminder friday instead"));
        Assert.Equal(["2026-12-04T09:00:00+00:00"], tools.Tasks[0].Reminders);
    }

    [Fact]
    public async Task NoTaskNamedIsAskedForAndAMissingNumberIsSaidSo()
    {
        var (turns, tools) = await StartWithCallMomAsync();
        var updates = Updates(tools);

        Assert.Equal("Which task should I remove the reminders from? Tell me its number or a few words of its title, for example “remove the reminders from 3”.",
            await turns.TurnAsync("remove the reminders from"));
        Assert.StartsWith("Which task should I remove the reminders from?", await turns.TurnAsync("don't remind me about"), StringComparison.Ordinal);
        Assert.StartsWith("Which task should I remove the reminders from?", await turns.TurnAsync("remove the reminders from all my tasks"), StringComparison.Ordinal);
        Assert.Equal("I couldn't find task 42.", await turns.TurnAsync("remove the reminders from 42"));
        Assert.Equal("I couldn't find task 99.", await turns.TurnAsync("make the reminder for 99 30 minutes before instead"));
        Assert.Equal("I couldn't find a task matching “dentist”. Say “show my tasks” to see them all.", await turns.TurnAsync("stop reminding me about the dentist"));
        Assert.Equal(updates, Updates(tools));
        Assert.Equal(2, tools.Tasks.Count);
    }

    [Fact]
    public async Task RemoveTheReminderWithNothingBeforeAsksWhichTask()
    {
        var (turns, tools) = Start();

        Assert.Equal("Which task should I change? Tell me its number or a few words of its title.", await turns.TurnAsync("remove the reminder"));
        Assert.Empty(tools.Calls);
    }

    /// <summary>
    /// "remind me about the lunch with sarah at 11am" added “The lunch with sarah” beside “Lunch with Sarah”: words that
    /// name one task to do put the reminder on it (a time alone on the day it is due), words that name none still add a
    /// task, words that name several are asked about.
    /// </summary>
    [Fact]
    public async Task RemindMeAboutATaskAlreadyThereAtATimeRemindsAboutThatTask()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add lunch with Sarah friday at 12:30pm");
        await turns.TurnAsync("add dentist appointment thursday at 3pm");

        Assert.Equal("I'll remind you about “Lunch with Sarah” Friday at 11:00.", await turns.TurnAsync("remind me about the lunch with sarah at 11am"));
        Assert.Equal("I'll remind you about “Dentist appointment” tomorrow at 09:00.", await turns.TurnAsync("remind me about the dentist appointment on thursday at 9am"));

        Assert.Equal(["Lunch with Sarah", "Dentist appointment"], tools.Tasks.Select(t => t.Title));
        Assert.Equal(["2026-12-04T11:00:00+00:00"], tools.Tasks[0].Reminders);
        Assert.Equal(["2026-12-03T09:00:00+00:00"], tools.Tasks[1].Reminders);

        Assert.Equal("Undone: “Dentist appointment” is back to how it was.", await turns.TurnAsync("undo"));
        Assert.Empty(tools.Tasks[1].Reminders);
    }

    [Fact]
    public async Task RemindMeAboutWordsThatNameNoTaskToDoAddsOne()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add dentist");
        await turns.TurnAsync("complete dentist");

        Assert.Equal("Added “The dentist” (task 2), due tomorrow at 10:00, I'll remind you then.", await turns.TurnAsync("remind me about the dentist tomorrow at 10"));
        Assert.Equal("Added “Call grandma” (task 3), due Friday, I'll remind you then.", await turns.TurnAsync("remind me about call grandma on friday"));
        Assert.Equal(3, tools.Tasks.Count);
        Assert.Equal("Undone: removed “Call grandma” again.", await turns.TurnAsync("undo"));
    }

    [Fact]
    public async Task RemindMeAboutWordsThatNameSeveralTasksAsksWhich()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add call mom about the party");
        await turns.TurnAsync("add call mom about the trip");

        Assert.Equal("Which one: 1. “Call mom about the party” (#1) 2. “Call mom about the trip” (#2)? Say “the first” or a number.", await turns.TurnAsync("remind me about call mom tomorrow at 10am"));
        Assert.Equal("I'll remind you about “Call mom about the trip” tomorrow at 10:00.", await turns.TurnAsync("2"));
        Assert.Equal(["2026-12-03T10:00:00+00:00"], tools.Tasks[1].Reminders);
        Assert.Empty(tools.Tasks[0].Reminders);
    }

    [Fact]
    public async Task RemindMeAboutATaskAtAMomentGoneBySaysSo()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add lunch with Sarah friday at 12:30pm");

        Assert.Equal("Today at 08:00 has already passed. When should I remind you? For example “remind me about it tomorrow at 9am”.",
            await turns.TurnAsync("remind me about the lunch with sarah today at 8am"));
        Assert.Empty(tools.Tasks[0].Reminders);
        Assert.Single(tools.Tasks);
    }

    [Fact]
    public async Task WithoutRemindersInTheToolsRemindMeAboutWordsDeclinesAsBefore()
    {
        var (turns, tools) = Start(withTaskFields: false);
        await turns.TurnAsync("add lunch with Sarah");

        Assert.StartsWith("I can't set reminders and due dates yet, so I haven't added “The lunch with sarah”.", await turns.TurnAsync("remind me about the lunch with sarah at 11am"), StringComparison.Ordinal);
        Assert.StartsWith("I can't set reminders yet", await turns.TurnAsync("remove the reminders from lunch with sarah"), StringComparison.Ordinal);
        Assert.Single(tools.Tasks);
    }
}
