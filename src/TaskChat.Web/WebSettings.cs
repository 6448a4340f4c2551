using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web.Auth.Throttling;
using TaskChat.Web.Live;
using TaskChat.Web.Mail;
using TaskChat.Web.OAuth;
using TaskChat.Web.Sessions;

namespace TaskChat.Web;

/// <summary>The web's own variables (docs/configuration.md), read and validated with the shared ones.</summary>
public sealed record WebSettings
{
    public const int DefaultKeyRotationDays = 30;

    /// <summary>The api's base URL (API_URL).</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>What /api/health asks to know whether the api is reachable.</summary>
    public Uri ApiHealthUrl => new(ApiUrl, "/health/live");

    /// <summary>How long one signing key signs before the next takes over (AUTH_KEY_ROTATION_DAYS).</summary>
    public required int KeyRotationDays { get; init; }

    /// <summary>What encrypts the Data Protection key ring at rest (KEY_RING_CERTIFICATE...); null: nothing, in development only.</summary>
    public required KeyRingCertificates? KeyRing { get; init; }

    /// <summary>The auth endpoints' rate limits and lockout (AUTH_SIGN_IN_PER_..., AUTH_LOCKOUT_...).</summary>
    public required AuthLimits AuthLimits { get; init; }

    /// <summary>How long sign-in sessions live and how often open pages re-check theirs (AUTH_SESSION_...).</summary>
    public required SessionLifetime Sessions { get; init; }

    /// <summary>How often reminders are delivered and, on SQLite, task changes looked for (REMINDER_POLL_SECONDS, TASK_CHANGES_POLL_SECONDS).</summary>
    public LiveSettings Live { get; init; } = LiveSettings.Default;

    /// <summary>The OAuth authorization server for outside MCP clients (MCP_PUBLIC_URL, OAUTH_...).</summary>
    public required OAuthSettings OAuth { get; init; }

    /// <summary>How password-reset links and notices are sent (SMTP_URL, MAIL_FROM).</summary>
    public required MailSettings Mail { get; init; }

    public string Summary() => $"api={ApiUrl} key_rotation_days={KeyRotationDays} {Sessions.Summary()} {KeyRingCertificates.Summary(KeyRing)} {AuthLimits.Summary()} {Live.Summary()} {OAuth.Summary()} {Mail.Summary()}";

    public static WebSettings Read(SettingsReader reader) => new()
    {
        ApiUrl = reader.Url("API_URL", "http://localhost:8000", isServiceUrl: true),
        KeyRotationDays = reader.Number("AUTH_KEY_ROTATION_DAYS", DefaultKeyRotationDays, 1, 365),
        KeyRing = KeyRingCertificates.Read(reader),
        AuthLimits = AuthLimits.Read(reader),
        Sessions = SessionLifetime.Read(reader),
        Live = LiveSettings.Read(reader),
        OAuth = OAuthSettings.Read(reader),
        Mail = MailSettings.Read(reader),
    };
}
