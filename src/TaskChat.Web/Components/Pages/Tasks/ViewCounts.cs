using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// How many pending tasks each view of the tasks page lists, counted from one page of pending tasks sorted by due date
/// (dated first, earliest first), as the views' own queries would: Today is what is due today or before, Upcoming what
/// is due after today, Overdue what the api marks overdue. <paramref name="More"/>: the page was not all of them (more
/// than <c>TaskPageMax</c>); then All and Upcoming are "at least", while Today and Overdue stay exact when the page
/// reaches past today (every earlier date comes before it). <see cref="Tags"/>: each tag of those tasks and how many have
/// it, the most used first (the tags row, as Todoist's labels list), "at least" as All is.
/// </summary>
internal sealed record ViewCounts(int All, int Today, int Upcoming, int Overdue, bool More, bool PastToday)
{
    public IReadOnlyList<TagCount> Tags { get; init; } = [];

    public static ViewCounts Of(IReadOnlyList<TaskView> pendingByDue, DateOnly today, bool more)
    {
        int due = 0, upcoming = 0, overdue = 0;
        foreach (var task in pendingByDue)
        {
            if (TaskText.Due.Parse(task.Due) is { } day)
            {
                if (day.Date <= today)
                {
                    due++;
                }
                else
                {
                    upcoming++;
                }
            }
            if (task.Overdue)
            {
                overdue++;
            }
        }
        var last = pendingByDue.Count > 0 ? TaskText.Due.Parse(pendingByDue[^1].Due) : null;
        var tags = TaskTags.Count(pendingByDue.Select(t => t.Tags)).Select(c => new TagCount(c.Key, c.Value, more)).ToList();
        return new(pendingByDue.Count, due, upcoming, overdue, more, PastToday: !more || last is null || last.Value.Date > today) { Tags = tags };
    }

    /// <summary>A view's count as its badge says it: "12", or "200+" when there may be more than were counted.</summary>
    public string? Badge(string view) => view switch
    {
        "all" => Text(All, More),
        "today" => Text(Today, !PastToday),
        "upcoming" => Text(Upcoming, More),
        "overdue" => Text(Overdue, !PastToday),
        _ => null,
    };

    public int Count(string view) => view switch
    {
        "all" => All,
        "today" => Today,
        "upcoming" => Upcoming,
        "overdue" => Overdue,
        _ => 0,
    };

    internal static string Text(int count, bool atLeast) => atLeast ? $"{count}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A tag and the pending tasks that have it; <paramref name="AtLeast"/> when the count may miss some.</summary>
internal sealed record TagCount(string Tag, int Count, bool AtLeast)
{
    public string Badge => ViewCounts.Text(Count, AtLeast);
}
