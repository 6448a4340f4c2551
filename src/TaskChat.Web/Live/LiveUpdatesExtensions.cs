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
        services.AddSingleton<ReminderEmailStop>();
        services.AddHostedService(provider => provider.GetRequiredService<ReminderDeliveryWorker>());
        // Which source of "tasks changed" depends on the database, known once the connection is registered.
        services.AddSingleton<PostgresEventListener>();
        services.AddSingleton<TaskVersionPoller>();
        services.AddHostedService<LiveUpdateSource>();
        return builder;
    }

    /// <summary>The link in every reminder email that stops them (<see cref="ReminderEmailStop"/>).</summary>
    public static IEndpointRouteBuilder MapReminderEmailStop(this IEndpointRouteBuilder endpoints)
    {
        // A link opened in a browser: the page that asks.
        endpoints.MapGet(ReminderEmailStop.LinkPath, (string? token) => TypedResults.Redirect($"{ReminderEmailStop.PagePath}?token={Uri.EscapeDataString(token ?? "")}"))
            .ExcludeFromDescription();
        endpoints.MapPost(ReminderEmailStop.LinkPath, ReminderEmailStop.StopAsync).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Runs the listener on PostgreSQL, the version poller on SQLite.</summary>
    private sealed class LiveUpdateSource(DatabaseConnection database, IServiceProvider services) : IHostedService
    {
        // Resolved once at start and kept: at stop the host may already be tearing its provider down.
        private IHostedService? _source;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _source = database.Provider == DatabaseProvider.Postgres
                ? services.GetRequiredService<PostgresEventListener>()
                : services.GetRequiredService<TaskVersionPoller>();
            return _source.StartAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => _source?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
