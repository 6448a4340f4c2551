using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Model;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Tasks;

/// <summary>Due dates, tags, reminders, priorities, list cursors and the limits quoted in tool descriptions.</summary>
public class PlanningFieldRuleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>An edit's time before every moment the tests set: each reminder is ahead.</summary>
    private static readonly DateTime LongBefore = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-12-05", "2026-12-04T23:00:00Z", true)]
    [InlineData("2026-12-05T17:00:00+01:00", "2026-12-05T16:00:00Z", false)]
    [InlineData("2026-12-05T17:00:00Z", "2026-12-05T17:00:00Z", false)]
    [InlineData("2026-12-05T17:00", "2026-12-05T16:00:00Z", false)] // no offset: the user's zone
    [InlineData("2026-07-05T17:00", "2026-07-05T15:00:00Z", false)] // summer time in Paris
    [InlineData("2026-12-05 17:00", "2026-12-05T16:00:00Z", false)]
    [InlineData("2026-12-05T17:00:00.123+01:00", "2026-12-05T16:00:00Z", false)] // stored to the second
    public void DueDatesAreReadInTheUsersZone(string text, string utc, bool allDay)
    {
        var due = TaskFieldRules.Due(text, Paris);

        Assert.True(due.IsValid, due.Error);
        Assert.Equal(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), due.Value.At);
        Assert.Equal(DateTimeKind.Utc, due.Value.At.Kind);
        Assert.Equal(allDay, due.Value.Date is not null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("next friday")]
    [InlineData("05/12/2026")]
    [InlineData("2026-12-5")]
    [InlineData("1969-12-31")]
    [InlineData("3000-01-01")]
    [InlineData("2026-12-05T24:00")]
    [InlineData("2026-12-05Tnoon")]
    public void OtherDueTextsAreRefusedWithAnExample(string text)
    {
        var due = TaskFieldRules.Due(text, Paris);

        Assert.False(due.IsValid);
        Assert.Contains("e.g. 2026-12-05 or 2026-12-05T17:00:00+01:00", due.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TagsAreNormalisedAndDeduplicated()
    {
        var tags = TaskFieldRules.Tags(["Work", " #work ", "Deep\tFocus", "Été", "r&d", "a/b", "x+y", "v1.2"]);

        Assert.True(tags.IsValid, tags.Error);
        Assert.Equal(["work", "deep focus", "été", "r&d", "a/b", "x+y", "v1.2"], tags.Value);
    }

    [Fact]
    public void TwentyTagsAreAllowedAndTwentyOneAreNot()
    {
        Assert.True(TaskFieldRules.Tags([.. Enumerable.Range(0, FieldLimits.TagsPerTask).Select(i => $"t{i}")]).IsValid);
        Assert.False(TaskFieldRules.Tags([.. Enumerable.Range(0, FieldLimits.TagsPerTask + 1).Select(i => $"t{i}")]).IsValid);
        Assert.True(TaskFieldRules.Tag(new string('é', FieldLimits.TaskTag)).IsValid);
        Assert.False(TaskFieldRules.Tag(new string('é', FieldLimits.TaskTag + 1)).IsValid);
    }

    [Theory]
    [InlineData("PT15M", 15, "PT15M")]
    [InlineData("PT1H", 60, "PT1H")]
    [InlineData("pt90m", 90, "PT1H30M")]
    [InlineData("P1D", 1440, "P1D")]
    [InlineData("-P1DT2H", 1560, "P1DT2H")]
    [InlineData("P1W", 10080, "P7D")]
    [InlineData("PT0M", 0, "PT0M")]
    [InlineData("PT0S", 0, "PT0M")]
    [InlineData("PT120S", 2, "PT2M")]
    public void RelativeRemindersAreDurationsBeforeTheDueTime(string text, int minutes, string shown)
    {
        Assert.Equal(minutes, TaskFieldRules.MinutesOf(text));
        Assert.Equal(shown, TaskFieldRules.FormatMinutes(minutes));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1Y")]
    [InlineData("PT1S")]
    [InlineData("PT90S")]
    [InlineData("P367D")]
    [InlineData("1 hour")]
    public void OtherDurationsAreRefused(string text) => Assert.Null(TaskFieldRules.MinutesOf(text));

    [Fact]
    public void RemindersBeforeAnAllDayTaskCountBackFromNineInTheMorning()
    {
        var owner = new TaskOwner("u", Paris);
        var task = new TaskItem { UserId = "u", Title = "t" };

        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-05", Reminders: ["PT1H", "2026-12-01T10:00"]), owner, LongBefore));

        Assert.Equal([new DateTime(2026, 12, 5, 7, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)],
            task.Reminders.Select(r => r.FireAt!.Value));
        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-06T18:00"), owner, LongBefore));
        Assert.Equal(new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc), task.Reminders[0].FireAt);
    }

    /// <summary>
    /// "Call mom" due Friday 18:00 made to repeat every Sunday: due that Sunday at 18:00 (before: still Friday, so one call
    /// on a Friday and Sundays after), its reminder before the due time moved with it. A due date given with the rule, the
    /// same rule sent again, and a rule that picks no day leave the due date as it is.
    /// </summary>
    [Fact]
    public void A_repeat_that_picks_days_moves_the_due_date_to_the_first_of_them()
    {
        var owner = new TaskOwner("u", Paris);
        var task = new TaskItem { UserId = "u", Title = "Call mom" };
        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-11T18:00", Reminders: ["PT1H"]), owner, LongBefore));

        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Recurrence: "FREQ=WEEKLY;BYDAY=SU"), owner, LongBefore));
        Assert.Equal(new DateTime(2026, 12, 13, 17, 0, 0, DateTimeKind.Utc), task.DueAt);
        Assert.Equal(new DateTime(2026, 12, 13, 16, 0, 0, DateTimeKind.Utc), task.Reminders.Single().FireAt);

        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-18T18:00"), owner, LongBefore)); // one Friday, moved by hand
        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Recurrence: "FREQ=WEEKLY;BYDAY=SU"), owner, LongBefore));
        Assert.Equal(new DateTime(2026, 12, 18, 17, 0, 0, DateTimeKind.Utc), task.DueAt);

        var given = new TaskItem { UserId = "u", Title = "Call mom" };
        Assert.Null(TaskEdits.Apply(given, new TaskChanges(Due: "2026-12-11T18:00", Recurrence: "FREQ=WEEKLY;BYDAY=SU"), owner, LongBefore));
        Assert.Equal(new DateTime(2026, 12, 11, 17, 0, 0, DateTimeKind.Utc), given.DueAt);

        var weekly = new TaskItem { UserId = "u", Title = "Water the plants" };
        Assert.Null(TaskEdits.Apply(weekly, new TaskChanges(Due: "2026-12-11"), owner, LongBefore));
        Assert.Null(TaskEdits.Apply(weekly, new TaskChanges(Recurrence: "FREQ=WEEKLY"), owner, LongBefore));
        Assert.Equal(new DateOnly(2026, 12, 11), weekly.DueDate);
    }

    [Fact]
    public void AReminderSetForAMomentAlreadyPassedCountsAsPassedAndOneAheadWaits()
    {
        var owner = new TaskOwner("u", Paris);
        var task = new TaskItem { UserId = "u", Title = "Pay rent" };
        var now = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

        // Due tomorrow at 10:00 (09:00 UTC): a day before is this morning, gone by; an hour before is ahead; a moment
        // under a minute ago ("remind me now") still goes off.
        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-02T10:00", Reminders: ["P1D", "PT1H", "2026-12-01T12:59:30"]), owner, now));

        Assert.Equal([now, null, null], task.Reminders.Select(r => r.SentAt));

        // Moved a week on: the day before is ahead again, and waits.
        var later = now.AddHours(1);
        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-09T10:00"), owner, later));
        Assert.Equal([null, null, null], task.Reminders.Select(r => r.SentAt));
    }

    [Fact]
    public void AReminderWhoseMomentDoesNotChangeKeepsWhetherItWentOff()
    {
        var owner = new TaskOwner("u", Paris);
        var task = new TaskItem { UserId = "u", Title = "Dentist" };
        var now = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-01T12:00", Reminders: ["2026-12-01T10:00", "PT30M"]), owner, now));
        var delivered = now.AddHours(1);
        task.Reminders[0].SentAt = delivered; // the worker delivered the 10:00 one (09:00 UTC)

        // A new due time and the same list sent again, later: the 10:00 one is not made new (so not delivered twice),
        // and the one before the due time moves ahead and waits.
        Assert.Null(TaskEdits.Apply(task, new TaskChanges(Due: "2026-12-01T15:00", Reminders: ["PT30M", "2026-12-01T10:00"]), owner, now.AddHours(2)));

        Assert.Equal([(new DateTime(2026, 12, 1, 9, 0, 0), (DateTime?)delivered), (new DateTime(2026, 12, 1, 13, 30, 0), null)],
            task.Reminders.Select(r => (r.FireAt!.Value, r.SentAt)));
    }

    [Fact]
    public void ACursorRoundTripsAndAnythingElseIsRefused()
    {
        var cursor = new TaskCursor("due", 7, new DateTime(2026, 12, 5, 16, 0, 0, DateTimeKind.Utc).Ticks);

        Assert.Equal(cursor, TaskCursor.Decode(cursor.Encode()));
        Assert.Null(TaskCursor.Decode("!!"));
        Assert.Null(TaskCursor.Decode("e30")); // {}
        Assert.Null(TaskCursor.Decode(new TaskCursor("title", 3).Encode())); // a title cursor without its title
        Assert.Null(TaskCursor.Decode(new TaskCursor("nonsense", 3).Encode()));
        Assert.Null(TaskCursor.Decode(new TaskCursor("due", 3, -5).Encode()));

        var recent = TaskCursor.After(new TaskItem { UserId = "u", Title = "Buy milk", Number = 12, UpdatedAt = new DateTime(2026, 12, 4, 23, 5, 1, DateTimeKind.Utc).AddTicks(7) }, TaskSorts.Updated);
        Assert.Equal(recent, TaskCursor.Decode(recent.Encode()));
        Assert.Equal(new DateTime(2026, 12, 4, 23, 5, 1, DateTimeKind.Utc).AddTicks(7), TaskCursor.Decode(recent.Encode())!.Updated);
        Assert.Null(TaskCursor.Decode(new TaskCursor("updated", 3).Encode())); // an order by last change without its time
        Assert.Null(TaskCursor.Decode(new TaskCursor("updated", 3, UpdatedTicks: -1).Encode()));
    }

    [Theory]
    [InlineData("none", TaskPriority.None)]
    [InlineData(" HIGH ", TaskPriority.High)]
    [InlineData("Low", TaskPriority.Low)]
    [InlineData("medium", TaskPriority.Medium)]
    public void PrioritiesAreNamed(string text, TaskPriority priority)
    {
        Assert.Equal(priority, TaskFieldRules.Priority(text).Value);
        Assert.False(TaskFieldRules.Priority("4").IsValid);
    }

    [Fact]
    public void TheLimitsToolDescriptionsQuoteAreTheRulesOwn()
    {
        Assert.Equal(FieldLimits.Text.TaskTitle, FieldLimits.TaskTitle.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TaskDescription, FieldLimits.TaskDescription.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TaskTag, FieldLimits.TaskTag.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TagsPerTask, FieldLimits.TagsPerTask.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.RemindersPerTask, FieldLimits.RemindersPerTask.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TaskRecurrence, FieldLimits.TaskRecurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TaskSearch, FieldLimits.TaskSearch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TaskPageDefault, FieldLimits.TaskPageDefault.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TaskPageMax, FieldLimits.TaskPageMax.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FieldLimits.Text.TaskIdsMax, FieldLimits.TaskIdsMax.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TheAgentsLookupsStayWithinTheMcpsLimits()
    {
        Assert.Equal(FieldLimits.TaskPageMax, TaskChat.Agent.TaskToolArguments.PageMax);
        Assert.Equal(FieldLimits.TaskSearch, TaskChat.Agent.TaskToolArguments.SearchMax);
        Assert.Equal(FieldLimits.TaskIdsMax, TaskChat.Agent.TaskToolArguments.TaskIdsMax);
    }
}
