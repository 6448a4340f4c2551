using TaskChat.Data.Connection;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Data.Hosting;

public static class DatabaseSettings
{
    /// <summary>
    /// DATABASE_URL (the SQLite file under the repository root when unset) and DB_POOL_MAX, read with
    /// the service's reader so that their problems are reported with every other variable's; adds
    /// the database, without its password, to the start-up summary.
    /// </summary>
    public static DatabaseConnection ReadDatabase(this ServiceConfiguration configuration)
    {
        var reader = configuration.Reader;
        var url = reader.Raw(DatabaseUrl.VariableName);
        DatabaseConnection connection;
        var understood = true;
        try
        {
            connection = DatabaseUrl.Parse(url, DatabaseUrl.DefaultSqlitePath());
        }
        catch (InvalidDatabaseUrlException e)
        {
            reader.Problem(e.Message);
            connection = DatabaseUrl.Parse(null, DatabaseUrl.DefaultSqlitePath());
            understood = false;
        }
        if (reader.IsProduction && string.IsNullOrWhiteSpace(url))
        {
            reader.Problem(DatabaseUrl.VariableName, "must be set in production (a PostgreSQL URL).");
        }
        // The SQLite fallback stands in for a value we could not read; blaming it on the user would mislead.
        else if (reader.IsProduction && understood && connection.Provider == DatabaseProvider.Sqlite)
        {
            reader.Problem(DatabaseUrl.VariableName, "must be PostgreSQL in production: an SQLite file is neither shared between replicas nor kept across deploys.");
        }
        connection = connection.WithPoolMax(reader.Number("DB_POOL_MAX", configuration.Shared.Service.DefaultDbPoolMax, 1, 1000));
        configuration.Summarize($"database=[{connection.Summary}]");
        return connection;
    }

    /// <summary>TASKS_PER_USER_MAX: how many tasks one user may keep (default 10,000).</summary>
    public static TaskLimits ReadTaskLimits(this ServiceConfiguration configuration) =>
        new(configuration.Reader.Number(TaskLimits.VariableName, FieldLimits.TasksPerUserDefault, 1, 10_000_000));
}
