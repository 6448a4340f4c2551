using Microsoft.AspNetCore.Components.Routing;
using TaskChat.Contract;
using TaskChat.Web.Api;

namespace TaskChat.Web.Components.Pages.Tasks;

// A link to a task (/tasks#task-N, from the chat's list or a reminder): scrolled to and marked once listed.
public sealed partial class TasksPage
{
    /// <summary>The task a link points at (/tasks#task-N: the chat's side list, a reminder), shown once the list has it.</summary>
    private long? _linked;

    /// <summary>Pages loaded to find the linked task further down the view (a few at most, then it is said).</summary>
    private int _linkedPagesLoaded;
    private const int LinkedPagesMax = 4;

    /// <summary>A linked task the page does not show: its title (null when there is no such task) and the view to show it in.</summary>
    private sealed record LinkedElsewhere(long Id, string? Title, TaskListView View);
    private LinkedElsewhere? _linkedElsewhere;

    /// <summary>The task number in a link's fragment ("#task-12"), else null.</summary>
    private static long? LinkedTask(string uri) =>
        new Uri(uri).Fragment is { Length: > 6 } fragment && fragment.StartsWith("#task-", StringComparison.Ordinal)
        && long.TryParse(fragment.AsSpan(6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A link to a task followed on this page (a reminder's, or "Show it in All"): shown once the list is rendered.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (LinkedTask(e.Location) is { } id)
        {
            _linked = id;
            _linkedPagesLoaded = 0;
            _linkedElsewhere = null;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    /// <summary>
    /// The linked task is not in the list rendered: in the folded Completed group (unfolded), further down the view (its
    /// next pages), or not in this view at all (said, with a link to All, which shows every task).
    /// </summary>
    private async Task FindLinkedAsync(long id)
    {
        if (_done is not null && _done.Any(t => t.Id == id) && !_doneShown)
        {
            (_doneShown, _linked) = (true, id);
            StateHasChanged();
            return;
        }
        var done = _openCursor is null;
        if ((_openCursor ?? (_doneShown ? _doneCursor : null)) is not null && _linkedPagesLoaded < LinkedPagesMax)
        {
            _linkedPagesLoaded++;
            await ShowMoreAsync(done);
            _linked = id;
            StateHasChanged();
            return;
        }
        _linkedPagesLoaded = 0;
        TaskView? task = null;
        var asked = await CallAsync(async () =>
        {
            try
            {
                task = await Api.GetTaskAsync(id);
            }
            catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
            {
                // Deleted, or a number the user never had (another user's task is a 404 too).
            }
        });
        if (asked)
        {
            _linkedElsewhere = new(id, task?.Title, task is null ? DefaultView : ViewShowing(task));
            StateHasChanged();
        }
    }

    /// <summary>
    /// The narrowest view that lists <paramref name="task"/> (as the views' queries choose: a pending task due before today
    /// is in Overdue, one due today in Today, later in Upcoming; one without a date in All), for "Show it in …". All when
    /// that is the view shown, the task being in it but not found (beyond the pages loaded, or left out by the search).
    /// Before, the link always said All.
    /// </summary>
    private TaskListView ViewShowing(TaskView task)
    {
        DateOnly? day = task.Due is { Length: >= 10 } due
            && DateOnly.TryParseExact(due[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed : null;
        var view = (task.Completed, day) switch
        {
            (false, { } d) when d < _today => View("overdue"),
            (_, { } d) when d == _today => View("today"),
            (_, { } d) when d > _today => View("upcoming"),
            _ => DefaultView,
        };
        return view == _view && _searchApplied.Length == 0 ? DefaultView : view;
    }
}
