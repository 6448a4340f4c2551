using TaskChat.Contract;
using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>The tasks page's view badges, counted from one page of pending tasks sorted by due date.</summary>
public sealed class ViewCountsTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static readonly string[] ViewKeys = ["all", "today", "upcoming", "overdue"];

    private static TaskView Task(long id, string? due = null, bool overdue = false) =>
        new(id, $"Task {id}", null, Completed: false, DateTime.UtcNow, DateTime.UtcNow, Due: due, Overdue: overdue);

    [Fact]
    public void EachViewCountsTheTasksItsQueryWouldList()
    {
        TaskView[] pending =
        [
            Task(1, "2026-12-03", overdue: true),
            Task(2, "2026-12-05T08:00:00+13:00", overdue: true), // today, its time passed
            Task(3, "2026-12-05"),
            Task(4, "2026-12-06T09:00:00+13:00"),
            Task(5, "2027-01-10"),
            Task(6),
        ];

        var counts = ViewCounts.Of(pending, Today, more: false);

        Assert.Equal((6, 3, 2, 2), (counts.All, counts.Today, counts.Upcoming, counts.Overdue));
        Assert.Equal<string?>(["6", "3", "2", "2"], ViewKeys.Select(counts.Badge));
    }

    [Fact]
    public void APageThatIsNotAllOfThemSaysAtLeastWhereMoreMayBeMissing()
    {
        // Sorted by due date, the page reaches past today: every overdue task and every one due today is in it.
        var counts = ViewCounts.Of([Task(1, "2026-12-01", overdue: true), Task(2, "2026-12-05"), Task(3, "2026-12-09")], Today, more: true);

        Assert.Equal<string?>(["3+", "2", "1+", "1"], ViewKeys.Select(counts.Badge));
    }

    [Fact]
    public void APageThatEndsBeforeTomorrowSaysAtLeastForTodayAndOverdueToo()
    {
        var counts = ViewCounts.Of([Task(1, "2026-12-01", overdue: true), Task(2, "2026-12-04", overdue: true)], Today, more: true);

        Assert.Equal<string?>(["2+", "2+", "0+", "2+"], ViewKeys.Select(counts.Badge));
    }

    [Fact]
    public void EachTagIsCountedOncePerTaskTheMostUsedFirstThenByName()
    {
        TaskView[] pending =
        [
            Task(1) with { Tags = ["home", "errands"] },
            Task(2) with { Tags = ["work"] },
            Task(3) with { Tags = ["home", "home"] },
            Task(4) with { Tags = ["side project", "errands"] },
            Task(5),
        ];

        var counts = ViewCounts.Of(pending, Today, more: false);

        Assert.Equal([("errands", "2"), ("home", "2"), ("side project", "1"), ("work", "1")], counts.Tags.Select(t => (t.Tag, t.Badge)));
        // A page that is not all of them: every count may miss some.
        Assert.Equal([("errands", "1+"), ("home", "1+"), ("work", "1+")], ViewCounts.Of(pending[..2], Today, more: true).Tags.Select(t => (t.Tag, t.Badge)));
    }

    [Fact]
    public void NoTasksCountNothing() =>
        Assert.Equal(0, ViewKeys.Sum(ViewCounts.Of([], Today, more: false).Count));
}
