using TaskChat.Contract;
using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>What the undo bar says, and the POST that brings a deleted task back with its fields.</summary>
public sealed class TaskUndoTests
{
    private static readonly TaskView Gym = new(12, "Gym", "Legs\nhttps://example.org/plan", Completed: false, DateTime.UtcNow, DateTime.UtcNow,
        Due: "2026-12-07T18:00:00+01:00", Priority: TaskPriorities.High, Tags: ["health"], Recurrence: "FREQ=WEEKLY",
        RepeatFrom: RepeatFromValues.Completion, Reminders: ["PT1H"]);

    [Fact]
    public void ADeletedTaskComesBackWithEveryFieldItHad() =>
        Assert.Equivalent(new CreateTaskRequest("Gym", "Legs\nhttps://example.org/plan", "2026-12-07T18:00:00+01:00", TaskPriorities.High,
            ["health"], "FREQ=WEEKLY", RepeatFromValues.Completion, ["PT1H"]), new TaskUndo(Gym, Deleted: true).Restore(), strict: true);

    [Fact]
    public void ADeletedTaskThatWasDoneComesBackWithoutItsRepeat()
    {
        // Its completion made the next occurrence, which repeats on: completing it again would make another.
        var restored = new TaskUndo(Gym with { Completed = true }, Deleted: true).Restore();

        Assert.Null(restored.Recurrence);
        Assert.Null(restored.RepeatFrom);
        Assert.Equal("2026-12-07T18:00:00+01:00", restored.Due);
    }

    [Fact]
    public void APlainTaskSendsOnlyItsTitle() =>
        Assert.Equivalent(new CreateTaskRequest("Milk"),
            new TaskUndo(new TaskView(3, "Milk", null, false, DateTime.UtcNow, DateTime.UtcNow), Deleted: true).Restore(), strict: true);

    [Theory]
    [InlineData(true, "Deleted “Gym”")]
    [InlineData(false, "Completed “Gym”")]
    public void TheBarSaysWhatWasDone(bool deleted, string said) => Assert.Equal(said, new TaskUndo(Gym, deleted).Said);
}
