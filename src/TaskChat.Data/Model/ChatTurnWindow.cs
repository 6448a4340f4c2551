namespace TaskChat.Data.Model;

/// <summary>
/// How many chat turns a user started in the current window: the chat rate limit's shared counter,
/// so that it holds across api replicas. One row per user; a turn after the window's minute is over
/// starts a new window (<see cref="Limits.ChatTurnCounter"/>).
/// </summary>
public sealed class ChatTurnWindow
{
    public required string UserId { get; set; }

    /// <summary>When the window began (its first turn): seconds since the Unix epoch.</summary>
    public long WindowStart { get; set; }

    public int Turns { get; set; }
}
