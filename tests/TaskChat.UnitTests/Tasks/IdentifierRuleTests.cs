using TaskChat.Data;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Tasks;

public class IdentifierRuleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(long.MaxValue)]
    public void PositiveTaskIdIsValid(long taskId) =>
        Assert.Equal(taskId, TaskRules.TaskId(taskId).Value);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void ZeroOrNegativeTaskIdIsInvalid(long taskId) =>
        Assert.Equal("task_id must be a positive whole number.", TaskRules.TaskId(taskId).Error);

    [Theory]
    [InlineData("user-1")]
    [InlineData("0b7c6a5e-1f2d-4c3b-9a8e-7d6c5b4a3f21")]
    public void UserIdFromATokenIsPassedThrough(string userId) =>
        Assert.Equal(userId, TaskRules.UserId(userId));

    [Fact]
    public void UserIdOf255CharactersIsAccepted()
    {
        var userId = new string('u', FieldLimits.UserId);

        Assert.Equal(userId, TaskRules.UserId(userId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingUserIdIsACallerBug(string? subject) =>
        Assert.Throws<ArgumentException>("userId", () => TaskRules.UserId(subject));

    [Fact]
    public void UserIdOf256CharactersIsACallerBug() =>
        Assert.Throws<ArgumentException>("userId", () => TaskRules.UserId(new string('u', FieldLimits.UserId + 1)));
}
