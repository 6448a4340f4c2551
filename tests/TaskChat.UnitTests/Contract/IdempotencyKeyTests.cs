using TaskChat.Contract;
using TaskChat.Data.Idempotency;

namespace TaskChat.UnitTests.Contract;

public class IdempotencyKeyTests
{
    [Theory]
    [InlineData("3f2c8a4e-7d1b-4c2a-9e0f-5b6a7c8d9e0f")] // UUID
    [InlineData("01HZX3K6Q8W2V5T9R7M4N1P0BC")] // ULID
    [InlineData("msg_7f3a.retry~2+x:y")]
    [InlineData("a")]
    public void ACommonKeyIsAccepted(string key) =>
        Assert.Null(IdempotencyKeys.Problem(key, IdempotencyKeys.MaxChatKeyLength));

    [Theory]
    [InlineData(null, "cannot be empty")]
    [InlineData("", "cannot be empty")]
    [InlineData("two words", "may contain only")]
    [InlineData("a/b", "may contain only")]
    [InlineData("é", "may contain only")]
    [InlineData("a\u0000b", "may contain only")]
    [InlineData("a\r\nSet-Cookie: x", "may contain only")]
    public void AMalformedKeyIsRefusedWithAReason(string? key, string reason)
    {
        var problem = IdempotencyKeys.Problem(key, IdempotencyKeys.MaxChatKeyLength);

        Assert.NotNull(problem);
        Assert.StartsWith(IdempotencyKeys.Header + " ", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyOneCharacterTooLongIsRefusedAndTheLimitItselfIsAccepted()
    {
        Assert.Null(IdempotencyKeys.Problem(new string('k', IdempotencyKeys.MaxChatKeyLength), IdempotencyKeys.MaxChatKeyLength));
        Assert.Contains("at most 128", IdempotencyKeys.Problem(new string('k', IdempotencyKeys.MaxChatKeyLength + 1), IdempotencyKeys.MaxChatKeyLength), StringComparison.Ordinal);
    }

    [Fact]
    public void AToolCallKeyIsTheTurnKeyAndThePositionAndFitsTheToolCallLimit()
    {
        var turnKey = new string('k', IdempotencyKeys.MaxChatKeyLength);

        var key = IdempotencyKeys.ForToolCall(turnKey, 12);

        Assert.Equal(turnKey + ":12", key);
        Assert.Null(IdempotencyKeys.Problem(key, IdempotencyKeys.MaxToolCallKeyLength));
        Assert.NotEqual(IdempotencyKeys.ForToolCall("t", 1), IdempotencyKeys.ForToolCall("t", 2));
    }

    [Fact]
    public void RequestHashesDoNotCollideWhenPartsShiftBetweenFields()
    {
        Assert.NotEqual(IdempotencyRecords.Hash("ab", "c"), IdempotencyRecords.Hash("a", "bc"));
        Assert.Equal(IdempotencyRecords.Hash("add milk", "new"), IdempotencyRecords.Hash("add milk", "new"));
        Assert.Equal(64, IdempotencyRecords.Hash("x").Length);
    }
}
