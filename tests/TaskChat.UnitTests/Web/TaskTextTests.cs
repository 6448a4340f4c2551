using TaskChat.Contract;
using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>A task's repeat in words on the tasks page, and which of the details' repeat choices a rule is.</summary>
public sealed class TaskTextTests
{
    [Theory]
    [InlineData("FREQ=DAILY", "Repeats daily")]
    [InlineData("freq=daily;interval=3", "Repeats every 3 days")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Repeats every weekday")]
    [InlineData("FREQ=WEEKLY;BYDAY=FR,MO,TU,WE,TH", "Repeats every weekday")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,MO", "Repeats every 2 weeks on Thu, Mon")] // the rule's own order
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1", "Repeats monthly on day 1")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", "Repeats monthly on the last day")]
    [InlineData("FREQ=MONTHLY;BYDAY=1MO", "Repeats monthly on the first Mon")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR", "Repeats monthly on the last Fri")]
    [InlineData("FREQ=MONTHLY;BYDAY=+2TU,4TU", "Repeats monthly on the second Tue, the fourth Tue")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "Repeats every 2 weeks on Fri")]
    [InlineData("FREQ=YEARLY;COUNT=5", "Repeats yearly, 5 times")]
    [InlineData("FREQ=DAILY;UNTIL=20261231T235959Z", "Repeats daily, until 31 Dec 2026")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "Repeats daily")] // a part given twice: the first counts
    [InlineData("FREQ=SECONDLY", "Repeats")]
    [InlineData("garbage;;=", "Repeats")]
    public void ARuleIsSaidInWords(string rule, string expected) => Assert.Equal(expected, TaskText.Repeat(rule, null));

    [Fact]
    public void ARepeatCountedFromCompletionSaysSo() =>
        Assert.Equal("Repeats every 2 weeks, counted from completion", TaskText.Repeat("FREQ=WEEKLY;INTERVAL=2", RepeatFromValues.Completion));

    [Theory]
    [InlineData("FREQ=DAILY", "FREQ=DAILY")]
    [InlineData("FREQ=DAILY;INTERVAL=1", "FREQ=DAILY")] // an interval of 1 is the default
    [InlineData("freq=weekly;byday=fr,th,we,tu,mo", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")] // case and order do not matter
    [InlineData("INTERVAL=2;FREQ=WEEKLY;WKST=MO", "FREQ=WEEKLY;INTERVAL=2")] // the week's first day does not change it
    [InlineData("FREQ=YEARLY", "FREQ=YEARLY")]
    public void ARuleThatMeansAChoiceIsThatChoice(string rule, string choice) => Assert.Equal(choice, TaskText.RepeatChoice(rule));

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("FREQ=DAILY;INTERVAL=3")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1")]
    [InlineData("FREQ=DAILY;COUNT=5")]
    [InlineData("")]
    public void AnyOtherRuleIsNoChoice(string rule) => Assert.Null(TaskText.RepeatChoice(rule));

    [Theory]
    [InlineData("PT0S", "At the due time")]
    [InlineData("PT1H", "1 hour before")]
    [InlineData("P2D", "2 days before")]
    [InlineData("PT45M", "45 minutes before")]
    [InlineData("Pizza", "Pizza")] // not a duration: shown as the api wrote it
    [InlineData("2026-12-05T09:00:00+01:00", "Sat 5 Dec 09:00")] // a moment: on its day, in the year of today
    public void AReminderIsSaidInWords(string reminder, string words) => Assert.Equal(words, TaskText.Reminder(reminder, new DateOnly(2026, 12, 1)));
    [Theory]
    [InlineData("2026-12-04T18:00:00+01:00", "2026-12-06T18:00:00+01:00", "Now due Sun 6 Dec 18:00, the first day it repeats on.")] // Friday, then "every Sunday"
    [InlineData(null, "2026-12-01", "Now due today, the first day it repeats on.")] // no due date, then "every day"
    [InlineData("2026-12-01", "2026-12-02", "Now due tomorrow, the first day it repeats on.")]
    public void ARepeatThatMovesTheDueDateSaysWhere(string? before, string after, string note) =>
        Assert.Equal(note, TaskText.DueMovedByRepeat(before, after, new DateOnly(2026, 12, 1)));

    [Theory]
    [InlineData("2026-12-04T18:00:00+01:00", "2026-12-04T18:00:00+01:00")] // a repeat from the day it is due on
    [InlineData("2026-12-04", "2026-12-04")]
    [InlineData("2026-12-04", null)] // the repeat taken off, or an answer without a due date
    [InlineData(null, null)]
    public void ARepeatThatLeavesTheDueDateSaysNothing(string? before, string? after) =>
        Assert.Null(TaskText.DueMovedByRepeat(before, after, new DateOnly(2026, 12, 1)));

    [Fact]
    public void ASkipSaysTheNextTime()
    {
        Assert.Equal("Skipped: now due Mon 7 Dec 09:00.", TaskText.DueAfterSkip("2026-12-07T09:00:00+01:00", new DateOnly(2026, 12, 1)));
        Assert.Equal("Skipped: now due tomorrow.", TaskText.DueAfterSkip("2026-12-02", new DateOnly(2026, 12, 1)));
        Assert.Null(TaskText.DueAfterSkip(null, new DateOnly(2026, 12, 1)));
    }
}
