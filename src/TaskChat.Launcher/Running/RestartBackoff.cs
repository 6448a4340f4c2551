namespace TaskChat.Launcher.Running;

/// <summary>
/// How long the launcher waits before restarting a service that died: 1 s, then twice as long after
/// each crash that follows quickly (2 s, 4 s... at most 30 s), so that a service failing at once does
/// not spin; a service that ran for a minute before it died starts again from 1 s.
/// </summary>
internal sealed class RestartBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Stable = TimeSpan.FromMinutes(1);

    private TimeSpan _next = First;

    /// <param name="ranFor">How long the service ran before it died.</param>
    /// <returns>The wait before the next start.</returns>
    public TimeSpan After(TimeSpan ranFor)
    {
        if (ranFor >= Stable)
        {
            _next = First;
        }
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, Longest.Ticks));
        return delay;
    }
}
