using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Web.Api;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// The tasks page: a view (Today, Upcoming, Overdue, All) of the open tasks with the completed ones grouped below, its
/// search and sort in the address, read a page at a time. The add form is TasksPage.Add.cs, links to a task
/// (/tasks#task-N) TasksPage.Links.cs.
/// </summary>
public sealed partial class TasksPage
{
    /// <summary>
    /// A way to look at the list: the open tasks it shows, and the completed ones grouped below (none for
    /// Overdue, which only open tasks can be). Dates are days in the user's zone, sent as days: the api reads
    /// them in the token's zone. Today includes what is overdue, as Todoist and Microsoft To Do do.
    /// </summary>
    private sealed record TaskListView(string Key, string Label, string DefaultSort, string Empty,
        Func<DateOnly, TaskQuery> Open, Func<DateOnly, TaskQuery>? Done);

    private static readonly TaskListView[] Views =
    [
        new("today", "Today", TaskSorts.Due, "Nothing due today. Enjoy the quiet!",
            today => new(ListStatus.Pending, DueBefore: today.AddDays(1)),
            today => new(ListStatus.Completed, DueAfter: today, DueBefore: today.AddDays(1))),
        new("upcoming", "Upcoming", TaskSorts.Due, "Nothing planned after today. Give a task a due date to see it here.",
            today => new(ListStatus.Pending, DueAfter: today.AddDays(1)),
            today => new(ListStatus.Completed, DueAfter: today.AddDays(1))),
        new("overdue", "Overdue", TaskSorts.Due, "Nothing overdue. Nice work!",
            _ => new(ListStatus.Pending, Overdue: true),
            null),
        new("all", "All", TaskSorts.Created, "No tasks yet. Add one above, or just tell the chat what you need to do.",
            _ => new(ListStatus.Pending),
            _ => new(ListStatus.Completed)),
    ];

    /// <summary>Without ?view= the page shows everything: most tasks told to the chat have no date.</summary>
    private static readonly TaskListView DefaultView = Views[^1];

    private static readonly (string Key, string Label)[] SortLabels =
        [(TaskSorts.Due, "Due date"), (TaskSorts.Priority, "Priority"), (TaskSorts.Created, "Date added"), (TaskSorts.Title, "Title"), (TaskSorts.Updated, "Recently changed")];

    /// <summary>How long the search box waits after the last key before it asks the api.</summary>
    private static readonly TimeSpan SearchPause = TimeSpan.FromMilliseconds(300);

