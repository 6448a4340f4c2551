using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Repeats on a day of the month and every few weeks on a weekday, as a user tried them in the chat: "add book club
/// every first monday of the month at 7pm" was a task “Book club every first monday of the month” due that day and not
/// repeating, "add timesheet every other friday" a task “Timesheet every other” due Friday, "add pay the phone bill on
/// the 15th of every month" a task “Pay the phone bill on the 15th of” repeating monthly from today. Whole conversations
/// against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC (the month's first Monday, the 7th, is ahead).
/// </summary>
public class MonthlyRepeatScenarioTests
{

    [Theory]
    [InlineData("add book club every first monday of the month at 7pm")]
    [InlineData("add book club on the first monday of every month at 7pm")]
    [InlineData("add book club monthly on the first monday at 7pm")]
    [InlineData("add book club every month on the first monday at 7pm")]
    [InlineData("add book club the first monday of each month at 7pm")]
    [InlineData("add book club on the 1st mon of the month at 7pm")]
    public async Task TheFirstMondayOfTheMonthAtATimeStartsOnDecembersFirstMonday(string message)
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Book club” (task 1), due Monday at 19:00, repeating every month on the first Monday.", await turns.TurnAsync(message));

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(("Book club", "2026-12-07T19:00:00+00:00", "FREQ=MONTHLY;BYDAY=1MO"), (task.Title, task.Due, task.Recurrence));
    }

    /// <summary>Without a time no due date is sent: the task service starts the repeat on its first day, as for "every monday".</summary>
    [Theory]
    [InlineData("add book club on the first monday of every month", "FREQ=MONTHLY;BYDAY=1MO", "every month on the first Monday")]
    [InlineData("add book club every first monday of the month", "FREQ=MONTHLY;BYDAY=1MO", "every month on the first Monday")]
    [InlineData("add book club monthly on the first monday", "FREQ=MONTHLY;BYDAY=1MO", "every month on the first Monday")]
    [InlineData("add book club on the second tuesday of the month", "FREQ=MONTHLY;BYDAY=2TU", "every month on the second Tuesday")]
    [InlineData("add book club the third wednesday of each month", "FREQ=MONTHLY;BYDAY=3WE", "every month on the third Wednesday")]
    [InlineData("add book club on the 4th thursday of every month", "FREQ=MONTHLY;BYDAY=4TH", "every month on the fourth Thursday")]
    [InlineData("add book club on the last friday of the month", "FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday")]
    [InlineData("add book club every last saturday of the month", "FREQ=MONTHLY;BYDAY=-1SA", "every month on the last Saturday")]
    [InlineData("add book club monthly on the last sunday", "FREQ=MONTHLY;BYDAY=-1SU", "every month on the last Sunday")]
    [InlineData("add book club every first monday", "FREQ=MONTHLY;BYDAY=1MO", "every month on the first Monday")]
    public async Task AWeekdayOfTheMonthRepeatsMonthlyOnIt(string message, string rule, string words)
    {
        var (turns, tools) = Start();

        Assert.Equal($"Added “Book club” (task 1), repeating {words}.", await turns.TurnAsync(message));

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(("Book club", null, rule), (task.Title, task.Due, task.Recurrence));
    }

    /// <summary>
    /// The first due date is the first such day on or after today: December's first Tuesday (the 1st) has passed, and so
    /// has today's 08:00, so both start in January; December's last Friday is Christmas.
    /// </summary>
    [Fact]
    public async Task AWeekdayOfTheMonthWithATimeStartsOnTheFirstOneToCome()
    {
        var (turns, tools) = Start();

        await turns.TurnAsync("add team lunch on the first tuesday of the month at noon");
        await turns.TurnAsync("add review the budget on the first wednesday of the month at 8am");
        await turns.TurnAsync("add water the tree on the first wednesday of the month at 6pm");
        Assert.Equal("Added “Drinks” (task 4), due Friday 25 December at 18:00, repeating every month on the last Friday.",
            await turns.TurnAsync("add drinks on the last friday of the month at 6pm"));
        await turns.TurnAsync("add games night every third wednesday of the month in the evening");

        Assert.Equal(["2027-01-05T12:00:00+00:00", "2027-01-06T08:00:00+00:00", "2026-12-02T18:00:00+00:00", "2026-12-25T18:00:00+00:00", "2026-12-16T19:00:00+00:00"],
            tools.Tasks.Select(t => t.Due));
        Assert.Equal(["Team lunch", "Review the budget", "Water the tree", "Drinks", "Games night"], tools.Tasks.Select(t => t.Title));
    }

    [Theory]
    [InlineData("add pay the phone bill on the 15th of every month", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th")]
    [InlineData("add pay the phone bill every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th")]
    [InlineData("add pay the phone bill monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th")]
    [InlineData("add pay the phone bill the 15th of each month", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th")]
    [InlineData("add pay the phone bill on the 22nd of the month", "FREQ=MONTHLY;BYMONTHDAY=22", "every month on the 22nd")]
    [InlineData("add pay the phone bill on the first of every month", "FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st")]
    [InlineData("add pay the phone bill by the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st")]
    [InlineData("add pay the phone bill on the last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day")]
    public async Task ADayOfTheMonthRepeatsMonthlyOnIt(string message, string rule, string words)
    {
        var (turns, tools) = Start();

        Assert.Equal($"Added “Pay the phone bill” (task 1), repeating {words}.", await turns.TurnAsync(message));

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(("Pay the phone bill", null, rule), (task.Title, task.Due, task.Recurrence));
    }

    [Fact]
    public async Task ADayOfTheMonthWithATimeStartsOnTheNextSuchDay()
    {
        var (turns, tools) = Start();

        await turns.TurnAsync("add pay the phone bill on the 15th of every month at 9am");
        await turns.TurnAsync("add back up the laptop on the last day of the month at 8pm");
        await turns.TurnAsync("add pay rent on the 1st of every month at 10am");

        Assert.Equal(["2026-12-15T09:00:00+00:00", "2026-12-31T20:00:00+00:00", "2027-01-01T10:00:00+00:00"], tools.Tasks.Select(t => t.Due));
        Assert.Equal(["FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=1"], tools.Tasks.Select(t => t.Recurrence));
    }

    [Theory]
    [InlineData("add timesheet every other friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday")]
    [InlineData("add timesheet every second friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday")]
    [InlineData("add timesheet every 2 weeks on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday")]
    [InlineData("add timesheet every other week on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday")]
    [InlineData("add timesheet biweekly on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday")]
    [InlineData("add timesheet every three weeks on monday and thursday", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "every 3 weeks on Monday and Thursday")]
    [InlineData("add timesheet every week on friday", "FREQ=WEEKLY;BYDAY=FR", "every Friday")]
    public async Task EveryOtherFridayRepeatsEveryTwoWeeksOnFriday(string message, string rule, string words)
    {
        var (turns, tools) = Start();

        Assert.Equal($"Added “Timesheet” (task 1), repeating {words}.", await turns.TurnAsync(message));

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(("Timesheet", null, rule), (task.Title, task.Due, task.Recurrence));
    }

    [Fact]
    public async Task EveryOtherFridayWithATimeStartsThisFriday()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Timesheet” (task 1), due Friday at 16:00, repeating every 2 weeks on Friday.", await turns.TurnAsync("add timesheet every other friday at 4pm"));

        Assert.Equal("2026-12-04T16:00:00+00:00", Assert.Single(tools.Tasks).Due);
    }

    [Fact]
    public async Task TheRepeatOfATaskChangesToTheNewRules()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add timesheet");

        Assert.Equal("“Timesheet” now repeats every 2 weeks on Friday.", await turns.TurnAsync("make it repeat every other friday"));
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", tools.Tasks[0].Recurrence);

        await turns.TurnAsync("add book club");
        Assert.Equal("“Book club” now repeats every month on the first Monday.", await turns.TurnAsync("make the book club repeat on the first monday of every month"));
        Assert.Equal("FREQ=MONTHLY;BYDAY=1MO", tools.Tasks[1].Recurrence);

        await turns.TurnAsync("add pay the phone bill");
        Assert.Equal("“Pay the phone bill” now repeats every month on the 15th.", await turns.TurnAsync("change the phone bill to the 15th of every month"));
        Assert.Equal("“Book club” now repeats every month on the last Friday.", await turns.TurnAsync("repeat the book club on the last friday of the month"));
        Assert.Equal(["Timesheet", "Book club", "Pay the phone bill"], tools.Tasks.Select(t => t.Title));
        Assert.Equal([null, null, null], tools.Tasks.Select(t => t.Due));
    }

    /// <summary>A day of the month without "every month", and "of the month" in a title, are no repeat.</summary>
    [Fact]
    public async Task WordsLikeARepeatThatAreNotOneStayAsTheyWere()
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Call mom” (task 1), due Tuesday 15 December.", await turns.TurnAsync("add call mom on the 15th"));
        Assert.Equal("Added “Read the book of the month” (task 2).", await turns.TurnAsync("add read the book of the month"));
        Assert.Equal("Added “Dentist” (task 3), due Monday at 15:00.", await turns.TurnAsync("add dentist on monday at 3pm"));

        Assert.All(tools.Tasks, t => Assert.Null(t.Recurrence));
    }

    [Theory]
    [InlineData("add water the plants every 2147483648 days")]
    [InlineData("add water the plants every 99999999999 weeks on friday")]
    public async Task ARepeatWhoseNumberOverflowsIsNoRepeatAndTheTurnStillAnswers(string message)
    {
        // Before: the repeat's digits went to int.Parse, and the OverflowException made the turn a 500.
        var (turns, tools) = Start();

        var reply = await turns.TurnAsync(message);

        Assert.StartsWith("Added “Water the plants every", reply, StringComparison.Ordinal);
        Assert.Null(Assert.Single(tools.Tasks).Recurrence);
    }
}
