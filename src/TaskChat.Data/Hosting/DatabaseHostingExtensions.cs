using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskChat.Data.Hosting;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Health;

namespace TaskChat.Data;

public static class DatabaseHostingExtensions
{
    /// <summary>
    /// The service's database: DATABASE_URL, DB_POOL_MAX and TASKS_PER_USER_MAX read with the service's other variables,
    /// <see cref="TaskChatDbContext"/> and the task store, the "database" check that decides
    /// readiness, 503 database_unavailable for a request that meets a database outage, and, in
    /// development only, migrations at start-up.
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="warmUp">
    /// A service's Program, which runs what it builds: start the database layer now, on another core,
    /// while the host is built (<see cref="DatabaseWarmUp"/>). False for a builder that is only inspected.
    /// </param>
    public static IHostApplicationBuilder AddTaskChatDatabase(this IHostApplicationBuilder builder, bool warmUp = false)
    {
        var configuration = builder.GetServiceConfiguration();
        var database = configuration.ReadDatabase();
        builder.Services.AddTaskChatData(database, configuration.ReadTaskLimits());
        if (warmUp && configuration.Problems.Count == 0)
        {
            DatabaseWarmUp.Start(database);
        }
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        if (!configuration.Shared.IsProduction)
        {
            builder.Services.AddHostedService<DevelopmentMigrations>();
        }
        return builder;
    }
}
