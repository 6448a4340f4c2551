using TaskChat.Data.Connection;
using TaskChat.Data.Events;
using TaskChat.Data.Notifications;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web.Mail;

namespace TaskChat.Web.Live;

/// <summary>
/// Delivers due reminders every REMINDER_POLL_SECONDS (<see cref="ReminderDelivery"/> claims each
/// exactly once, whichever replica runs it). It lives in the web because the web is what reaches the
/// browsers: on SQLite it hands the new notifications straight to this process's open pages; on
/// PostgreSQL the claim's own NOTIFY carries them to every replica, this one included. Reminders that
/// fall due while nobody is connected are delivered all the same and wait in the notifications list; each round also
/// mails the ones no page showed within REMINDER_EMAIL_DELAY_SECONDS (<see cref="ReminderFollowUp"/>).
/// </summary>
public sealed class ReminderDeliveryWorker(
    IServiceScopeFactory scopes, UserEventHub hub, DatabaseConnection database, WebSettings settings, TaskChatSettings shared, MailOutbox mail, ReminderEmailStop stop, TimeProvider clock,
    ILogger<ReminderDeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A delay per round, not a PeriodicTimer: a clock that jumps (a test's fake clock moved by days, a VM
        // resumed) then costs one round, not one tick per second skipped.
        var failing = false;
        try
        {
            while (true)
            {
                try
                {
                    await DeliverDueAsync(stoppingToken);
                    await FollowUpAsync(stoppingToken);
                    if (failing)
                    {
                        failing = false;
                        logger.LogInformation("Delivering reminders again");
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Nothing was claimed (the transaction rolled back): the next tick delivers it. One warning
                    // per outage, not one a second for as long as the database is away.
                    if (!failing)
                    {
                        failing = true;
                        logger.LogWarning("Could not deliver due reminders: {Reason}; trying every {Seconds} s", DatabaseErrors.ShortReason(e), settings.Live.ReminderPollInterval.TotalSeconds);
                    }
                    else
                    {
                        logger.LogDebug("Still could not deliver due reminders: {Reason}", DatabaseErrors.ShortReason(e));
                    }
                }
                await Task.Delay(settings.Live.ReminderPollInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Delivers everything due now, batch after batch; returns how many notifications were created.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        DeliveryBatch batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            batch = await scope.ServiceProvider.GetRequiredService<ReminderDelivery>().DeliverDueAsync(cancellationToken);
            created += batch.Notifications.Count;
            if (database.Provider != DatabaseProvider.Postgres)
            {
                foreach (var user in batch.Notifications.GroupBy(n => n.UserId))
                {
                    hub.Dispatch(user.Key, new LiveEvent(UserEventKind.Reminder, [.. user]));
                }
            }
        }
        while (batch.MayHaveMore);
        if (created > 0)
        {
            logger.LogInformation("Delivered {Count} reminder(s)", created);
        }
        return created;
    }

    /// <summary>
    /// Looks at the notifications old enough to have been seen, batch after batch, and queues an email for the ones
    /// nobody saw (<see cref="ReminderFollowUp"/> decides); returns how many emails were queued. The log says how many,
    /// never to whom.
    /// </summary>
    public async Task<int> FollowUpAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        FollowUpBatch batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            batch = await scope.ServiceProvider.GetRequiredService<ReminderFollowUp>().FollowUpAsync(settings.Live.ReminderEmailDelay, mail.CanSend, cancellationToken);
            foreach (var email in batch.Emails)
            {
                var message = ReminderEmails.Compose(email, shared.Auth.Issuer, stop.LinkFor(shared.Auth.Issuer, email.UserId));
                mail.Enqueue(ReminderEmails.Kind, (_, _) => Task.FromResult<OutgoingMail?>(message));
            }
            queued += batch.Emails.Count;
        }
        while (batch.MayHaveMore);
        if (queued > 0)
        {
            logger.LogInformation("Emailing {Count} reminder message(s) nobody saw in a page", queued);
        }
        return queued;
    }
}
