using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// What a row just did that the undo bar can take back: <see cref="Task"/> as it was before (the row's copy). A deletion is
/// taken back by the api's restore, which brings the task back as it was, with its own number: nothing is sent but that number.
/// </summary>
public sealed record TaskUndo(TaskView Task, bool Deleted)
{
    /// <summary>What the bar says while Undo is offered: "Completed “Buy milk”", "Deleted “Buy milk”".</summary>
    public string Said => Deleted ? $"Deleted “{Task.Title}”" : $"Completed “{Task.Title}”";

    /// <summary>What the bar says once Undo worked: "Reopened “Buy milk”", "Restored “Buy milk”" (the same #N: no number to tell).</summary>
    public string Undone => Deleted ? $"Restored “{Task.Title}”" : $"Reopened “{Task.Title}”";
}