    [SupplyParameterFromQuery(Name = "view")]
    private string? ViewKey { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    private string? SortKey { get; set; }

    /// <summary>The search the list shows (/tasks?q=milk): a reload, Back or a bookmark keeps it.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    private string? SearchQuery { get; set; }

    private TaskListView _view = DefaultView;
    private string _sort = DefaultView.DefaultSort;
    private string? _sortChosen;
    /// <summary>What the search box holds, which may be ahead of the list while the user types.</summary>
    private string _search = "";

    /// <summary>The search the list shows, the URL's q (trimmed).</summary>
    private string _searchApplied = "";

    /// <summary>
    /// The searches this page put in the URL that have not come back as its q yet. One that comes back leaves the box
    /// alone: the user may have typed on since (a slow connection can hold the navigation past the next pause).
    /// </summary>
    private readonly List<string> _searchesPushed = [];
    private CancellationTokenSource? _searchPause;
    private DateOnly _today;
    private List<TaskView>? _open;
    private string? _openCursor;
    private List<TaskView>? _done;
    private string? _doneCursor;
    private bool _doneShown = true;
    private bool _loadFailed;
    private int _generation;
    private ViewCounts? _counts;
    private UndoBar? _undoBar;

    /// <summary>The interactive page has its first list: from here on it renders only when something happens.</summary>
    private bool _settled;

    /// <summary>
    /// The tools and the add form can be used. Not before the first load's render: every render gives the
    /// title's and the priority's <c>@bind</c> new event handler ids, and a key that reached the server with an
    /// id that render had replaced could be refused, losing what was typed (as the chat's first message was).
    /// </summary>
    private bool Ready => RendererInfo.IsInteractive && _settled;

    private TaskListView CurrentView => _view;

    private string EmptyText => _searchApplied.Length > 0 ? $"No open tasks match “{_searchApplied}”."
        : _done is { Count: > 0 } ? "All done here. Enjoy the quiet!"
        : CurrentView.Empty;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _lineReading = new LineReading(Api, Clock);
        _linked = LinkedTask(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_linked is not { } id || _open is null || _done is null || !RendererInfo.IsInteractive)
        {
            return;
        }
        _linked = null;
        bool shown;
        try
        {
            shown = await JS.InvokeAsync<bool>("taskChat.showTask", $"task-{id}");
        }
        catch (JSDisconnectedException)
        {
            return; // The tab went.
        }
        if (!shown)
        {
            await FindLinkedAsync(id);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var view = Views.FirstOrDefault(v => string.Equals(v.Key, ViewKey, StringComparison.OrdinalIgnoreCase)) ?? DefaultView;
        var chosen = SortKey?.ToLowerInvariant() is { } s && TaskSorts.All.Contains(s) ? s : null;
        var sort = chosen ?? view.DefaultSort;
        var search = SearchQuery?.Trim() ?? "";
        if (search.Length > FieldLimits.TaskSearch)
        {
            search = search[..FieldLimits.TaskSearch].TrimEnd(); // An edited URL: searched as far as the box would take it.
        }
        if (_searchesPushed.IndexOf(search) is var pushed and >= 0)
        {
            _searchesPushed.RemoveRange(0, pushed + 1);
        }
        else
        {
            _search = search; // A load, Back or a link: the box says what the list is searched for.
        }
        var searchChanged = search != _searchApplied;
        _searchApplied = search;
        if (view == CurrentView && sort == _sort && _open is not null)
        {
            if (searchChanged)
            {
                (_addedElsewhere, _addedUnderSearch) = (null, null); // It may have said the search hid the task just added.
                await ReloadAsync(); // The list shown until the answer comes, as before the search was in the URL.
            }
            return;
        }
        var viewChanged = view != _view;
        _view = view;
        _sort = sort;
        _sortChosen = chosen;
        _open = null;
        _done = null;
        if (viewChanged)
        {
            _addedElsewhere = null;
            _linkedElsewhere = null;
        }
        if (viewChanged || _newDate is null)
        {
            _newDate = null; // Set to today below for the Today view, so that a task added there shows there.
        }
        if (!RendererInfo.IsInteractive)
        {
            // Prerendered (a full page load): the view's frame with "Loading…", and no call to the api; the interactive
            // page loads the list once (loading in both called the api twice per load, and showed the list, then
            // "Loading…", then the list again).
            return;
        }
        await ReloadAsync();
        if (CurrentView.Key == "today" && _newDate is null && !_loadFailed)
        {
            _newDate = _today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        _settled = true;
    }

    protected override Task OnApiRecoveredAsync() => ReloadAsync();

    /// <summary>
    /// Loads the current view again (open tasks and the completed group), as many as are shown now, so a
    /// refresh never collapses "Show more". Everything that changes the list calls it; so can a live update.
    /// </summary>
    public async Task ReloadAsync()
    {
        var generation = ++_generation;
        var view = CurrentView;
        var sort = _sort;
        var search = _searchApplied;
        var loaded = await CallAsync(async () =>
        {
            var today = await TodayAsync();
            var open = await Api.ListTasksAsync(view.Open(today) with { Sort = sort, Search = search, Limit = PageSize(_open) });
            var done = view.Done is null ? null
                : await Api.ListTasksAsync(view.Done(today) with { Sort = sort, Search = search, Limit = PageSize(_done) });
            var counts = await CountAsync(view, search, today, open);
            if (generation != _generation)
            {
                return; // A slower answer for a view, sort or search the user already left is dropped.
            }
            _today = today;
            _open = [.. open.Tasks];
            _openCursor = open.NextCursor;
            _done = done is null ? [] : [.. done.Tasks];
            _doneCursor = done?.NextCursor;
            _counts = counts;
            // Added while a search narrows the list, and not matching it: said, with the way to the list without the
            // search (before, the task was added and nothing on the page showed it). Here, in the load that is shown (a
            // live update's load may overtake the add's own), not after the add's load returns.
            if (_addedUnderSearch is { } added && search.Length > 0)
            {
                _addedUnderSearch = null;
                if (!_open.Concat(_done).Any(shown => shown.Id == added.Id))
                {
                    _addedElsewhere = new(added.Title, $"It doesn't match “{search}”", view);
                }
            }
        });
        // Only the newest load says whether loading failed: a stale one that succeeded must not hide a newer
        // one's error (or clear it and leave the page on "Loading…" with nothing coming).
        if (generation == _generation)
        {
            _loadFailed = !loaded;
        }
    }

    /// <summary>
    /// The views' badges. All of the open tasks, when the page just loaded them (All, unsearched, one page); else one
    /// call for a page of pending tasks by due date, which counts every view at once.
    /// </summary>
    private async Task<ViewCounts> CountAsync(TaskListView view, string search, DateOnly today, TaskList open)
    {
        if (view == DefaultView && search.Length == 0 && open.NextCursor is null)
        {
            return ViewCounts.Of(open.Tasks, today, more: false);
        }
        var pending = await Api.ListTasksAsync(new TaskQuery(ListStatus.Pending, Sort: TaskSorts.Due, Limit: FieldLimits.TaskPageMax));
        return ViewCounts.Of(pending.Tasks, today, more: pending.NextCursor is not null);
    }

    private void Offer(TaskUndo done) => _undoBar?.Offer(done);

    private static int? PageSize(List<TaskView>? shown) =>
        shown is { Count: > FieldLimits.TaskPageDefault } ? Math.Min(shown.Count, FieldLimits.TaskPageMax) : null;

    private async Task<DateOnly> TodayAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await TimeZones.GetAsync(state.User));
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), zone).DateTime);
    }

    private async Task ShowMoreAsync(bool done)
    {
        var cursor = done ? _doneCursor : _openCursor;
        var query = done ? CurrentView.Done?.Invoke(_today) : CurrentView.Open(_today);
        if (cursor is null || query is null)
        {
            return;
        }
        var generation = _generation;
        await CallAsync(async () =>
        {
            var page = await Api.ListTasksAsync(query with { Sort = _sort, Search = _searchApplied, Cursor = cursor });
            if (generation != _generation)
            {
                return;
            }
            var shown = done ? _done : _open;
            // A task that moved since the first page (added, completed) is not shown twice.
            shown?.AddRange(page.Tasks.Where(t => shown.All(s => s.Id != t.Id)));
            if (done)
            {
                _doneCursor = page.NextCursor;
            }
            else
            {
                _openCursor = page.NextCursor;
            }
        }, "More tasks couldn't be loaded.");
    }

    private static string ViewUrl(string view, string? sort, string? search) =>
        $"/tasks?view={view}" + (sort is null ? "" : $"&sort={sort}") + (string.IsNullOrEmpty(search) ? "" : $"&q={Uri.EscapeDataString(search)}");

    private void SortChosen(ChangeEventArgs e) =>
        Navigation.NavigateTo(ViewUrl(CurrentView.Key, e.Value as string, _searchApplied), replace: true);

    private async Task SearchTyped(ChangeEventArgs e)
    {
        _search = e.Value as string ?? "";
        _searchPause?.Cancel();
        _searchPause?.Dispose();
        var pause = _searchPause = new CancellationTokenSource();
        try
        {
            // Debounced: one request when typing stops, not one per key.
            await Task.Delay(SearchPause, Clock, pause.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var search = _search.Trim();
        if (search == _searchApplied)
        {
            return; // Only spaces changed, or it was typed back to what the list shows.
        }
        // Into the URL, replacing its entry (Back leaves the page, not each word typed); OnParametersSetAsync loads it.
        _searchesPushed.Add(search);
        Navigation.NavigateTo(ViewUrl(CurrentView.Key, _sortChosen, search), replace: true);
    }

    private static TaskListView View(string key) => Views.First(v => v.Key == key);

    public override void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _lineReading?.Dispose();
        _searchPause?.Cancel();
        _searchPause?.Dispose();
        base.Dispose();
    }
}
