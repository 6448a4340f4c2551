namespace TaskChat.Contract;

/// <summary>The <c>code</c> of a failed tool call's envelope.</summary>
public static class ToolErrorCodes
{
    /// <summary>A bad or missing argument; the message says which.</summary>
    public const string Validation = "validation";

    /// <summary>No such task for this user (another user's task looks the same).</summary>
    public const string NotFound = "not_found";

    /// <summary>The task database cannot be reached.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>A bug, logged on the server and never shown.</summary>
    public const string Internal = "internal";
}
