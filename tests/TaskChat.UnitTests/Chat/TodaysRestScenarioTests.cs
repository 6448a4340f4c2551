using Microsoft.Extensions.Time.Testing;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// "I'm done for today, move the rest to tomorrow" (session 37's probe): not understood, and "move the rest to tomorrow"
/// moved “Pay rent” only because "rest" is one letter from "rent". "The rest", "what's left", "what I didn't finish" are
/// what is still to do today, as the tasks page's Today shows it (overdue included). The clock starts on Wednesday
/// 2 December 2026, 09:00 UTC, and moves to Thursday so that Wednesday's task is overdue.
/// </summary>
public class TodaysRestScenarioTests
{
    private static async Task<(OfflineTurns Turns, FakeTaskTools Tools)> ThursdayAsync()
    {
        var time = new FakeTimeProvider(Wednesday);
        var (turns, tools) = Start(time: time);
        await turns.TurnAsync("add pay rent today at 5pm");
        time.Advance(TimeSpan.FromDays(1));
        await turns.TurnAsync("add water the plants today");
        await turns.TurnAsync("add buy milk today");
        await turns.TurnAsync("add call bob tomorrow");
        await turns.TurnAsync("add read a book");
        await turns.TurnAsync("complete buy milk");
        return (turns, tools);
    }

    [Theory]
    [InlineData("I'm done for today, move the rest to tomorrow")]
    [InlineData("move the rest to tomorrow")]
    [InlineData("push what's left to tomorrow")]
    [InlineData("move the rest of today's tasks to tomorrow")]
    [InlineData("push what I didn't finish to tomorrow")]
    public async Task TheRestIsWhatIsStillToDoTodayOverdueIncluded(string message)
    {
        var (turns, tools) = await ThursdayAsync();

        var reply = await turns.TurnAsync(message);

        Assert.Equal(
            [("Pay rent", "2026-12-04T17:00:00+00:00"), ("Water the plants", "2026-12-04"), ("Buy milk", "2026-12-03"), ("Call bob", "2026-12-04"), ("Read a book", null)],
            tools.Tasks.Select(t => (t.Title, t.Due)));
        Assert.EndsWith("Say “undo” to put them back as they were.", reply, StringComparison.Ordinal);
        await turns.TurnAsync("undo");
        Assert.Equal(["2026-12-02T17:00:00+00:00", "2026-12-03"], tools.Tasks.Take(2).Select(t => t.Due));
    }

    [Fact]
    public async Task WithNothingLeftTodayNothingMoves()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add call bob tomorrow");

        Assert.Equal("There's nothing due by today, so I left everything as it was.", await turns.TurnAsync("move the rest to tomorrow"));
        Assert.Equal("2026-12-03", tools.Tasks.Single().Due);
    }

    /// <summary>A request after a comma is read when the whole message is not, but never after a condition it would drop.</summary>
    [Fact]
    public async Task ARequestAfterAConditionIsNotCarriedOut()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add water the plants");

        await turns.TurnAsync("if it rains, delete the plants");
        Assert.Single(tools.Tasks);

        await turns.TurnAsync("ok then, delete the plants");
        Assert.Empty(tools.Tasks);
    }
}
