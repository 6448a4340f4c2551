using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.Auth.Throttling;

/// <summary>
/// How hard the auth endpoints may be hit (docs/configuration.md, "Sign-in limits"). The per-address and
/// per-email limits are counted in each web process (ASP.NET Core rate limiting): with several replicas
/// a client may get up to that many times more. The lockout is counted in the database, for every replica.
/// </summary>
public sealed record AuthLimits
{
    /// <summary>Sign-in attempts per client address per minute, JSON and form alike (AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE).</summary>
    public required int SignInsPerAddressPerMinute { get; init; }

    /// <summary>
    /// Password checks per email per minute, from all addresses together (AUTH_SIGN_IN_PER_EMAIL_PER_MINUTE):
    /// a guesser spread over many addresses. Attempts refused by the lockout do not count, so a stranger
    /// needs many addresses to hold an account's budget.
    /// </summary>
    public required int SignInsPerEmailPerMinute { get; init; }

    /// <summary>Accounts created per client address per hour (AUTH_SIGN_UP_PER_ADDRESS_PER_HOUR).</summary>
    public required int SignUpsPerAddressPerHour { get; init; }

    /// <summary>Password-reset mails asked for per client address per hour (AUTH_PASSWORD_RESETS_PER_ADDRESS_PER_HOUR).</summary>
    public required int PasswordResetsPerAddressPerHour { get; init; }

    /// <summary>
    /// Password-reset mails sent to one email per hour, from all addresses together (AUTH_PASSWORD_RESETS_PER_EMAIL_PER_HOUR):
    /// nobody can fill a stranger's inbox. Counted whether or not the email has an account, so a refusal tells nothing.
    /// </summary>
    public required int PasswordResetsPerEmailPerHour { get; init; }

    /// <summary>
    /// Links to confirm an email sent to one email per hour when asked for again (AUTH_EMAIL_CONFIRMATIONS_PER_EMAIL_PER_HOUR): a
    /// signed-in account cannot fill its address's inbox. The one sent at sign-up is not counted (sign-ups are, per address).
    /// </summary>
    public required int EmailConfirmationsPerEmailPerHour { get; init; }

    /// <summary>Every other /api/auth request (session, token, sign-out) per client address per minute (AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE).</summary>
    public required int AuthRequestsPerAddressPerMinute { get; init; }

    /// <summary>Wrong passwords for one email from one address before that address is locked out of it (AUTH_LOCKOUT_FAILURES).</summary>
    public required int LockoutFailures { get; init; }

    /// <summary>How long such a lockout lasts, and how long a failure is remembered (AUTH_LOCKOUT_MINUTES).</summary>
    public required TimeSpan LockoutPeriod { get; init; }

    public string Summary() =>
        $"sign_in_per_address={SignInsPerAddressPerMinute}/min sign_in_per_email={SignInsPerEmailPerMinute}/min " +
        $"sign_up_per_address={SignUpsPerAddressPerHour}/h password_resets_per_address={PasswordResetsPerAddressPerHour}/h " +
        $"password_resets_per_email={PasswordResetsPerEmailPerHour}/h email_confirmations_per_email={EmailConfirmationsPerEmailPerHour}/h " +
        $"auth_requests_per_address={AuthRequestsPerAddressPerMinute}/min " +
        $"lockout={LockoutFailures}_failures/{LockoutPeriod.TotalMinutes:0}min";

    public static AuthLimits Read(SettingsReader reader) => new()
    {
        SignInsPerAddressPerMinute = reader.Number("AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE", 20, 1, 100_000),
        SignInsPerEmailPerMinute = reader.Number("AUTH_SIGN_IN_PER_EMAIL_PER_MINUTE", 10, 1, 100_000),
        SignUpsPerAddressPerHour = reader.Number("AUTH_SIGN_UP_PER_ADDRESS_PER_HOUR", 10, 1, 100_000),
        PasswordResetsPerAddressPerHour = reader.Number("AUTH_PASSWORD_RESETS_PER_ADDRESS_PER_HOUR", 10, 1, 100_000),
        PasswordResetsPerEmailPerHour = reader.Number("AUTH_PASSWORD_RESETS_PER_EMAIL_PER_HOUR", 3, 1, 100),
        EmailConfirmationsPerEmailPerHour = reader.Number("AUTH_EMAIL_CONFIRMATIONS_PER_EMAIL_PER_HOUR", 3, 1, 100),
        AuthRequestsPerAddressPerMinute = reader.Number("AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE", 300, 1, 1_000_000),
        LockoutFailures = reader.Number("AUTH_LOCKOUT_FAILURES", 5, 1, 100),
        LockoutPeriod = TimeSpan.FromMinutes(reader.Number("AUTH_LOCKOUT_MINUTES", 5, 1, 24 * 60)),
    };
}
