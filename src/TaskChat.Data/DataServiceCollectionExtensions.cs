using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using TaskChat.Data.Connection;
using TaskChat.Data.Notifications;
using TaskChat.Data.Tasks;

namespace TaskChat.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>EF Core's migrations history, with its columns in snake_case like every other table (migration_id, product_version).</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Registers <see cref="TaskChatDbContext"/> (pooled, resolved to the provider's subclass) and
    /// <see cref="TaskStore"/> (with <paramref name="limits"/>, by default 10,000 tasks per user).
    /// </summary>
    public static IServiceCollection AddTaskChatData(this IServiceCollection services, DatabaseConnection connection, TaskLimits? limits = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(limits ?? new TaskLimits());
        services.AddSingleton(connection);
        switch (connection.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<TaskChatDbContext, PostgresTaskChatDbContext>(options => options.UseTaskChatPostgres(connection));
                break;
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<TaskChatDbContext, SqliteTaskChatDbContext>(options => options.UseTaskChatSqlite(connection));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(connection), connection.Provider, "Unknown database provider.");
        }
        services.AddScoped<TaskStore>();
        services.AddScoped<ReminderDelivery>();
        services.AddScoped<NotificationStore>();
        return services;
    }

    public static DbContextOptionsBuilder UseTaskChatPostgres(this DbContextOptionsBuilder options, DatabaseConnection connection) =>
        options.UseNpgsql(WithoutResetOnClose(connection.ConnectionString), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention()
            .LogFailuresOnce();

    /// <summary>
    /// Npgsql resets a pooled connection with DISCARD ALL when it is next used, one round trip more for
    /// every unit of work (a chat turn opens the connection several times). Nothing here leaves session
    /// state behind: no SET, no temporary tables, no session advisory locks (locks are transaction-scoped;
    /// the migration lock has its own unpooled connection), so the reset is skipped, unless the
    /// connection string asks for it with its own No Reset On Close.
    /// </summary>
    public static string WithoutResetOnClose(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("reset on close", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("noresetonclose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// EF Core logs a failed connection, command, query or save as an error with the exception's
    /// stack, and the exception then reaches whoever handles it (the exception handler logs it once,
    /// a database outage as one warning line): at Debug, those would be the same failure logged twice more.
    /// </summary>
    private static DbContextOptionsBuilder LogFailuresOnce(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    public static DbContextOptionsBuilder UseTaskChatSqlite(this DbContextOptionsBuilder options, DatabaseConnection connection)
    {
        SqliteFiles.EnsureDirectoryFor(connection);
        return options
            .UseSqlite(connection.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention()
            .LogFailuresOnce()
            .AddInterceptors(SqliteConnectionSetup.Instance);
    }

    /// <summary>A fresh context outside dependency injection: for migrations and tools.</summary>
    public static TaskChatDbContext CreateDbContext(DatabaseConnection connection) => connection.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresTaskChatDbContext(
            (DbContextOptions<PostgresTaskChatDbContext>)new DbContextOptionsBuilder<PostgresTaskChatDbContext>().UseTaskChatPostgres(connection).Options),
        _ => new SqliteTaskChatDbContext(
            (DbContextOptions<SqliteTaskChatDbContext>)new DbContextOptionsBuilder<SqliteTaskChatDbContext>().UseTaskChatSqlite(connection).Options),
    };
}
