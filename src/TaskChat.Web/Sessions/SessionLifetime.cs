using System.Globalization;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.Sessions;

/// <summary>
/// How long a sign-in session lives (docs/configuration.md): it ends after <see cref="Idle"/> without
/// use, and after <see cref="Absolute"/> however much it is used; open pages (Blazor circuits) check
/// their session every <see cref="RevalidationInterval"/>.
/// </summary>
public sealed record SessionLifetime(TimeSpan Idle, TimeSpan Absolute, TimeSpan RevalidationInterval)
{
    public const int DefaultIdleDays = 7;
    public const int DefaultMaxDays = 30;
    public const int DefaultRevalidationSeconds = 60;

    /// <summary>
    /// Last-seen is written at most this often per session: a page load, a token and a circuit check
    /// read the session, but only the first of them in a minute writes.
    /// </summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public static SessionLifetime Default { get; } = new(
        TimeSpan.FromDays(DefaultIdleDays), TimeSpan.FromDays(DefaultMaxDays), TimeSpan.FromSeconds(DefaultRevalidationSeconds));

    public static SessionLifetime Read(SettingsReader reader) => new(
        TimeSpan.FromDays(reader.Number("AUTH_SESSION_IDLE_DAYS", DefaultIdleDays, 1, 90)),
        TimeSpan.FromDays(reader.Number("AUTH_SESSION_MAX_DAYS", DefaultMaxDays, 1, 365)),
        // A few minutes at most: that is how long an open page may outlive its revoked session.
        TimeSpan.FromSeconds(reader.Number("AUTH_SESSION_REVALIDATION_SECONDS", DefaultRevalidationSeconds, 1, 300)));

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"session_idle_days={Idle.TotalDays} session_max_days={Absolute.TotalDays} session_revalidation_seconds={RevalidationInterval.TotalSeconds}");
}
