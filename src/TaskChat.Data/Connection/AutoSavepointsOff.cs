using Microsoft.EntityFrameworkCore;

namespace TaskChat.Data.Connection;

/// <summary>
/// Turns EF's automatic savepoints off until disposed, then restores what was set before. EF wraps each
/// SaveChanges inside a transaction in a SAVEPOINT and a RELEASE, two round trips a write, so that a
/// failed SaveChanges leaves the transaction usable; code that rolls back on failure (the whole
/// transaction, or its own savepoint) does not need them.
/// </summary>
public readonly struct AutoSavepointsOff : IDisposable
{
    private readonly DbContext _db;
    private readonly bool _before;

    public AutoSavepointsOff(DbContext db)
    {
        _db = db;
        _before = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
    }

    public void Dispose() => _db.Database.AutoSavepointsEnabled = _before;
}
