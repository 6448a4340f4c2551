using Microsoft.AspNetCore.Components;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

// The details: description, due date and time, priority, repeat (and skipping one), tags and reminders, each saved on its own.
public sealed partial class TaskRow
{
    private static readonly (string Value, string Label)[] ReminderChoices =
        [("PT0S", "At the due time"), ("PT10M", "10 minutes before"), ("PT30M", "30 minutes before"), ("PT1H", "1 hour before"), ("P1D", "1 day before")];

    // The editors' drafts, and the stored values they started from: a reload (after a save, or a change made
    // elsewhere) refreshes a draft only when the user has not changed it, so typing is never thrown away.
    private string _description = "";
    private string? _descriptionSeen;
    private string? _dueDate;
    private string? _dueTime;
    private string? _dueSeen;
    private string _shownPriority = TaskPriorities.None;
    private string _shownRepeat = "";
    // The note a repeat or a skip left, with the due date it speaks of: another (a change elsewhere, a completion) makes it stale.
    private (string Note, string? Due, bool BySkip)? _dueMoved;
    private string _tag = "";

    /// <summary>A tag is being added; tags sent meanwhile wait for it (<see cref="LinesOnTheirWay"/>).</summary>
    private bool _addingTag;
    private readonly LinesOnTheirWay _tagsSent = new();
    private ElementReference _tagInput;
    private string _reminder = "PT1H";
    /// <summary>What the date and time inputs hold, in the wire's form ("" when empty).</summary>
    private string DueDraft => string.IsNullOrEmpty(_dueDate) ? "" : string.IsNullOrEmpty(_dueTime) ? _dueDate : $"{_dueDate}T{_dueTime}";

    /// <summary>
    /// Saves one field. A refusal (the api's words) is shown next to that field and the draft stays as typed;
    /// an outage is a notice. Either way nothing typed is lost.
    /// </summary>
    private Task<bool> SaveAsync(string field, UpdateTaskRequest changes) =>
        SaveAsync(field, () => Api.UpdateTaskAsync(Task.Id, changes), $"“{Task.Title}” wasn't changed.");

    private async Task<bool> SaveAsync(string field, Func<Task> call, string failed)
    {
        _errors.Remove(field);
        _dueMoved = null; // Said once, for the change that moved it.
        _saving = true;
        var saved = await CallAsync(call, failed, error => _errors[field] = error);
        _saving = false;
        if (saved)
        {
            await Changed.InvokeAsync();
        }
        return saved;
    }

    private async Task SaveDescriptionAsync()
    {
        if (await SaveAsync("description", new UpdateTaskRequest(Description: _description.Trim())))
        {
            _descriptionSeen = null; // Take the stored text (trimmed) on the reload.
        }
    }

    private async Task SaveDueAsync()
    {
        if (!string.IsNullOrEmpty(_dueTime) && string.IsNullOrEmpty(_dueDate))
        {
            _errors["due"] = "Choose a day for the time, or clear the time.";
            return;
        }
        if (await SaveAsync("due", new UpdateTaskRequest(Due: DueDraft)))
        {
            _dueSeen = null;
        }
    }

    private async Task ClearDueAsync()
    {
        // Reminders before the due time go with it (the api refuses a task without a due date that keeps them, as a
        // calendar drops an event's alerts with its date); reminders at a set moment stay.
        if (await SaveAsync("due", new UpdateTaskRequest(Due: "", Reminders: TaskReminders.KeptWithoutDue(Task.Reminders ?? []))))
        {
            _dueSeen = null;
        }
    }

    private async Task SetPriorityAsync(ChangeEventArgs e)
    {
        var wanted = e.Value as string ?? TaskPriorities.None;
        _shownPriority = wanted;
        if (!await SaveAsync("priority", new UpdateTaskRequest(Priority: wanted)))
        {
            _shownPriority = Task.Priority; // The list shows what is stored, as the checkbox does.
        }
    }

    // The select's value for the stored rule: the matching choice (the api may write it in another order), else the rule.
    private string ShownRepeat => Task.Recurrence is { } rule ? TaskText.RepeatChoice(rule) ?? rule : "";

    private async Task SetRepeatAsync(ChangeEventArgs e)
    {
        var wanted = e.Value as string ?? "";
        _shownRepeat = wanted;
        var before = Task.Due;
        TaskView? saved = null;
        if (await SaveAsync("repeat", async () => saved = await Api.UpdateTaskAsync(Task.Id, new UpdateTaskRequest(Recurrence: wanted)),
            $"“{Task.Title}” wasn't changed."))
        {
            // A repeat given to a task without a due date starts on its first day, and one that picks days ("every weekday")
            // moves a due date on another day to the first it picks: the fields take it, the note says it.
            _dueSeen = null;
            _dueMoved = TaskText.DueMovedByRepeat(before, saved?.Due, Today) is { } note ? (note, saved?.Due, false) : null;
        }
        else
        {
            _shownRepeat = ShownRepeat;
        }
    }

    private async Task AddTagAsync()
    {
        if (_addingTag)
        {
            // Sent before the tag on its way was answered: added after it. Before, it ran at once with the box's "homework"
            // and the tags as they were, and the save that came last won.
            _tagsSent.SentDuringSave(_tag);
            return;
        }
        var tag = _tag.Trim();
        if (tag.Length == 0)
        {
            await _tagInput.FocusAsync(); // Add tag with nothing typed: the next thing to do is type.
            return;
        }
        // The list each save sends: the row's Task is refreshed by the page's reload, which may come after the next save.
        IReadOnlyList<string> tags = Task.Tags ?? [];
        _addingTag = true;
        try
        {
            await AddTagsAsync(tags, tag);
        }
        finally
        {
            _addingTag = false;
        }
    }

    private async Task AddTagsAsync(IReadOnlyList<string> tags, string tag)
    {
        do
        {
            tags = [.. tags, tag];
            _tagsSent.Saving(tag);
            if (!await SaveAsync("tags", new UpdateTaskRequest(Tags: tags)))
            {
                _tagsSent.Failed();
                return;
            }
            if (!await TypedLine.TakeFromFrontAsync(JS, _tagInput, tag)) // Keeps a next tag typed meanwhile.
            {
                _tagsSent.Failed();
            }
        }
        while (_tagsSent.Saved(out tag));
    }

    private Task<bool> RemoveTagAsync(string tag) =>
        SaveAsync("tags", new UpdateTaskRequest(Tags: [.. (Task.Tags ?? []).Where(t => t != tag)]));

    private Task<bool> AddReminderAsync() =>
        SaveAsync("reminders", new UpdateTaskRequest(Reminders: [.. Task.Reminders ?? [], _reminder]));

    private Task<bool> RemoveReminderAsync(string reminder) =>
        SaveAsync("reminders", new UpdateTaskRequest(Reminders: [.. (Task.Reminders ?? []).Where(r => r != reminder)]));

    private async Task SkipAsync()
    {
        TaskView? skipped = null;
        if (await SaveAsync("repeat", async () => skipped = await Api.SkipTaskAsync(Task.Id), $"“{Task.Title}” wasn't skipped."))
        {
            _dueSeen = null; // The due date fields take the new date on the reload.
            _dueMoved = TaskText.DueAfterSkip(skipped?.Due, Today) is { } note ? (note, skipped?.Due, true) : null;
        }
    }
}
