namespace TaskChat.Launcher.Running;

/// <summary>
/// How long the launcher waits before restarting a service that died: 1 s, then twice as long after
/// each crash that follows quickly (2 s, 4 s... at most 30 s), so that a service failing at once does
/// not spin; a service that ran for a minute before it died starts again from 1 s. The longest wait is
/// LAUNCHER_RESTART_MAX_SECONDS when set, from 1 (the browser tests: an outage they end would otherwise be over
/// only at the launcher's next try, up to 30 s later).
/// </summary>
internal sealed class RestartBackoff(TimeSpan longest)
{
    public const string LongestVariable = "LAUNCHER_RESTART_MAX_SECONDS";
    public const int LongestSecondsAllowed = 300;
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultLongest = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Stable = TimeSpan.FromMinutes(1);

    public RestartBackoff()
        : this(DefaultLongest)
    {
    }

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
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, longest.Ticks));
        return delay;
    }
}
