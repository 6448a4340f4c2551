using TaskChat.ServiceDefaults.Authentication;

namespace TaskChat.Web.Tokens;

/// <summary>When a signing key signs and how long it stays published.</summary>
/// <param name="ActivatesAt">From when it signs.</param>
/// <param name="RetiresAt">From when it no longer signs (its successor's <paramref name="ActivatesAt"/>).</param>
/// <param name="ExpiresAt">From when it leaves the JWKS: every token it signed has expired, clock skew included.</param>
internal sealed record KeyWindow(DateTimeOffset ActivatesAt, DateTimeOffset RetiresAt, DateTimeOffset ExpiresAt)
{
    public bool SignsAt(DateTimeOffset now) => ActivatesAt <= now && now < RetiresAt;

    public bool IsPublishedAt(DateTimeOffset now) => now < ExpiresAt;
}

/// <summary>
/// The signing key schedule. Each key signs for <see cref="RotationPeriod"/>; its successor is
/// created and published <see cref="PublishLead"/> before it takes over, so that validators with a
/// cached JWKS already know it; a retired key stays published for <see cref="Retention"/> (token
/// lifetime plus the validators' clock skew), so that no valid token ever loses its key. Keys
/// follow one another back to back; after a gap (nothing ran when one was due) the next key signs
/// at once: validators refetch the JWKS when they meet an unknown kid.
/// </summary>
internal sealed record KeySchedule(TimeSpan RotationPeriod, TimeSpan PublishLead, TimeSpan TokenLifetime, TimeSpan ClockSkew)
{
    public static readonly TimeSpan DefaultTokenLifetime = JwtAuthenticationExtensions.MaxTokenLifetime;

    /// <summary>A day covers the longest JWKS caches in common use (12 hours); half a short period at most.</summary>
    public static readonly TimeSpan MaxPublishLead = TimeSpan.FromDays(1);

    public TimeSpan Retention => TokenLifetime + ClockSkew;

    public static KeySchedule ForRotationDays(int days)
    {
        var period = TimeSpan.FromDays(days);
        var lead = period / 2 < MaxPublishLead ? period / 2 : MaxPublishLead;
        return new KeySchedule(period, lead, DefaultTokenLifetime, JwtAuthenticationExtensions.ClockSkew);
    }

    public KeyWindow WindowFrom(DateTimeOffset activatesAt) =>
        new(activatesAt, activatesAt + RotationPeriod, activatesAt + RotationPeriod + Retention);

    /// <summary>The key to create now, given the newest key there is (null: none yet), or null when none is due.</summary>
    public KeyWindow? NextKey(KeyWindow? newest, DateTimeOffset now)
    {
        if (newest is null || newest.RetiresAt <= now)
        {
            return WindowFrom(now);
        }
        return now >= SuccessorDueAt(newest) ? WindowFrom(newest.RetiresAt) : null;
    }

    /// <summary>When the successor of <paramref name="newest"/> must be created and published.</summary>
    public DateTimeOffset SuccessorDueAt(KeyWindow newest) => newest.RetiresAt - PublishLead;
}
