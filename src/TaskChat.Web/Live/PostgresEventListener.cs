using Npgsql;
using TaskChat.Data.Connection;
using TaskChat.Data.Events;

namespace TaskChat.Web.Live;

/// <summary>
/// On PostgreSQL, each web replica keeps one dedicated connection LISTENing on
/// <see cref="UserEventChannel.Name"/> and hands what it hears to its own <see cref="UserEventHub"/>:
/// a write by the api or the mcp, or a reminder claimed by any replica's worker, reaches the open
/// pages of every replica. A lost connection is opened again with a growing pause; after a gap every
/// open page re-reads, since events sent meanwhile are gone (NOTIFY is not stored).
/// </summary>
public sealed class PostgresEventListener(DatabaseConnection database, UserEventHub hub, TimeProvider clock, ILogger<PostgresEventListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait on it before writing).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString(database.ConnectionString));
                connection.Notification += OnNotification;
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {UserEventChannel.Name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (connectedBefore)
                {
                    logger.LogInformation("Listening for task and reminder events again");
                    hub.DispatchToEveryone(UserEventKind.TasksChanged);
                    hub.DispatchToEveryone(UserEventKind.NotificationsChanged);
                }
                connectedBefore = true;
                failures = 0;
                _listening.TrySetResult();
                while (true)
                {
                    // Returns after each notification (handled by OnNotification); throws when the connection breaks.
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever broke (the server restarted, the network, a failover), keep trying: a dead
                // listener would leave every open page of this replica deaf without anyone noticing.
                failures++;
                var pause = Pause(failures);
                // One warning per outage; the retries while it lasts are debug lines.
                logger.Log(failures == 1 ? LogLevel.Warning : LogLevel.Debug, "Not listening for task and reminder events ({Reason}); trying again in {Seconds} s",
                    DatabaseErrors.ShortReason(e), pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>1, 2, 4... seconds, at most 30.</summary>
    internal static TimeSpan Pause(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxPause.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 5))));

    /// <summary>
    /// Unpooled (a LISTENing connection is this service's alone) with TCP keepalives: the kernel probes
    /// the idle connection after 15 s and then every 5 s, so a peer that vanished without closing the
    /// socket fails the wait (after the system's probe count, 9 by default: about a minute) and the loop
    /// reconnects instead of waiting forever. Not Npgsql's own KeepAlive, which sends a query every 15 s
    /// from inside <c>WaitAsync</c> by way of a timeout that Npgsql throws and catches: four first-chance
    /// exceptions each time, 16 a minute in the exceptions counter of a web that is doing nothing.
    /// </summary>
    internal static string ListenerConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 0,
            TcpKeepAlive = true,
            TcpKeepAliveTime = 15,
            TcpKeepAliveInterval = 5,
            ApplicationName = "taskchat-web-events",
        }.ConnectionString;

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel != UserEventChannel.Name || UserEventMessage.Parse(e.Payload) is not { } message)
        {
            return;
        }
        _ = DispatchAsync(message);
    }

    private async Task DispatchAsync(UserEventMessage message)
    {
        try
        {
            await hub.DispatchAsync(message);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not hand a {Kind} event to open pages: {Reason}", message.Kind, DatabaseErrors.ShortReason(e));
        }
    }
}
