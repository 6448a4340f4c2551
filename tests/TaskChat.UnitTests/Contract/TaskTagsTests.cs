using TaskChat.Contract;

namespace TaskChat.UnitTests.Contract;

public sealed class TaskTagsTests
{
    [Fact]
    public void EachTaskCountsOncePerTagTheMostUsedFirstThenByName()
    {
        string[]?[] tasks = [["work", "home"], ["home", "home"], null, [], ["errands", "work"], ["work"]];

        var counted = TaskTags.Count(tasks);

        Assert.Equal(
            [new("work", 3), new("home", 2), new("errands", 1)],
            counted);
    }

    [Fact]
    public void TiesAreInOrdinalOrderAndNoTasksHaveNoTags()
    {
        Assert.Equal(["a", "b", "c"], TaskTags.Count([["c"], ["b"], ["a"]]).Select(c => c.Key));
        Assert.Empty(TaskTags.Count([]));
    }
}
