using TaskChat.Contract;
using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>What the undo bar says, before and after Undo (a deletion is restored with its own number: no new one to tell).</summary>
public sealed class TaskUndoTests
{
    private static readonly TaskView Gym = new(12, "Gym", "Legs\nhttps://example.org/plan", Completed: false, DateTime.UtcNow, DateTime.UtcNow,
        Due: "2026-12-07T18:00:00+01:00", Priority: TaskPriorities.High, Tags: ["health"], Recurrence: "FREQ=WEEKLY",
        RepeatFrom: RepeatFromValues.Completion, Reminders: ["PT1H"]);

    [Theory]
    [InlineData(true, "Deleted “Gym”")]
    [InlineData(false, "Completed “Gym”")]
    public void TheBarSaysWhatWasDone(bool deleted, string said) => Assert.Equal(said, new TaskUndo(Gym, deleted).Said);

    [Theory]
    [InlineData(true, "Restored “Gym”")]
    [InlineData(false, "Reopened “Gym”")]
    public void TheBarSaysWhatUndoDidWithoutANewNumber(bool deleted, string said) => Assert.Equal(said, new TaskUndo(Gym, deleted).Undone);
}
