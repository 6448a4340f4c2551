using TaskChat.Data.Model;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Tasks;

/// <summary>Each recurrence kind, until and count, from the due date or from completion, across DST changes and far from UTC.</summary>
public class RecurrenceRuleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
    private static readonly DateTime CompletedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static TaskItem Task(string due, string rule, TimeZoneInfo zone, RepeatFrom from = RepeatFrom.Due, int occurrence = 1)
    {
        Assert.True(TaskTime.TryParse(due, zone, out var at, out var date));
        return new TaskItem
        {
            UserId = "u", Title = "t", DueAt = at, DueDate = date, Recurrence = TaskRecurrence.Parse(rule).Value, RepeatFrom = from, Occurrence = occurrence,
        };
    }

    private static string? Next(TaskItem task, TimeZoneInfo zone, DateTime? completedAt = null) =>
        TaskRecurrence.NextDue(task, completedAt ?? CompletedAt, zone) is { } next
            ? next.Date is { } date ? TaskTime.Format(date) : TaskTime.Format(next.At, zone)
            : null;

    [Theory]
    [InlineData("2026-12-05", "FREQ=DAILY", "2026-12-06")]
    [InlineData("2026-12-04", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-07")] // every weekday: Friday → Monday
    [InlineData("2026-12-07", "FREQ=WEEKLY;BYDAY=MO,TH", "2026-12-10")] // weekly on given days
    [InlineData("2026-12-10", "FREQ=WEEKLY;BYDAY=MO,TH", "2026-12-14")]
    [InlineData("2026-12-15", "FREQ=MONTHLY;BYMONTHDAY=15", "2027-01-15")] // monthly on a day
    [InlineData("2027-01-31", "FREQ=MONTHLY;BYMONTHDAY=-1", "2027-02-28")] // the last day of the month
    [InlineData("2028-01-31", "FREQ=MONTHLY;BYMONTHDAY=-1", "2028-02-29")] // leap year
    [InlineData("2027-01-31", "FREQ=MONTHLY", "2027-03-31")] // no 31 February: RFC 5545 skips it
    [InlineData("2026-12-05", "FREQ=DAILY;INTERVAL=3", "2026-12-08")] // every N days
    [InlineData("2026-12-07", "FREQ=WEEKLY;INTERVAL=2", "2026-12-21")] // every N weeks
    [InlineData("2026-11-30", "FREQ=MONTHLY;INTERVAL=3", "2027-05-30")] // every N months: 30 February does not exist, so RFC 5545 skips to May
    [InlineData("2026-12-05", "FREQ=MONTHLY;BYDAY=1SA", "2027-01-02")] // the first Saturday
    [InlineData("2026-02-28", "FREQ=YEARLY", "2027-02-28")]
    public void AllDayTasksRepeatOnDays(string due, string rule, string expected)
    {
        Assert.Equal(expected, Next(Task(due, rule, NewYork), NewYork));
    }

    [Theory]
    [InlineData("FREQ=DAILY;INTERVAL=3", "2026-12-02")]            // "water the plants every 3 days": today (a Wednesday)
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH", "2026-12-03")]          // "gym every monday and thursday": the next Thursday
    [InlineData("FREQ=WEEKLY;BYDAY=WE", "2026-12-02")]             // today is one of its days
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1", "2027-01-01")]        // "every month on the 1st"
    [InlineData("FREQ=MONTHLY;BYDAY=1MO", "2026-12-07")]           // "the first monday of every month": December's is still ahead
    [InlineData("FREQ=MONTHLY;BYDAY=1TU", "2027-01-05")]           // December's first Tuesday has passed
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR", "2026-12-25")]          // "the last friday of the month"
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-12-04")]  // "every other friday": this Friday
    [InlineData("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130", null)]      // ended before today: nothing to start
    [InlineData("FREQ=DAILY;UNTIL=20200101", null)]
    public void ARepeatWithoutADueDateStartsOnItsFirstDayFromToday(string rule, string? expected)
    {
        var first = TaskRecurrence.FirstDue(rule, new DateOnly(2026, 12, 2), Kiritimati);

        Assert.Equal(expected, first?.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (first is { } due)
        {
            Assert.Equal(TaskTime.StartOfDay(due.Date!.Value, Kiritimati), due.At);
        }
    }

    [Theory]
    [InlineData("2026-12-06", "2026-12-11")] // a Sunday: the Friday to come, not the one of the week after
    [InlineData("2026-12-05", "2026-12-11")]
    [InlineData("2026-12-07", "2026-12-11")]
    [InlineData("2026-12-11", "2026-12-11")]
    public void EveryOtherFridayStartsOnTheNextFriday(string today, string expected)
    {
        var first = TaskRecurrence.FirstDue("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Kiritimati);

        Assert.Equal(expected, first?.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-12-11T18:00", "FREQ=WEEKLY;BYDAY=SU", "2026-12-13T18:00:00-05:00")] // Friday → that Sunday, its time kept
    [InlineData("2026-12-13T18:00", "FREQ=WEEKLY;BYDAY=SU", "2026-12-13T18:00:00-05:00")] // already a Sunday: itself
    [InlineData("2026-12-12", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-14")] // every weekday, due Saturday → Monday
    [InlineData("2026-12-11", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", "2026-12-13")] // every other Sunday starts on the first
    [InlineData("2026-12-11", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15")]
    [InlineData("2026-12-11", "FREQ=WEEKLY", "2026-12-11")] // a rule that picks no day: any day starts it
    [InlineData("2026-12-11", "FREQ=DAILY;INTERVAL=3", "2026-12-11")]
    [InlineData("2026-03-06T09:00", "FREQ=WEEKLY;BYDAY=SU", "2026-03-08T09:00:00-04:00")] // across the March change: 09:00 still
    [InlineData("2026-12-11", "FREQ=WEEKLY;BYDAY=SU;UNTIL=20261212", null)] // the series ends before a Sunday comes
    public void ARuleThatPicksDaysStartsOnTheFirstOfThemOnOrAfterTheDueDate(string due, string rule, string? expected)
    {
        var task = Task(due, rule, NewYork);

        var first = TaskRecurrence.FirstOnOrAfter(task.Recurrence!, new Due(task.DueAt!.Value, task.DueDate), NewYork);

        Assert.Equal(expected, first is { } f ? f.Date is { } date ? TaskTime.Format(date) : TaskTime.Format(f.At, NewYork) : null);
    }

    [Fact]
    public void ATimedTaskKeepsItsLocalTimeAcrossTheMarchDstChange()
    {
        Assert.Equal("2026-03-09T09:00:00-04:00", Next(Task("2026-03-06T09:00", "FREQ=WEEKLY;BYDAY=MO,FR", NewYork), NewYork));
    }

    [Fact]
    public void ATimedTaskKeepsItsLocalTimeAcrossTheNovemberDstChange()
    {
        Assert.Equal("2026-11-02T08:30:00-05:00", Next(Task("2026-11-01T08:30", "FREQ=DAILY", NewYork), NewYork));
    }

    [Fact]
    public void FarFromUtcTheNextDayIsTheUsersNextDay()
    {
        // 00:30 on 5 December in Kiritimati is 10:30 on the 4th in UTC.
        Assert.Equal("2026-12-06T00:30:00+14:00", Next(Task("2026-12-05T00:30", "FREQ=DAILY", Kiritimati), Kiritimati));
        Assert.Equal("2026-12-07", Next(Task("2026-12-04", "FREQ=WEEKLY;BYDAY=MO", Kiritimati), Kiritimati));
    }

    [Fact]
    public void CountEndsTheSeries()
    {
        var rule = "FREQ=DAILY;COUNT=3";
        Assert.Equal("2026-12-06", Next(Task("2026-12-05", rule, NewYork, occurrence: 1), NewYork));
        Assert.Equal("2026-12-07", Next(Task("2026-12-06", rule, NewYork, occurrence: 2), NewYork));
        Assert.Null(Next(Task("2026-12-07", rule, NewYork, occurrence: 3), NewYork));
    }

    [Theory]
    [InlineData("FREQ=DAILY;UNTIL=20261207", "2026-12-06", "2026-12-07")] // the until day itself still counts
    [InlineData("FREQ=DAILY;UNTIL=20261207", "2026-12-07", null)]
    [InlineData("FREQ=WEEKLY;UNTIL=20261210", "2026-12-05", null)]
    public void UntilEndsTheSeries(string rule, string due, string? expected)
    {
        Assert.Equal(expected, Next(Task(due, rule, NewYork), NewYork));
    }

    [Fact]
    public void FromCompletionCountsFromTheDayItWasDoneInTheUsersZone()
    {
        var task = Task("2026-12-01T18:00", "FREQ=DAILY;INTERVAL=3", NewYork, RepeatFrom.Completion);
        // Done on 10 December at 23:30 New York time (04:30 UTC on the 11th): three days after the 10th, at the task's own time.
        var doneAt = new DateTime(2026, 12, 11, 4, 30, 0, DateTimeKind.Utc);

        Assert.Equal("2026-12-13T18:00:00-05:00", Next(task, NewYork, doneAt));
        Assert.Equal("2026-12-13", Next(Task("2026-12-01", "FREQ=DAILY;INTERVAL=3", NewYork, RepeatFrom.Completion), NewYork, doneAt));
    }

    [Fact]
    public void FromTheDueDateALateCompletionStillGivesTheRulesNextDate()
    {
        var doneMuchLater = new DateTime(2027, 6, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal("2026-12-08", Next(Task("2026-12-01", "FREQ=WEEKLY", NewYork), NewYork, doneMuchLater));
    }

    [Theory]
    [InlineData("RRULE:freq=daily", "FREQ=DAILY")]
    [InlineData(" FREQ=WEEKLY;BYDAY=mo,we ", "FREQ=WEEKLY;BYDAY=MO,WE")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12", "FREQ=MONTHLY;COUNT=12;BYMONTHDAY=-1")]
    [InlineData("FREQ=DAILY;UNTIL=20271231T235959Z", "FREQ=DAILY;UNTIL=20271231T235959Z")]
    public void RulesAreStoredInOneSpelling(string given, string stored)
    {
        var rule = TaskRecurrence.Parse(given);

        Assert.True(rule.IsValid, rule.Error);
        Assert.Equal(stored, rule.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("DAILY")]
    [InlineData("FREQ=MINUTELY")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY")]
    [InlineData("FREQ=DAILY;BYHOUR=9")]
    [InlineData("FREQ=WEEKLY;BYDAY=1MO")]
    [InlineData("FREQ=DAILY;BYMONTHDAY=3")]
    [InlineData("FREQ=DAILY;INTERVAL=-1")]
    [InlineData("FREQ=DAILY;COUNT=0")]
    [InlineData("FREQ=DAILY;UNTIL=31/12/2027")]
    [InlineData("FREQ=DAILY\u0000")]
    public void OtherRulesAreRefusedWithExamples(string given)
    {
        var rule = TaskRecurrence.Parse(given);

        Assert.False(rule.IsValid);
        Assert.Contains("e.g. FREQ=DAILY", rule.Error, StringComparison.Ordinal);
    }
}
