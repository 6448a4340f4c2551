using TaskChat.Data;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Tasks;

/// <summary>list_tasks' task_ids, as <see cref="TaskListQuery.From"/> checks them.</summary>
public class ListByNumberRuleTests
{
    private static RuleResult<TaskListQuery> Query(IReadOnlyList<long>? taskIds) =>
        TaskListQuery.From(new TaskListRequest(TaskIds: taskIds), TimeZoneInfo.Utc);

    [Fact]
    public void NoTaskIdsIsNoFilter()
    {
        var query = Query(null);

        Assert.True(query.IsValid, query.Error);
        Assert.Empty(query.Value.TaskIds);
        Assert.Empty(TaskListQuery.Default.TaskIds);
    }

    [Fact]
    public void RepeatedNumbersAreAskedOnce()
    {
        var query = Query([55, 3, 55, 3, long.MaxValue]);

        Assert.True(query.IsValid, query.Error);
        Assert.Equal([55, 3, long.MaxValue], query.Value.TaskIds);
    }

    [Fact]
    public void FiftyNumbersIsTheMost()
    {
        Assert.True(Query([.. Enumerable.Repeat(7L, FieldLimits.TaskIdsMax)]).IsValid);
        Assert.Equal("task_ids must hold at most 50 task numbers (got 51): ask for the others in another call.",
            Query([.. Enumerable.Range(1, FieldLimits.TaskIdsMax + 1).Select(n => (long)n)]).Error);
    }

    [Fact]
    public void AnEmptyListIsRefusedRatherThanReadAsEveryTask() =>
        Assert.Equal("task_ids must hold at least one task number, e.g. [3, 12]; leave it out to list tasks of any number.", Query([]).Error);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void ANumberBelowOneIsRefusedAndNamed(long wrong) =>
        Assert.Equal($"task_ids must hold task numbers, positive whole numbers such as 3 (got {wrong}).", Query([4, wrong]).Error);
}
