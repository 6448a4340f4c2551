using TaskChat.Data.Connection;

namespace TaskChat.Web.Live;

/// <summary>Reminder delivery and live updates (docs/architecture.md, "Live updates and reminders").</summary>
public static class LiveUpdatesExtensions
{
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<UserEventHub>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<ReminderDeliveryWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ReminderDeliveryWorker>());
        // Which source of "tasks changed" depends on the database, known once the connection is registered.
        services.AddSingleton<PostgresEventListener>();
        services.AddSingleton<TaskVersionPoller>();
        services.AddHostedService<LiveUpdateSource>();
        return builder;
    }

    /// <summary>Runs the listener on PostgreSQL, the version poller on SQLite.</summary>
    private sealed class LiveUpdateSource(DatabaseConnection database, IServiceProvider services) : IHostedService
    {
        private IHostedService Source => database.Provider == DatabaseProvider.Postgres
            ? services.GetRequiredService<PostgresEventListener>()
            : services.GetRequiredService<TaskVersionPoller>();

        public Task StartAsync(CancellationToken cancellationToken) => Source.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Source.StopAsync(cancellationToken);
    }
}
