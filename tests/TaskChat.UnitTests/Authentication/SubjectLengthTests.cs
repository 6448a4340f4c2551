using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Authentication;

namespace TaskChat.UnitTests.Authentication;

/// <summary>ServiceDefaults knows no domain type, so the token's subject limit is its own constant: it must stay the stored user id's.</summary>
public sealed class SubjectLengthTests
{
    [Fact]
    public void TheLongestAcceptedSubjectIsTheLongestStoredUserId() =>
        Assert.Equal(TaskRules.MaxUserIdLength, JwtAuthenticationExtensions.MaxSubjectLength);
}
