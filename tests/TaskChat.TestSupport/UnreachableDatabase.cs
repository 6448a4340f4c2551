using TaskChat.Data.Connection;

namespace TaskChat.TestSupport;

/// <summary>
/// A DATABASE_URL for a database that is down: PostgreSQL on a loopback port where nothing listens
/// (connection refused), or an SQLite file that is not a database. Services start over it (a
/// database that cannot be reached is not fatal) and meet the outage on every request.
/// </summary>
public sealed class UnreachableDatabase : IDisposable
{
    private readonly string? _directory;

    public UnreachableDatabase(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            Url = $"Host=127.0.0.1;Port={LoopbackServer.UnusedPort()};Username=postgres;Database=taskchat_down;Timeout=2";
            return;
        }
        _directory = Directory.CreateTempSubdirectory("taskchat-down-").FullName;
        var file = Path.Combine(_directory, "taskchat.db");
        File.WriteAllText(file, new string('x', 4096));
        Url = "sqlite:" + file;
    }

    public string Url { get; }

    public void Dispose()
    {
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Still held for a moment: the temp folder is cleaned eventually.
            }
        }
    }
}
