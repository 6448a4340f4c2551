using TaskChat.Data.Connection;

namespace TaskChat.Data;

/// <summary>
/// The database the dotnet-ef tools talk to: DATABASE_URL when it names this provider, else the
/// development default. Same options as the services (history table included), so
/// `dotnet ef database update` and the launcher's `migrate` agree on what has been applied.
/// </summary>
internal static class DesignTimeConnection
{
    public static DatabaseConnection For(DatabaseProvider provider)
    {
        var configured = DatabaseUrl.Parse(Environment.GetEnvironmentVariable("DATABASE_URL"), DatabaseUrl.DefaultSqlitePath());
        if (configured.Provider == provider)
        {
            return configured;
        }
        return provider == DatabaseProvider.Postgres
            ? DatabaseUrl.Parse("postgres://localhost/taskchat", DatabaseUrl.DefaultSqlitePath())
            : DatabaseUrl.Parse(null, DatabaseUrl.DefaultSqlitePath());
    }
}
