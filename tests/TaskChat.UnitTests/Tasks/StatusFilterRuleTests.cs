using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Tasks;

public class StatusFilterRuleTests
{
    [Theory]
    [InlineData(null, TaskStatusFilter.All)]
    [InlineData("", TaskStatusFilter.All)]
    [InlineData("all", TaskStatusFilter.All)]
    [InlineData("ALL", TaskStatusFilter.All)]
    [InlineData("pending", TaskStatusFilter.Pending)]
    [InlineData("Pending", TaskStatusFilter.Pending)]
    [InlineData("completed", TaskStatusFilter.Completed)]
    [InlineData(" COMPLETED ", TaskStatusFilter.Completed)]
    public void KnownStatusIsReadWhateverItsCase(string? status, TaskStatusFilter expected)
    {
        var result = TaskRules.StatusFilter(status);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("complete")]
    [InlineData("open")]
    [InlineData("1")]
    public void UnknownStatusIsInvalidAndListsTheChoices(string status) =>
        Assert.Equal("status must be one of: all, pending, completed.", TaskRules.StatusFilter(status).Error);
}
