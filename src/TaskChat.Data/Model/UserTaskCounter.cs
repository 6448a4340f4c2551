namespace TaskChat.Data.Model;

/// <summary>
/// One row per user with tasks: the last task number handed out (allocated by an atomic upsert, so
/// concurrent adds never share a number) and a version that every write to the user's tasks bumps,
/// with its time: a cheap "has anything changed?" for live updates.
/// </summary>
public sealed class UserTaskCounter
{
    public required string UserId { get; set; }
    public long LastNumber { get; set; }
    public long Version { get; set; }
    public DateTime ChangedAt { get; set; }
}
