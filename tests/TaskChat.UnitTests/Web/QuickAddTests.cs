using TaskChat.Contract;
using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>The add box's line, its reading and the Due/Time/Priority fields made into the one task Add creates.</summary>
public sealed class QuickAddTests
{
    private static readonly AddFields NoFields = new(null, false, null);

    private static readonly ParsedTask PayRent = new("Pay rent", "2026-12-04T09:00:00+01:00", "Friday at 09:00", TaskPriorities.High, ["home"],
        "FREQ=MONTHLY", "every month", ["PT1H"],
        [new(TaskLineParts.Due, 9, 10, "friday 9am"), new(TaskLineParts.Repeat, 20, 11, "every month"), new(TaskLineParts.Tags, 32, 5, "#home"),
         new(TaskLineParts.Priority, 38, 5, "!high"), new(TaskLineParts.Reminders, 44, 31, "and remind me an hour before")]);

    [Fact]
    public void TheReadingIsTheTask()
    {
        var request = QuickAdd.Request("pay rent friday 9am …", PayRent, NoFields);

        Assert.Equal(("Pay rent", "2026-12-04T09:00:00+01:00", "high", "FREQ=MONTHLY"), (request.Title, request.Due, request.Priority, request.Recurrence));
        Assert.Equal(["home"], request.Tags!);
        Assert.Equal(["PT1H"], request.Reminders!);
    }

    [Fact]
    public void WithoutAReadingTheLineIsTheTitleAsTypedWithTheFields()
    {
        var request = QuickAdd.Request("  pay rent friday  ", null, new AddFields("2026-12-06", false, TaskPriorities.Low));

        Assert.Equal(("pay rent friday", "2026-12-06", "low"), (request.Title, request.Due, request.Priority));
        Assert.Null(request.Tags);
        Assert.Null(request.Recurrence);
    }

    [Fact]
    public void ChosenFieldsWinAndAreKeptOutOfTheReading()
    {
        var fields = new AddFields("2026-12-10T08:00", true, TaskPriorities.Medium);

        var request = QuickAdd.Request("pay rent", PayRent with { Due = null, Priority = null }, fields);

        Assert.Equal(("2026-12-10T08:00", "medium"), (request.Due, request.Priority));
        Assert.Equal([TaskLineParts.Tags, TaskLineParts.Due, TaskLineParts.Priority], QuickAdd.KeptBy(fields, [TaskLineParts.Tags]));
    }

    [Fact]
    public void TheTodayViewsOwnDayGivesWayToADayInTheLine()
    {
        var request = QuickAdd.Request("pay rent friday", PayRent, new AddFields("2026-12-02", false, null));

        Assert.Equal("2026-12-04T09:00:00+01:00", request.Due);
        Assert.Empty(QuickAdd.KeptBy(new AddFields("2026-12-02", false, null), []));
    }

    [Fact]
    public void ARepeatAndRemindersNeedADueDate()
    {
        var request = QuickAdd.Request("stretch", PayRent with { Due = null }, NoFields);

        Assert.Null(request.Due);
        Assert.Null(request.Recurrence);
        Assert.Null(request.Reminders);
    }

    [Fact]
    public void ThePreviewSaysEachPartInWords()
    {
        Assert.Equal(["Friday at 09:00", "Every month", "#home", "High priority", "Reminder 1 hour before"], QuickAdd.Parts(PayRent).Select(p => p.Label));
        Assert.Equal("friday 9am", QuickAdd.Parts(PayRent)[0].Words);
    }

    [Fact]
    public void EachTagHasAChipWhoseCrossKeepsThatTagAlone()
    {
        var reading = PayRent with
        {
            Tags = ["home", "bills"],
            Parts = [new(TaskLineParts.Due, 9, 10, "friday 9am"), new(TaskLineParts.Tags, 20, 5, "#home"), new(TaskLineParts.Tags, 26, 7, "#Bills,")],
        };

        var parts = QuickAdd.Parts(reading);

        Assert.Equal(["Friday at 09:00", "#home", "#bills"], parts.Select(p => p.Label));
        Assert.Equal([TaskLineParts.Due, "#home", "#bills"], parts.Select(p => p.Keep));
        Assert.Equal("#Bills,", parts[2].Words);
        Assert.Equal([TaskLineParts.Due, "#bills"], QuickAdd.KeptBy(NoFields, [TaskLineParts.Due, parts[2].Keep]));
    }

    [Theory]
    [InlineData("2026-12-04", "2026-12-04")]
    [InlineData("2026-12-04T23:30:00+13:00", "2026-12-04")]
    [InlineData(null, null)]
    [InlineData("soon", null)]
    public void TheDayOfADueIsItsOwnDay(string? due, string? day) =>
        Assert.Equal(day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), QuickAdd.DayOf(due));
}
