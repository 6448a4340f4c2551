using Microsoft.EntityFrameworkCore;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The SQLite database's write lock held (BEGIN IMMEDIATE) until disposed: every write waits for it (the
/// services' busy timeout is 30 s) while reads go on (WAL), so pages still load. A chat turn sent meanwhile waits
/// at its first statement: a turn that lasts as long as a test needs, ended by letting go.
/// </summary>
internal sealed class DatabaseWriteHold : IAsyncDisposable
{
    private readonly TaskChatDbContext _db;
    private bool _released;

    private DatabaseWriteHold(TaskChatDbContext db) => _db = db;

    public static async Task<DatabaseWriteHold> BeginAsync(TestDatabase database)
    {
        Assert.Equal(DatabaseProvider.Sqlite, database.Connection.Provider);
        var db = database.CreateDbContext();
        try
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE");
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return new DatabaseWriteHold(db);
    }

    /// <summary>Lets go (once: a test may let go before its using block ends).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }
        _released = true;
        await _db.Database.ExecuteSqlRawAsync("ROLLBACK");
        await _db.DisposeAsync();
    }
}
