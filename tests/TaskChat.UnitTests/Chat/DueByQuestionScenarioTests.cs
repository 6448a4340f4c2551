using Microsoft.Extensions.AI;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// "What's due by friday?" asks for everything to be done by then, overdue included, not Friday's tasks alone (before
/// session 35 it listed Friday's, and "by march" 1 March's); "before friday" stops the day before. Whole conversations
/// against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class DueByQuestionScenarioTests
{
    [Theory]
    [InlineData("what's due by friday?")]
    [InlineData("what is due by friday")]
    [InlineData("anything due by friday?")]
    [InlineData("what do i have due by friday?")]
    [InlineData("whats due until friday?")]
    [InlineData("what's due through friday?")]
    [InlineData("what do i need to do by friday?")]
    [InlineData("what needs doing by friday?")]
    [InlineData("what do i have to finish by friday?")]
    [InlineData("what's left by friday?")]
    [InlineData("tasks due by friday")]
    [InlineData("due by friday")]
    public async Task ByADayListsWhatIsDueUntilItsEndOverdueIncluded(string question)
    {
        var (turns, tools) = await StartAsync();

        var reply = await turns.TurnAsync(question);

        Assert.Equal("3 tasks due by Friday: #1 “Pay the gas bill” (overdue, was due Monday 30 November), "
            + "#2 “Call the bank” (due tomorrow) and #3 “Book flights” (due Friday).", reply);
        var (after, before) = tools.LastListSpan();
        Assert.Null(after);
        Assert.Equal("2026-12-05T00:00:00+00:00", before);
    }

    [Fact]
    public async Task BeforeADayStopsTheDayBefore()
    {
        var (turns, tools) = await StartAsync();

        Assert.Equal("2 tasks due before Friday: #1 “Pay the gas bill” (overdue, was due Monday 30 November) and #2 “Call the bank” (due tomorrow).",
            await turns.TurnAsync("what's due before friday?"));
        Assert.Equal((null, "2026-12-04T00:00:00+00:00"), tools.LastListSpan());
    }

    [Fact]
    public async Task ByAMonthTakesInItsFirstDayAsAnAddByItDoes()
    {
        var (turns, _) = await StartAsync();
        await turns.TurnAsync("add renew passport by march");

        Assert.StartsWith("5 tasks due by Monday 1 March 2027: #1 “Pay the gas bill”", await turns.TurnAsync("what's due by march?"), StringComparison.Ordinal);
        Assert.StartsWith("4 tasks due before Monday 1 March 2027: #1 “Pay the gas bill”", await turns.TurnAsync("anything due before march?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingDueByThenIsSaid()
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add buy milk");

        Assert.Equal("Nothing due by tomorrow.", await turns.TurnAsync("what's due by tomorrow?"));
    }

    [Fact]
    public async Task AFollowUpAsksTheSameByAnotherDay()
    {
        var (turns, _) = await StartAsync();
        await turns.TurnAsync("what's due by friday?");

        Assert.StartsWith("2 tasks due by tomorrow: #1 “Pay the gas bill”", await turns.TurnAsync("and by tomorrow?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatWasDoneByADayIsNotWhatIsDue()
    {
        var (turns, tools) = await StartAsync();

        await turns.TurnAsync("what did i get done by friday?");

        Assert.Equal((null, null), tools.LastListSpan());
    }

    [Fact]
    public async Task OnADayIsStillThatDayAlone()
    {
        var (turns, _) = await StartAsync();

        Assert.Equal("1 task due on Friday: #3 “Book flights” (due Friday).", await turns.TurnAsync("what's due on friday?"));
    }

    // A task overdue since Monday, one due tomorrow, one on Friday, one next week and one without a date.
    private static async Task<(OfflineTurns Turns, FakeTaskTools Tools)> StartAsync()
    {
        var (turns, tools) = Start();
        foreach (var (title, due) in new[] { ("Pay the gas bill", "2026-11-30"), ("Call the bank", "2026-12-03"), ("Book flights", "2026-12-04"), ("Clean the garage", "2026-12-09"), ("Buy milk", null) })
        {
            var arguments = new AIFunctionArguments { ["title"] = title };
            if (due is not null)
            {
                arguments["due"] = due;
            }
            await tools.Add.InvokeAsync(arguments);
        }
        return (turns, tools);
    }
}
