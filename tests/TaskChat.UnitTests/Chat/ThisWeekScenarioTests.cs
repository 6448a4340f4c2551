using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// "What's due this week?" on each day of a week. Asked on a Sunday it listed only that day's tasks, the ISO week ending
/// today, where someone planning on a Sunday means the days ahead: on a Sunday "this week" is today through next Sunday,
/// and the reply names its last day; Monday to Saturday it is still today through Sunday. "Next week" stays Monday to
/// Sunday, and on a Sunday says which days those are, since they are within "this week" then. The tasks are due one a
/// day, 6 to 21 December 2026; the clock is 09:00 UTC on the day.
/// </summary>
public class ThisWeekScenarioTests
{
    private static readonly DateOnly FirstDue = new(2026, 12, 6);

    private static readonly DateOnly LastDue = new(2026, 12, 21);

    [Theory]
    [InlineData("2026-12-07", "2026-12-13")] // Monday: the week through Sunday, as before
    [InlineData("2026-12-08", "2026-12-13")]
    [InlineData("2026-12-09", "2026-12-13")]
    [InlineData("2026-12-10", "2026-12-13")]
    [InlineData("2026-12-11", "2026-12-13")]
    [InlineData("2026-12-12", "2026-12-13")] // Saturday: the weekend left
    [InlineData("2026-12-13", "2026-12-20")] // Sunday: today through next Sunday (before: today alone)
    [InlineData("2026-12-06", "2026-12-13")] // the Sunday before: the same rule, a week earlier
    public async Task ThisWeekRunsFromTodayThroughSundayAndOnASundayThroughNextSunday(string today, string lastDay)
    {
        var (turns, tools) = await StartOnAsync(today);

        var reply = await turns.TurnAsync("what's due this week?");

        Assert.Equal(Days(DateOnly.Parse(today, CultureInfo.InvariantCulture), DateOnly.Parse(lastDay, CultureInfo.InvariantCulture)), Listed(reply));
        Assert.Equal(($"{today}T00:00:00+00:00", $"{DateOnly.Parse(lastDay, CultureInfo.InvariantCulture).AddDays(1):yyyy-MM-dd}T00:00:00+00:00"), tools.LastListSpan());
    }

    [Theory]
    [InlineData("2026-12-12", "2 tasks due this week: ")]
    [InlineData("2026-12-07", "7 tasks due this week: ")]
    [InlineData("2026-12-13", "8 tasks due this week (today through Sunday 20 December): ")]
    public async Task OnlyASundaysReplyNamesTheWeeksLastDay(string today, string start)
    {
        var (turns, _) = await StartOnAsync(today);

        Assert.StartsWith(start, await turns.TurnAsync("what's due this week?"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's due this week?")]
    [InlineData("what's on this week")]
    [InlineData("this week's tasks")]
    [InlineData("show this week")]
    [InlineData("show me this week's tasks")]
    [InlineData("what's happening this week?")]
    [InlineData("anything due this week?")]
    public async Task EverydayWaysOfAskingAboutThisWeekOnASundayListTheDaysAhead(string message)
    {
        var (turns, _) = await StartOnAsync("2026-12-13");

        var reply = await turns.TurnAsync(message);

        Assert.StartsWith("8 tasks due this week (today through Sunday 20 December): ", reply, StringComparison.Ordinal);
        Assert.Equal(Days(new(2026, 12, 13), new(2026, 12, 20)), Listed(reply));
    }

    [Theory]
    [InlineData("2026-12-13", "7 tasks due next week (Monday 14 to Sunday 20 December): ")]
    [InlineData("2026-11-29", "Nothing due next week (Monday 30 November to Sunday 6 December).")]
    [InlineData("2026-12-12", "7 tasks due next week: ")]
    public async Task NextWeekIsMondayToSundayAndOnASundaySaysWhichDays(string today, string start)
    {
        var (turns, _) = await StartOnAsync(today, due: today == "2026-11-29" ? [] : null);

        var reply = await turns.TurnAsync("what's due next week?");

        Assert.StartsWith(start, reply, StringComparison.Ordinal);
        if (today != "2026-11-29")
        {
            Assert.Equal(Days(new(2026, 12, 14), new(2026, 12, 20)), Listed(reply));
        }
    }

    [Fact]
    public async Task OnASundayHowAboutNextWeekAfterThisWeekSaysBothSpans()
    {
        var (turns, _) = await StartOnAsync("2026-12-13");

        Assert.StartsWith("8 tasks due this week (today through Sunday 20 December): ", await turns.TurnAsync("what's due this week?"), StringComparison.Ordinal);
        Assert.StartsWith("7 tasks due next week (Monday 14 to Sunday 20 December): ", await turns.TurnAsync("how about next week?"), StringComparison.Ordinal);
    }

    /// <summary>Sunday is the user's: in Auckland it is Sunday 6 December at 01:00 while it is still Saturday in UTC.</summary>
    [Fact]
    public async Task TheSundayIsTheUsersOwn()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var tools = new FakeTaskTools(time);
        var turns = new OfflineTurns(tools.All, new UserClock(time, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland")));

        Assert.Equal("Nothing due this week (today through Sunday 13 December).", await turns.TurnAsync("what's due this week?"));
        Assert.Equal(("2026-12-06T00:00:00+13:00", "2026-12-14T00:00:00+13:00"), tools.LastListSpan());
    }

    /// <summary>Acting on "everything due this week" takes the same days as the list shows.</summary>
    [Fact]
    public async Task OnASundayEverythingDueThisWeekIsTheWeekAhead()
    {
        var (turns, tools) = await StartOnAsync("2026-12-13");

        await turns.TurnAsync("mark everything due this week done");

        Assert.Equal(Days(new(2026, 12, 13), new(2026, 12, 20)), tools.Tasks.Where(t => t.Completed).Select(t => t.Title).ToList());
    }

    [Fact]
    public async Task OnASundayTheSummaryCountsTheWeekAheadAsLaterThisWeek()
    {
        var (turns, _) = await StartOnAsync("2026-12-13");

        Assert.StartsWith("You have 16 tasks to do: 7 overdue, 1 due today, 7 due later this week and 1 due after this week.", await turns.TurnAsync("give me a summary"), StringComparison.Ordinal);
    }

    // A conversation on that day, with a task due each day from 6 to 21 December titled by its day ("Dec 13").
    private static async Task<(OfflineTurns Turns, FakeTaskTools Tools)> StartOnAsync(string today, DateOnly[]? due = null)
    {
        var day = DateOnly.Parse(today, CultureInfo.InvariantCulture);
        var time = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var (turns, tools) = ScenarioStart.Start(time: time);
        foreach (var date in due ?? [.. Enumerable.Range(0, LastDue.DayNumber - FirstDue.DayNumber + 1).Select(FirstDue.AddDays)])
        {
            await tools.Add.InvokeAsync(new AIFunctionArguments { ["title"] = Title(date), ["due"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }
        return (turns, tools);
    }

    private static string Title(DateOnly date) => date.ToString("MMM d", CultureInfo.InvariantCulture);

    private static List<string> Days(DateOnly first, DateOnly last) =>
        [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => Title(first.AddDays(i)))];

    // The titles a reply listed, in its order.
    private static List<string> Listed(string reply) =>
        [.. System.Text.RegularExpressions.Regex.Matches(reply, "“(?<title>[^”]+)”").Select(m => m.Groups["title"].Value)];
}
