namespace TaskChat.TestSupport;

/// <summary>An SQLite file in a temp folder of its own.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("taskchat-test-").FullName;

    public override string Url => "sqlite:" + Path.Combine(_directory, "taskchat.db");

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A process we started may still hold the file for a moment; the temp folder is cleaned eventually.
        }
        return ValueTask.CompletedTask;
    }
}
