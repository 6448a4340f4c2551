namespace TaskChat.Data.Model;

/// <summary>
/// A chat turn started under the caller's Idempotency-Key: while <see cref="Reply"/> is null the turn
/// is running (a repeat is 409), once set the turn is done and a repeat gets this reply. A failed turn
/// removes its row, so that a retry with the same key runs it again (and its tool calls, keyed from
/// this key, are answered from their own records where they had already been applied).
/// </summary>
public sealed class IdempotentChatTurn
{
    public required string UserId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 (hex) of the turn's request: the same key with another message is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>When the key was first used; the row is pruned a retention period later.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the running attempt started: a claim older than the lease belongs to an api that died.</summary>
    public DateTime ClaimedAt { get; set; }

    /// <summary>The turn's answer (the contract's ChatReply as JSON) once done; null while running.</summary>
    public string? Reply { get; set; }
}
