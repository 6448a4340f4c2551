using Microsoft.Extensions.Time.Testing;
using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

/// <summary>The user's "now", the words for dates, and the system prompt a model gets.</summary>
public class UserClockTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/Paris\u0000")]
    public void AMissingOrUnknownZoneIsUtc(string? zone) => Assert.Equal(TimeZoneInfo.Utc, UserClock.ZoneOf(zone));

    [Fact]
    public void AnOversizedZoneIsUtc() => Assert.Equal(TimeZoneInfo.Utc, UserClock.ZoneOf(new string('A', 10_000)));

    [Theory]
    [InlineData("en-US", DateOrder.MonthFirst)]
    [InlineData("en-GB", DateOrder.DayFirst)]
    [InlineData("fr-FR", DateOrder.DayFirst)]
    [InlineData(null, DateOrder.MonthFirst)]
    public void TheLocaleSaysWhetherTheMonthComesFirst(string? locale, DateOrder order) => Assert.Equal(order, UserClock.OrderOf(locale));

    [Fact]
    public void NowIsTheUsersWallClock()
    {
        var tokyo = new UserClock(Time, UserClock.ZoneOf("Asia/Tokyo"));

        Assert.Equal(new DateOnly(2026, 12, 2), tokyo.Today);
        Assert.Equal(18, tokyo.Now.Hour);
        Assert.Equal(TimeSpan.FromHours(9), tokyo.At(tokyo.Today, new TimeOnly(17, 0)).Offset);
    }

    [Theory]
    [InlineData("tomorrow at 5pm", "2026-12-03T17:00:00+00:00")]
    [InlineData("friday", "2026-12-04")]
    [InlineData("next tuesday", "2026-12-08")]
    [InlineData("on monday", "2026-12-07")]
    [InlineData("in 2 hours", "2026-12-02T11:00:00+00:00")]
    [InlineData("in 3 days", "2026-12-05")]
    [InlineData("this weekend", "2026-12-05")]
    [InlineData("end of the month", "2026-12-31")]
    [InlineData("by end of next month", "2027-01-31")]
    [InlineData("end of the week", "2026-12-06")]
    [InlineData("by end of next week", "2026-12-13")]
    [InlineData("by the end of this year", "2026-12-31")]
    [InlineData("5 Dec", "2026-12-05")]
    [InlineData("December 1st", "2027-12-01")]
    [InlineData("2026-12-05", "2026-12-05")]
    [InlineData("tonight", "2026-12-02T20:00:00+00:00")]
    [InlineData("tomorrow morning", "2026-12-03T09:00:00+00:00")]
    [InlineData("at noon", "2026-12-02T12:00:00+00:00")]
    [InlineData("at 8am", "2026-12-03T08:00:00+00:00")]
    [InlineData("by the 15th", "2026-12-15")]
    [InlineData("by christmas", "2026-12-25")]
    [InlineData("on Christmas Eve", "2026-12-24")]
    [InlineData("before xmas", "2026-12-25")]
    [InlineData("on boxing day", "2026-12-26")]
    [InlineData("by new year's eve", "2026-12-31")]
    [InlineData("by New Year’s Eve", "2026-12-31")]
    [InlineData("for new year's day", "2027-01-01")]
    [InlineData("by new years", "2027-01-01")]
    [InlineData("on valentine's day", "2027-02-14")]
    [InlineData("by halloween", "2027-10-31")] // past this year: the next one
    [InlineData("on christmas at 6pm", "2026-12-25T18:00:00+00:00")]
    public void EverydayDatesAreReadInTheUsersCalendar(string words, string due) =>
        Assert.Equal(due, When.ParseWhole(words, new UserClock(Time, TimeZoneInfo.Utc))?.ToArgument(new UserClock(Time, TimeZoneInfo.Utc)));

    [Theory]
    [InlineData("13/13")]
    [InlineData("2/30")]
    [InlineData("at 25")]
    [InlineData("at 13pm")]
    [InlineData("in 0 days")]
    [InlineData("in 99999 days")]
    [InlineData("christmas")] // a holiday without a word that makes it a date stays words ("buy christmas lights")
    [InlineData("christmas lights")]
    public void ImpossibleDatesAreNotDates(string words) => Assert.Null(When.ParseWhole(words, new UserClock(Time, TimeZoneInfo.Utc)));

    /// <summary>Due times are kept to the minute: "in N minutes" rounds up, so a reminder never goes off before the time asked.</summary>
    [Theory]
    [InlineData(0, "in 1 minute", "2026-12-02T09:01:00+00:00")] // On the minute: exact.
    [InlineData(59, "in 1 minute", "2026-12-02T09:02:00+00:00")] // 09:00:59: not at 09:01:00, a second later.
    [InlineData(1, "in 3 minutes", "2026-12-02T09:04:00+00:00")]
    [InlineData(30, "in 2 hours", "2026-12-02T11:01:00+00:00")]
    public void In_so_many_minutes_is_never_early(int seconds, string words, string due)
    {
        var clock = new UserClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, seconds, TimeSpan.Zero)), TimeZoneInfo.Utc);

        Assert.Equal(due, When.ParseWhole(words, clock)?.ToArgument(clock));
    }

    [Fact]
    public void ADayOrderedDateFollowsTheLocale()
    {
        var british = new UserClock(Time, TimeZoneInfo.Utc, DateOrder.DayFirst);

        Assert.Equal("2026-12-05", When.ParseWhole("5/12", british)?.ToArgument(british));
        Assert.Equal("2027-05-12", When.ParseWhole("12/5", british)?.ToArgument(british));
    }

    [Fact]
    public void TheSystemPromptGivesTheUsersDateTimeAndZone()
    {
        var prompt = AgentInstructions.For(new UserClock(Time, UserClock.ZoneOf("Europe/Paris")));

        Assert.Contains("Now it is Wednesday 2 December 2026, 10:00 for the user (today is 2026-12-02; time zone Europe/Paris, UTC offset +01:00).", prompt, StringComparison.Ordinal);
        Assert.Contains("\"tomorrow at 5pm\" -> \"2026-12-03T17:00:00+01:00\"", prompt, StringComparison.Ordinal);
        // What the offline agent reads, a model is told: on a Sunday the week ahead, a dash before a description.
        Assert.Contains("on a Sunday today through next Sunday", prompt, StringComparison.Ordinal);
        Assert.Contains("(\"buy milk - not oat milk\") are its description", prompt, StringComparison.Ordinal);
    }
}
