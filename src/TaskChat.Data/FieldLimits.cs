namespace TaskChat.Data;

/// <summary>
/// The longest values TaskChat stores, in one place: the model's column widths (HasMaxLength) and
/// the rules that check input (<see cref="Tasks.TaskRules"/>) both read them, so they cannot drift
/// apart. Text lengths are counted in characters as PostgreSQL's varchar counts them.
/// </summary>
public static class FieldLimits
{
    /// <summary>A user id: the `sub` of a token, also the owner column of tasks, conversations and messages.</summary>
    public const int UserId = 255;

    public const int TaskTitle = 200;

    public const int TaskDescription = 1000;

    /// <summary>The column's width; the api derives shorter titles from a conversation's first message.</summary>
    public const int ConversationTitle = 200;

    /// <summary>What a person may send in one chat message. Stored messages are unbounded text: replies may be longer.</summary>
    public const int ChatMessage = 4000;

    /// <summary>One of <see cref="Model.MessageRoles"/>.</summary>
    public const int MessageRole = 16;

    /// <summary>A user's display name (the token's `name`).</summary>
    public const int UserDisplayName = 100;

    /// <summary>A signing key's id (the `kid` of tokens and of the JWKS).</summary>
    public const int SigningKeyId = 64;

    /// <summary>A JWS algorithm name such as ES256.</summary>
    public const int SigningKeyAlgorithm = 16;
}
