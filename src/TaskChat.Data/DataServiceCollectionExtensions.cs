using System.Data.Common;
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
        services.AddScoped<ReminderFollowUp>();
        services.AddScoped<NotificationStore>();
        return services;
    }

    public static DbContextOptionsBuilder UseTaskChatPostgres(this DbContextOptionsBuilder options, DatabaseConnection connection) =>
        options.UseNpgsql(WithPoolDefaults(connection.ConnectionString), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention()
            .LogFailuresOnce();

    /// <summary>Statements each pooled connection keeps prepared (Npgsql <c>Max Auto Prepare</c>).</summary>
    public const int AutoPreparedStatements = 20;

    /// <summary>
    /// Two Npgsql defaults that cost every unit of work, changed unless the connection string sets them itself:
    /// <list type="bullet">
    /// <item>Npgsql resets a pooled connection with DISCARD ALL when it is next used, one round trip more for
    /// every unit of work (a chat turn opens the connection several times). Nothing here leaves session
    /// state behind: no SET, no temporary tables, no session advisory locks (locks are transaction-scoped;
    /// the migration lock has its own unpooled connection), so the reset is skipped (<c>No Reset On Close</c>).</item>
    /// <item>Npgsql sends every statement to be parsed and planned again. With automatic preparation a
    /// connection prepares a statement on the server at its fifth use and keeps up to
    /// <see cref="AutoPreparedStatements"/> of them (the least recently used goes first); PostgreSQL then only
    /// binds and runs them: its CPU per MCP list_tasks call went from 0.52–0.65 ms to 0.19–0.26 ms (issue 13).
    /// A transaction-mode pooler that cannot carry prepared statements (PgBouncer before 1.21) needs
    /// <c>max_auto_prepare=0</c> in DATABASE_URL.</item>
    /// </list>
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The keys the text itself names (NpgsqlConnectionStringBuilder answers for every key it knows), spaces
        // dropped: "No Reset On Close" and "NoResetOnClose" are one setting.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
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
