using Microsoft.AspNetCore.Components;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

// The add form: the line read as the chat reads it while it is typed (quick add), and where the task went.
public sealed partial class TasksPage
{
    /// <summary>A task just added that the current view does not show, and why: said, so that it does not seem lost.</summary>
    private sealed record AddedElsewhere(string Title, string Why, TaskListView View);

    private const string BlankTitle = "Type what needs doing first.";

    private string _newTitle = "";
    private string? _newDate;
    private string? _newTime;
    private string _newPriority = TaskPriorities.None;
    private string? _addError;

    /// <summary>The user set the Due day (not the Today view's own default): it wins over a day in the line.</summary>
    private bool _dateChosen;

    /// <summary>The parts the user asked to keep as typed ("Read Friday Night Lights": the × on "Friday"; "#1" for one tag's ×).</summary>
    private readonly HashSet<string> _keptAsTyped = [];

    /// <summary>The fields shown on a phone, where they are folded behind Details.</summary>
    private bool _detailsShown;
    private LineReading? _lineReading;
    private AddedElsewhere? _addedElsewhere;

    /// <summary>The task just added while a search was in force: the next load shown says so if the search hides it.</summary>
    private (long Id, string Title)? _addedUnderSearch;

    /// <summary>
    /// A task is being added. Blazor Server runs the next event while a handler awaits, so a double-click on Add or a
    /// second Enter came in with the title still in the box and added the task again: the line on its way is not added
    /// twice (<see cref="LinesOnTheirWay"/>). Add only looks idle meanwhile: disabled, it would take the focus from a
    /// keyboard user who pressed it.
    /// </summary>
    private bool _adding;

    /// <summary>Lines sent with Enter before the add before them was answered, added in order (<see cref="LinesOnTheirWay"/>).</summary>
    private readonly LinesOnTheirWay _linesSent = new();

