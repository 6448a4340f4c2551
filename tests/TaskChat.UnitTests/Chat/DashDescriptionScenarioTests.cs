using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// "add buy milk - not oat milk" kept “ - not oat milk” in the title: words after a dash with spaces around it (" - ", " – ",
/// " — ", " -- ") say more about the task, and are its description. A dash that is part of the title or of a date is left
/// where it is. Whole conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class DashDescriptionScenarioTests
{
    [Theory]
    [InlineData("add buy milk - not oat milk", "Buy milk", "not oat milk")]
    [InlineData("add call Bob - re: contract", "Call Bob", "re: contract")]
    [InlineData("add buy milk — the organic one", "Buy milk", "the organic one")]
    [InlineData("add buy milk – semi skimmed", "Buy milk", "semi skimmed")]
    [InlineData("add buy milk -- not oat", "Buy milk", "not oat")]
    [InlineData("add buy milk - not the oat one", "Buy milk", "not the oat one")] // not read as a "not" clause dropped
    [InlineData("add buy milk - not oat milk, eggs", "Buy milk", "not oat milk, eggs")] // after the dash, all of it: one task
    [InlineData("I need to call Bob - re: contract", "Call Bob", "re: contract")]
    public async Task WordsAfterASpacedDashAreTheDescription(string message, string title, string description)
    {
        var (turns, tools) = Start();

        var reply = await turns.TurnAsync(message);

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(title, task.Title);
        Assert.Equal(description, task.Description);
        Assert.Equal($"Added “{title}” (task 1), with the description “{description}”.", reply);
    }

    [Theory]
    [InlineData("add 2-for-1 coupons", "2-for-1 coupons")] // no spaces: one word
    [InlineData("add read chapters 3-5", "Read chapters 3-5")]
    [InlineData("add read pages 10 - 20", "Read pages 10 - 20")] // a number after it: a range
    [InlineData("add watch Star Wars - A New Hope", "Watch Star Wars - A New Hope")] // words all capitalised: a subtitle
    [InlineData("add \"pride - in the name of love\"", "Pride - in the name of love")] // quoted: the title as typed
    public async Task ADashThatIsPartOfTheTitleStaysInIt(string message, string title)
    {
        var task = await OneAddedByAsync(message);

        Assert.Equal(title, task.Title);
        Assert.Null(task.Description);
    }

    [Fact]
    public async Task ADateAfterTheDashIsStillTheDueDate()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Meeting” (task 1), due tomorrow at 15:00.", await turns.TurnAsync("add meeting - tomorrow 3pm"));

        var task = Assert.Single(tools.Tasks);
        Assert.Null(task.Description);
        Assert.Equal("2026-12-03T15:00:00+00:00", task.Due);
    }

    /// <summary>The date, tags and priority at the end are the task's, not words of its description.</summary>
    [Fact]
    public async Task WhatEndsTheMessageAfterTheDescriptionIsStillRead()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Call Bob” (task 1), due Friday, high priority, tagged #work, with the description “re: contract”.",
            await turns.TurnAsync("add call Bob - re: contract friday #work !!"));

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(("re: contract", "2026-12-04", "high"), (task.Description, task.Due, task.Priority));
        Assert.Equal(["work"], task.Tags);
    }

    [Fact]
    public async Task ARemindedTaskKeepsItsDescriptionAndItsReminder()
    {
        var task = await OneAddedByAsync("remind me to call Bob - re: contract tomorrow at 5pm");

        Assert.Equal(("Call Bob", "re: contract", "2026-12-03T17:00:00+00:00"), (task.Title, task.Description, task.Due));
        Assert.Equal(["PT0S"], task.Reminders);
    }

    /// <summary>With a list before the dash, the words are not one task's: the list is added as it was.</summary>
    [Fact]
    public async Task ADashAfterAListIsNoDescription()
    {
        var (turns, tools) = Start();

        await turns.TurnAsync("add eggs, bread - wholemeal");

        Assert.Equal(["Eggs", "Bread - wholemeal"], tools.Tasks.Select(t => t.Title));
        Assert.All(tools.Tasks, task => Assert.Null(task.Description));
    }

    /// <summary>The mcp of today has descriptions: the dash works there too.</summary>
    [Fact]
    public async Task TodaysToolsTakeTheDescription()
    {
        var (turns, tools) = Start(withTaskFields: false);

        await turns.TurnAsync("add buy milk - not oat milk");

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(("Buy milk", "not oat milk"), (task.Title, task.Description));
    }
}
