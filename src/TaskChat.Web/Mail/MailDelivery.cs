using System.Threading.Channels;

namespace TaskChat.Web.Mail;

/// <summary>
/// Mail to send, composed and sent after the request that asked for it has answered (<see cref="MailDelivery"/>):
/// asking for a password reset then takes as long whether or not the email has an account, and a slow or broken mail
/// server never holds a page. A message that cannot be queued or sent is logged and lost; the person asks again.
/// </summary>
public sealed class MailOutbox(MailSettings settings, ILogger<MailOutbox> logger)
{
    /// <summary>Composes the message in a scope of its own, when it is its turn: null sends nothing (no such account).</summary>
    public delegate Task<OutgoingMail?> Compose(IServiceProvider services, CancellationToken cancellationToken);

    // Bounded: a flood of requests (each already rate limited) cannot grow the web's memory without end.
    private readonly Channel<(string Kind, Compose Compose)> _jobs = Channel.CreateBounded<(string, Compose)>(
        new BoundedChannelOptions(1000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    public bool CanSend => settings.CanSend;

    public void Enqueue(string kind, Compose compose)
    {
        if (!settings.CanSend)
        {
            return;
        }
        if (!_jobs.Writer.TryWrite((kind, compose)))
        {
            logger.LogWarning("The mail queue is full: a {Kind} message was not sent", kind);
        }
    }

    internal ChannelReader<(string Kind, Compose Compose)> Jobs => _jobs.Reader;
}

/// <summary>Sends what <see cref="MailOutbox"/> holds, one message at a time, retrying a failed send twice.</summary>
internal sealed class MailDelivery(MailOutbox queue, IServiceScopeFactory scopes, IMailTransport transport, MailHealth health, ILogger<MailDelivery> logger) : BackgroundService
{
    internal static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (kind, compose) in queue.Jobs.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(kind, compose, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Never the message or its address in the log: a reset link is a key to the account.
                    logger.LogError("Could not compose a {Kind} message: {Error}", kind, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, or a start that failed (its port taken): not a crash of the delivery (PeriodicDatabaseJob says why).
        }
    }

    private async Task DeliverAsync(string kind, MailOutbox.Compose compose, CancellationToken stoppingToken)
    {
        OutgoingMail? mail;
        await using (var scope = scopes.CreateAsyncScope())
        {
            mail = await compose(scope.ServiceProvider, stoppingToken);
        }
        if (mail is null)
        {
            return;
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await transport.SendAsync(mail, stoppingToken);
                health.Sent();
                logger.LogInformation("Sent a {Kind} message", kind);
                return;
            }
            catch (MailNotSentException e) when (e.OnlyThisMessage)
            {
                // This address, not the mail server: trying again changes nothing, and the next message may go out.
                logger.LogWarning("Could not send a {Kind} message: {Error}", kind, e.Reason);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The transports' reason: the server's own words can hold the address, which stays out of the log.
                var reason = e is MailNotSentException notSent ? notSent.Reason : e.GetType().Name;
                health.Failed(reason);
                if (attempt >= RetryDelays.Length)
                {
                    logger.LogError("Could not send a {Kind} message after {Attempts} attempts: {Error}", kind, attempt + 1, reason);
                    return;
                }
                logger.LogWarning("Could not send a {Kind} message ({Error}): trying again in {Delay} s", kind, reason, RetryDelays[attempt].TotalSeconds);
                await Task.Delay(RetryDelays[attempt], stoppingToken);
            }
        }
    }
}