    /// <summary>
    /// The title of a task whose add has taken longer than <see cref="SlowAddPause"/>, said under the box until it ends.
    /// An add takes milliseconds; one that hangs (the api stopped or stuck) took up to the api call's 10 s with nothing
    /// on the screen but the line still in its box, and people typed it again or left the page. Said only past the
    /// pause, so that a quick add does not flash a note, nor have a screen reader announce it.
    /// </summary>
    private string? _slowAdd;
    private static readonly TimeSpan SlowAddPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A task was just added and nothing typed since: a submit of the emptied box is the same tap repeated (a slower
    /// double-tap), not a blank title to point out.
    /// </summary>
    private bool _justAdded;
    private ElementReference _titleInput;

    private async Task AddAsync()
    {
        if (_adding)
        {
            _linesSent.SentDuringSave(_newTitle);
            return;
        }
        var line = _newTitle;
        while (await AddLineAsync(line) && _linesSent.Saved(out line))
        {
        }
    }

    /// <summary>Adds one line of the box; false when it was not added (the lines waiting after it then stay in the box).</summary>
    private async Task<bool> AddLineAsync(string typed)
    {
        if (typed.Trim().Length == 0 && _justAdded)
        {
            await _titleInput.FocusAsync(); // Ready for the next task; the one just added is in the list.
            return false;
        }
        _addError = null;
        _addedElsewhere = null;
        if (typed.Trim().Length == 0)
        {
            _addError = BlankTitle;
            await _titleInput.FocusAsync(); // Add was clicked: the next thing to do is type.
            return false;
        }
        if (!string.IsNullOrEmpty(_newTime) && string.IsNullOrEmpty(_newDate))
        {
            _addError = "Choose a day for the time, or clear the time.";
            return false;
        }
        _adding = true;
        var pending = typed.Trim();
        _linesSent.Saving(typed);
        var added = false;
        using var answered = new CancellationTokenSource();
        _ = SaySlowAddAsync(() => pending, answered.Token);
        try
        {
            // What the preview shows; asked for now when it has not come yet, and the line as typed when none comes.
            var fields = Fields();
            var reading = _lineReading is null ? null : await _lineReading.ForAddAsync(typed, QuickAdd.KeptBy(fields, _keptAsTyped));
            var request = QuickAdd.Request(typed, reading, fields);
            var title = pending = request.Title!;
            TaskView? created = null;
            _addedUnderSearch = null;
            if (await CallAsync(async () => created = await Api.AddTaskAsync(request), $"“{title}” wasn't added.", error => _addError = error))
            {
                _addedElsewhere = Elsewhere(title, QuickAdd.DayOf(request.Due));
                // The next task starts plain again (in the Today view: due today, so that it shows there), and a next
                // title typed while this one was saving is kept: the line added leaves the box in the browser (TypedLine).
                _justAdded = added = true;
                if (await TypedLine.TakeFromFrontAsync(JS, _titleInput, typed))
                {
                    _linesSent.Taken(); // Lines sent while the list reloads below are read against what the box holds now.
                }
                else
                {
                    _linesSent.Failed(); // The box no longer starts with the line added: what it holds is the user's to add.
                }
                _newDate = _view.Key == "today" ? _today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
                _newTime = null;
                _newPriority = TaskPriorities.None;
                _dateChosen = false;
                _keptAsTyped.Clear();
                await ReadLineAsync();
                if (_addedElsewhere is null && _searchApplied.Length > 0 && created is { } task)
                {
                    _addedUnderSearch = (task.Id, title); // Said by the load below if the search hides it.
                }
                await ReloadAsync();
            }
        }
        finally
        {
            await answered.CancelAsync();
            _slowAdd = null;
            _adding = false;
            if (!added)
            {
                _linesSent.Failed(); // Not added: the box still holds it and the lines after it, for the user to see.
            }
        }
        return added;
    }

    /// <summary>After <see cref="SlowAddPause"/>, unless the add ended first: says which task is still being added.</summary>
    private async Task SaySlowAddAsync(Func<string> title, CancellationToken ended)
    {
        try
        {
            await Task.Delay(SlowAddPause, Clock, ended);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await InvokeAsync(() =>
        {
            if (!ended.IsCancellationRequested)
            {
                _slowAdd = title();
                StateHasChanged();
            }
        });
    }

    private async Task TitleTyped(ChangeEventArgs typed)
    {
        _newTitle = typed.Value as string ?? "";
        if (!string.IsNullOrWhiteSpace(_newTitle))
        {
            _justAdded = false; // Empty, it is still the box the add emptied (in the browser, which says so with this event).
        }
        if (_addError == BlankTitle && !string.IsNullOrWhiteSpace(_newTitle))
        {
            _addError = null;
        }
        if (string.IsNullOrWhiteSpace(_newTitle))
        {
            _keptAsTyped.Clear(); // A new line starts with everything read again.
        }
        await ReadLineAsync();
    }

    /// <summary>The line read again once typing pauses; shown when its reading comes (the page renders after each event, not then).</summary>
    private async Task ReadLineAsync()
    {
        if (_lineReading is { } lines && await lines.ChangedAsync(_newTitle, QuickAdd.KeptBy(Fields(), _keptAsTyped)))
        {
            StateHasChanged();
        }
    }

    private async Task KeepAsTypedAsync(string keep)
    {
        _keptAsTyped.Add(keep);
        await ReadLineAsync();
        await _titleInput.FocusAsync();
    }

    private async Task DateChosenAsync(ChangeEventArgs e)
    {
        _newDate = e.Value as string;
        _dateChosen = !string.IsNullOrEmpty(_newDate);
        await ReadLineAsync();
    }

    private async Task TimeChosenAsync(ChangeEventArgs e)
    {
        _newTime = e.Value as string;
        await ReadLineAsync();
    }

    private Task FieldsChangedAsync() => ReadLineAsync();

    /// <summary>The Due, Time and Priority fields; a time counts as choosing the day it is on (the Today view's default one included).</summary>
    private AddFields Fields() => new(
        string.IsNullOrEmpty(_newDate) ? null : string.IsNullOrEmpty(_newTime) ? _newDate : $"{_newDate}T{_newTime}",
        _dateChosen || !string.IsNullOrEmpty(_newTime),
        _newPriority == TaskPriorities.None ? null : _newPriority);

    private bool FieldsChosen => _dateChosen || !string.IsNullOrEmpty(_newTime) || _newPriority != TaskPriorities.None;

    private string? AddDescribedBy => string.Join(" ", new[] { _addError is null ? null : "add-task-error", Preview() is null ? null : "add-preview" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    /// <summary>What Add would add, shown under the box when the line's reading found something in it.</summary>
    private (string Title, IReadOnlyList<ReadPart> Parts)? Preview() =>
        _lineReading?.Current is { Parts.Count: > 0 } reading && _lineReading.Text == _newTitle ? (reading.Title, QuickAdd.Parts(reading)) : null;

    /// <summary>The line cut into its plain and its read pieces, for the marks behind the input.</summary>
    private IEnumerable<(string Text, string? Kind)> MarkedLine()
    {
        if (_lineReading?.Current is not { } reading || _lineReading.Text != _newTitle)
        {
            yield return (_newTitle, null);
            yield break;
        }
        var at = 0;
        foreach (var part in reading.Parts.Where(p => p.Start >= 0 && p.Start + p.Length <= _newTitle.Length).OrderBy(p => p.Start))
        {
            if (part.Start < at)
            {
                continue;
            }
            yield return (_newTitle[at..part.Start], null);
            yield return (_newTitle.Substring(part.Start, part.Length), part.Kind);
            at = part.Start + part.Length;
        }
        yield return (_newTitle[at..], null);
    }

    /// <summary>
    /// Where a task added with this due day shows when the current view does not show it (in Today the date starts at
    /// today, but it can be cleared). Said instead of giving the task a date the user did not choose.
    /// </summary>
    private AddedElsewhere? Elsewhere(string title, DateOnly? due) => (_view.Key, due) switch
    {
        ("today" or "upcoming" or "overdue", null) => new(title, "It has no due date", View("all")),
        ("upcoming", { } day) when day == _today => new(title, "It's due today", View("today")),
        ("upcoming", { } day) when day < _today => new(title, "It's overdue", View("overdue")),
        ("overdue", { } day) when day == _today => new(title, "It's due today", View("today")),
        ("overdue", { } day) when day > _today => new(title, "It's due after today", View("upcoming")),
        _ => null,
    };
}
