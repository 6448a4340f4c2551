using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>One task of the list: its tick, title (renamed in place), what it shows folded, and its deletion; the details
/// it opens, each field saved on its own, are TaskRow.Details.cs.</summary>
public sealed partial class TaskRow
{
    private bool _editing;
    private bool _confirming;
    // Where the keyboard's focus goes after the next render: the element that replaced the one that had it (the editor when
    // renaming starts, the confirmation's Cancel for the bin, the bin again, the title after renaming), else the browser
    // drops it on the page. Taken by the render that draws that element (ShouldRender): an earlier render's after-render
    // step, run after the state changed, would ask the browser for an element that render did not have.
    private Func<ElementReference>? _focusNext;
    private Func<ElementReference>? _focusDrawn;
    private ElementReference _title;
    private ElementReference _delete;
    private ElementReference _cancelDelete;
    private bool _saving;
    private bool _shownDone;
    private bool _expanded;
    private string _draft = "";
    private ElementReference _editor;

    private readonly Dictionary<string, string> _errors = [];

    [Parameter, EditorRequired]
    public TaskView Task { get; set; } = default!;

    /// <summary>Today in the user's time zone: "Today", "Tomorrow" are counted from it.</summary>
    /// <summary>
    /// All the tasks with this tag, as a tag links in the task apps people know: searched for as "#home" (#"side project"
    /// when it has a space), which the api reads as that tag exactly, so the search box says what the list shows.
    /// </summary>
    public static string TagSearchUrl(string tag) => "/tasks?view=all&q=" + Uri.EscapeDataString(TagSearch(tag));

    /// <summary>The search that lists a tag's tasks: "#home", or #"side project" for a tag with a space.</summary>
    public static string TagSearch(string tag) => tag.Contains(' ', StringComparison.Ordinal) ? $"#\"{tag}\"" : "#" + tag;

    [Parameter]
    public DateOnly Today { get; set; }

    /// <summary>Tells the list to reload: a change may move the task out of the current view.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <summary>The task was completed or deleted here: the page offers to undo it.</summary>
    [Parameter]
    public EventCallback<TaskUndo> Undoable { get; set; }

    private string DetailsId => $"task-{Task.Id}-details";

    private TaskText.Due? Due => TaskText.Due.Parse(Task.Due);

    public static string PriorityLabel(string priority) => priority switch
    {
        TaskPriorities.High => "High",
        TaskPriorities.Medium => "Medium",
        TaskPriorities.Low => "Low",
        _ => "None",
    };

    protected override void OnParametersSet()
    {
        if (_dueMoved is { } moved && (Task.Completed || TaskText.Due.Parse(Task.Due) != TaskText.Due.Parse(moved.Due)))
        {
            _dueMoved = null;
        }
        _shownDone = Task.Completed;
        _shownPriority = Task.Priority;
        _shownRepeat = ShownRepeat;
        var description = Task.Description ?? "";
        if (_descriptionSeen is null || _description == _descriptionSeen)
        {
            _description = description;
        }
        _descriptionSeen = description;
        var due = Task.Due ?? "";
        if (_dueSeen is null || DueDraft == (TaskText.Due.Parse(_dueSeen)?.ToWire() ?? ""))
        {
            var parsed = TaskText.Due.Parse(Task.Due);
            _dueDate = parsed?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            _dueTime = parsed?.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }
        _dueSeen = due;
    }

    protected override bool ShouldRender()
    {
        if (_focusNext is not null)
        {
            (_focusDrawn, _focusNext) = (_focusNext, null);
        }
        return true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusDrawn is not { } focus)
        {
            return;
        }
        _focusDrawn = null; // Once: later renders must not steal the caret.
        try
        {
            await focus().FocusAsync();
        }
        catch (JSException)
        {
            // A later render took the element away before the browser got to it (the list reloaded): nothing to focus, and
            // no reason to end the page's circuit, which an unhandled error here does.
        }
    }

    // Cancel has the focus, not Delete: a second Enter on the bin keeps the task (the safe choice, as in a dialog).
    private void AskDelete()
    {
        _confirming = true;
        _focusNext = () => _cancelDelete;
    }

    private void CancelDelete()
    {
        _confirming = false;
        _focusNext = () => _delete;
    }

    private void ConfirmKey(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            CancelDelete();
        }
    }

    private string? Error(string field) => _errors.GetValueOrDefault(field);

    private void ToggleDetails() => _expanded = !_expanded;

    private void Edit()
    {
        _draft = Task.Title;
        _editing = true;
        _focusNext = () => _editor;
    }

    private void Cancel()
    {
        _editing = false;
        _focusNext = () => _title;
    }

    private void KeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            Cancel();
        }
    }

    private async Task RenameAsync()
    {
        var title = _draft.Trim();
        if (title.Length == 0 || title == Task.Title)
        {
            Cancel();
            return;
        }
        if (await CallAsync(() => Api.RenameTaskAsync(Task.Id, title), $"“{Task.Title}” wasn't renamed."))
        {
            Cancel();
            await Changed.InvokeAsync();
        }
    }

    private async Task ToggleAsync(ChangeEventArgs e)
    {
        // The box shows the new state while it is saved; if saving fails it goes back to what is
        // stored, and the notice says so: a checkbox never shows a state that was not saved.
        var wanted = e.Value is true;
        _shownDone = wanted;
        _saving = true;
        StateHasChanged();
        var saved = await CallAsync(() => Api.SetCompletedAsync(Task.Id, wanted),
            wanted ? $"“{Task.Title}” is still not done: the change wasn't saved." : $"“{Task.Title}” is still done: the change wasn't saved.");
        _saving = false;
        if (saved)
        {
            if (wanted)
            {
                await Undoable.InvokeAsync(new TaskUndo(Task, Deleted: false));
            }
            await Changed.InvokeAsync();
        }
        else
        {
            _shownDone = Task.Completed;
        }
    }

    private async Task DeleteAsync()
    {
        _confirming = false;
        if (await CallAsync(() => Api.DeleteTaskAsync(Task.Id), $"“{Task.Title}” wasn't deleted."))
        {
            await JS.InvokeVoidAsync("taskChat.focusAfterRow", $"task-{Task.Id}");
            await Undoable.InvokeAsync(new TaskUndo(Task, Deleted: true));
            await Changed.InvokeAsync();
        }
        else
        {
            _focusNext = () => _delete;
        }
    }
}
