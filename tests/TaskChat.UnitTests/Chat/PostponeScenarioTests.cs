using Microsoft.Extensions.Time.Testing;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// A postpone moves a task later. From session 34's walk-through, on Sunday 6 December: "push the dentist to next week"
/// of a dentist due Monday (tomorrow, the first day of next week) left it there and said it "is now due tomorrow at 09:00".
/// Whole conversations against the fake tools.
/// </summary>
public class PostponeScenarioTests
{
    private static readonly DateTimeOffset Sunday = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("push the dentist to next week")]
    [InlineData("postpone the dentist to next week")]
    [InlineData("delay the dentist until next week")]
    [InlineData("put off the dentist till next week")]
    public async Task APostponeToNextWeekOfATaskAlreadyDueThenMovesItToTheWeekAfter(string message)
    {
        var (turns, tools) = Start(time: new FakeTimeProvider(Sunday));
        await turns.TurnAsync("add call the dentist tomorrow at 9");

        var reply = await turns.TurnAsync(message);

        Assert.Equal("2026-12-14T09:00", tools.Tasks[0].Due?[..16]);
        Assert.Equal("“Call the dentist” was already due next week, so I pushed it to the week after: it is now due Monday 14 December at 09:00.", reply);
    }

    [Fact]
    public async Task APostponeToNextWeekOfATaskDueThisWeekMovesItToNextMondayAndSaysItPlainly()
    {
        var (turns, tools) = Start(); // Wednesday 2 December
        await turns.TurnAsync("add call the dentist friday at 9");

        var reply = await turns.TurnAsync("push the dentist to next week");

        Assert.Equal("2026-12-07T09:00", tools.Tasks[0].Due?[..16]);
        Assert.Equal("“Call the dentist” is now due Monday at 09:00.", reply);
    }

    [Fact]
    public async Task MoveToNextWeekIsWhereItIsToldEvenWhenThatIsWhereTheTaskIs()
    {
        var (turns, tools) = Start(time: new FakeTimeProvider(Sunday));
        await turns.TurnAsync("add call the dentist tomorrow at 9");

        await turns.TurnAsync("move the dentist to next week");

        Assert.Equal("2026-12-07T09:00", tools.Tasks[0].Due?[..16]);
    }

    [Fact]
    public async Task APostponeToNextMonthOfATaskAlreadyDueThenMovesItToTheMonthAfter()
    {
        var (turns, tools) = Start(); // Wednesday 2 December
        await turns.TurnAsync("add renew the passport on 10 january");

        var reply = await turns.TurnAsync("push the passport to next month");

        Assert.StartsWith("2027-02-01", tools.Tasks[0].Due, StringComparison.Ordinal);
        Assert.StartsWith("“Renew the passport” was already due next month, so I pushed it to the month after: it is now due", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoAfterAPostponeBringsTheDueDateBack()
    {
        var (turns, tools) = Start(time: new FakeTimeProvider(Sunday));
        await turns.TurnAsync("add call the dentist tomorrow at 9");
        var before = tools.Tasks[0].Due;
        await turns.TurnAsync("push the dentist to next week");

        await turns.TurnAsync("undo");

        Assert.Equal(before, tools.Tasks[0].Due);
    }
}
