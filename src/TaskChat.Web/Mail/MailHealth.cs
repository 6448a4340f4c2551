using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaskChat.Web.Mail;

/// <summary>
/// The web's <c>/health</c> entry <c>mail</c>: whether the last message went out. Password resets, email confirmation
/// and reminder emails depend on it, and a wrong SMTP password otherwise shows only as mail that never comes. It reads
/// what the delivery saw and never connects to the mail server itself: a dashboard polling <c>/health</c> would sign in
/// to it every few seconds. "off" (no SMTP_URL in production), "not used yet", "connected" after a message went out,
/// or "error: &lt;reason&gt;" (503) until the next one does. A recipient the server refuses fails that message alone
/// and leaves the entry as it was. Not part of readiness: without mail the web still serves every page.
/// </summary>
public sealed class MailHealth(MailSettings settings) : IHealthCheck
{
    public const string Name = "mail";

    private volatile string? _failure;
    private volatile bool _used;

    public void Sent()
    {
        _failure = null;
        _used = true;
    }

    /// <param name="reason">Short and safe (<see cref="MailNotSentException.Reason"/>): no address, no credential.</param>
    public void Failed(string reason)
    {
        _failure = reason;
        _used = true;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(settings.Kind == MailDeliveryKind.Off ? HealthCheckResult.Healthy("off")
            : _failure is { } failure ? HealthCheckResult.Unhealthy($"error: {failure}")
            : _used ? HealthCheckResult.Healthy("connected")
            : HealthCheckResult.Healthy("not used yet"));
}

/// <summary>
/// A message a transport could not hand over, with a short reason safe for logs and <c>/health</c> (the server's own
/// words can hold the recipient's address). <paramref name="onlyThisMessage"/>: the server refused this recipient, not
/// the web: the next message may well go out.
/// </summary>
public sealed class MailNotSentException(string reason, bool onlyThisMessage, Exception inner) : Exception(reason, inner)
{
    public string Reason { get; } = reason;

    public bool OnlyThisMessage { get; } = onlyThisMessage;
}
