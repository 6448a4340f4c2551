namespace TaskChat.Data.Tasks;

/// <summary>A value that passed a rule, or the message a user reads when it did not.</summary>
public readonly record struct RuleResult<T>(T Value, string? Error)
{
    public bool IsValid => Error is null;
}

public static class RuleResult
{
    public static RuleResult<T> Valid<T>(T value) => new(value, null);
    public static RuleResult<T> Invalid<T>(string error) => new(default!, error);
}
