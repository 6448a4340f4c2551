using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using TaskChat.Data.Connection;
using TaskChat.Data.Tasks;

namespace TaskChat.Data;

public static class DataServiceCollectionExtensions
{
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
        return services;
    }

    public static DbContextOptionsBuilder UseTaskChatPostgres(this DbContextOptionsBuilder options, DatabaseConnection connection) =>
        options.UseNpgsql(WithoutPoolReset(connection.ConnectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .LogFailuresOnce();

    /// <summary>
    /// Npgsql resets every connection it takes back into its pool (DISCARD ALL, sent ahead of the next
    /// command): a statement the server runs on every request, and it throws away the server's plans. Nothing
    /// in TaskChat leaves session state on a pooled connection: no SET, no LISTEN, no temporary tables, no
    /// session advisory lock (the migration lock takes its own unpooled connection; the conversation lock
    /// is pg_advisory_xact_lock, gone at commit), and Npgsql rolls back an open transaction on return
    /// whatever this setting says. So the reset is skipped (issue 13).
    /// </summary>
    private static string WithoutPoolReset(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

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
            .UseSqlite(connection.ConnectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
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
