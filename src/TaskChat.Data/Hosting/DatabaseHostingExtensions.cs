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
    public static IHostApplicationBuilder AddTaskChatDatabase(this IHostApplicationBuilder builder)
    {
        var configuration = builder.GetServiceConfiguration();
        builder.Services.AddTaskChatData(configuration.ReadDatabase(), configuration.ReadTaskLimits());
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
