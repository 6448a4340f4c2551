namespace TaskChat.Contract;

/// <summary>Who wrote a stored message: the <c>role</c> of a conversation's messages.</summary>
public static class MessageRoles
{
    public const string User = "user";
    public const string Assistant = "assistant";
    public const string Tool = "tool";
}
