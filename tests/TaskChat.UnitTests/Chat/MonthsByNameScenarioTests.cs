using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Months by name, from session 34's walk-through: "add renew passport by march", "add plan the trip in january" and
/// "add taxes by end of april" kept the month in the title (“Renew passport by march”) with no due date. Whole
/// conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class MonthsByNameScenarioTests
{
    [Theory]
    [InlineData("add renew passport by march", "Renew passport", "2027-03-01", "due Monday 1 March 2027")]
    [InlineData("add plan the trip in january", "Plan the trip", "2027-01-01", "due Friday 1 January 2027")]
    [InlineData("add file taxes before april", "File taxes", "2027-04-01", "due Thursday 1 April 2027")]
    [InlineData("add file taxes by end of april", "File taxes", "2027-04-30", "due Friday 30 April 2027")]
    [InlineData("add close the books by the end of december", "Close the books", "2026-12-31", "due Thursday 31 December")]
    [InlineData("add buy the gifts in december", "Buy the gifts", "2026-12-31", "due Thursday 31 December")]
    [InlineData("add book the garden party in may", "Book the garden party", "2027-05-01", "due Saturday 1 May 2027")]
    public async Task AMonthAfterAWordThatMakesItADateIsTheDueDate(string message, string title, string due, string said)
    {
        var (turns, tools) = Start();

        var reply = await turns.TurnAsync(message);

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(title, task.Title);
        Assert.Equal(due, task.Due?[..10]);
        Assert.Contains(said, reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add call may", "Call may")]
    [InlineData("add buy a gift for may", "Buy a gift for may")]
    [InlineData("add read march of the penguins review", "Read march of the penguins review")]
    public async Task AMonthsNameWithoutSuchAWordIsPartOfTheTitle(string message, string title)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);

        var task = Assert.Single(tools.Tasks);
        Assert.Equal(title, task.Title);
        Assert.Null(task.Due);
    }

    [Fact]
    public async Task AMonthByNameMovesATask()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add renew the passport");

        Assert.Equal("“Renew the passport” is now due Monday 1 March 2027.", await turns.TurnAsync("move the passport to march"));
        Assert.Equal("2027-03-01", tools.Tasks[0].Due?[..10]);
    }

    [Fact]
    public async Task AMonthInAQuestionIsTheWholeMonth()
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add renew passport by march");
        await turns.TurnAsync("add file taxes on 20 march");
        await turns.TurnAsync("add book flights on 2 april");
        await turns.TurnAsync("add buy the gifts on 20 december");

        Assert.Equal("2 tasks due in March 2027: #1 “Renew passport” (due Monday 1 March 2027) and #2 “File taxes” (due Saturday 20 March 2027).",
            await turns.TurnAsync("what's due in march?"));
        Assert.StartsWith("1 task due in April 2027: #3 “Book flights”", await turns.TurnAsync("anything in april?"), StringComparison.Ordinal);
        Assert.StartsWith("1 task due this month: #4 “Buy the gifts”", await turns.TurnAsync("what's due in december?"), StringComparison.Ordinal);
        Assert.StartsWith("1 task due on Monday 1 March 2027", await turns.TurnAsync("what's due on 1 march?"), StringComparison.Ordinal);
    }
}
