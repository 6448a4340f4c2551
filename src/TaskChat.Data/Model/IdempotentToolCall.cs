namespace TaskChat.Data.Model;

/// <summary>
/// A tool call that writes, applied under its idempotency key (the MCP request's
/// <c>_meta.idempotency_key</c>): stored with the tool's result in the same transaction as the tool's
/// own write, so a repeat of the key gets <see cref="Result"/> and the write happens once.
/// </summary>
public sealed class IdempotentToolCall
{
    public required string UserId { get; set; }

    public required string Key { get; set; }

    public required string Tool { get; set; }

    /// <summary>SHA-256 (hex) of the tool's name and arguments: the same key for another call is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The tool's envelope as JSON; null only inside the transaction that applies the call.</summary>
    public string? Result { get; set; }

    public bool IsError { get; set; }

    public DateTime CreatedAt { get; set; }
}
