using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Tasks;

/// <summary>
/// The transaction of one <see cref="TaskStore"/> write. On its own it is a transaction. Inside a caller's
/// transaction it is a savepoint: a write that gives up (not found, a lost race) must undo only itself and
/// leave that transaction usable. The exception is the first write of a transaction whose caller said it
/// needs none (<see cref="TaskWriteSavepoint"/>, the mcp's keyed calls): nothing precedes it, so giving up
/// it rolls back the whole transaction, which undoes exactly the write.
/// </summary>
internal sealed class TaskStoreTransaction : IAsyncDisposable
{
    internal const string Savepoint = "task_store_write";

    // Transactions whose first write opens no savepoint (TaskWriteSavepoint). Weak, so a transaction
    // that ends without a write is not kept alive by it.
    private static readonly ConditionalWeakTable<IDbContextTransaction, object> FirstWritesWithoutSavepoint = new();

    // Contexts whose first write of such a transaction gave up and rolled the caller's transaction back. Until the
    // caller's call ends (CallEnded), a task write there with no transaction would start one of its own and commit
    // outside the call (before its result is stored): refused. No tool writes after giving up; this keeps one from
    // ever doing so silently.
    private static readonly ConditionalWeakTable<TaskChatDbContext, object> CallersTransactionsRolledBack = new();

    private readonly TaskChatDbContext _db;
    private readonly IDbContextTransaction? _own;
    private readonly bool _rollsBackCallersTransaction;
    private readonly HashSet<object> _trackedBefore;
    private bool _finished;
    private bool _committedWithStatement;

    private readonly AutoSavepointsOff _noAutoSavepoints;

    private TaskStoreTransaction(TaskChatDbContext db, IDbContextTransaction? own, bool rollsBackCallersTransaction = false)
    {
        _db = db;
        _own = own;
        _rollsBackCallersTransaction = rollsBackCallersTransaction;
        _trackedBefore = new HashSet<object>(db.ChangeTracker.Entries().Select(e => e.Entity), ReferenceEqualityComparer.Instance);
        // EF wraps each SaveChanges in a transaction in a SAVEPOINT and a RELEASE: two round trips a write
        // that this write does not need, since a failure rolls the whole of it back (to its own savepoint
        // when nested) before anything else runs on the connection.
        _noAutoSavepoints = new AutoSavepointsOff(db);
    }

    public static async Task<TaskStoreTransaction> BeginAsync(TaskChatDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            // Taken once: a second write in the same transaction (a change, then the completion) must not undo
            // the first when it gives up, so it opens its savepoint.
            if (FirstWritesWithoutSavepoint.Remove(outer))
            {
                return new TaskStoreTransaction(db, own: null, rollsBackCallersTransaction: true);
            }
            await outer.CreateSavepointAsync(Savepoint, cancellationToken);
            return new TaskStoreTransaction(db, own: null);
        }
        if (CallersTransactionsRolledBack.TryGetValue(db, out _))
        {
            throw new InvalidOperationException(
                "A task write after the first write of the caller's transaction gave up (and rolled it back) would commit on its own, outside that transaction.");
        }
        return new TaskStoreTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>Inside a caller's transaction (a savepoint of it), not a transaction of its own.</summary>
    public bool IsNested => _own is null;

    /// <summary>
    /// The write's last statement may carry the COMMIT (see <see cref="CommitWithStatement"/>): a transaction of its
    /// own on PostgreSQL. Nested, the caller's transaction goes on after the write; SQLite's round trips are calls.
    /// </summary>
    public bool CanCommitWithStatement => _own is not null && _db.Database.IsNpgsql();

    /// <summary>The write's last statement carried the COMMIT (<see cref="CommittedWithStatement"/>).</summary>
    public bool IsCommittedByStatement => _committedWithStatement;

    /// <summary>The write's last statement carried the COMMIT: <see cref="CommitAsync"/> and the dispose have nothing left to do.</summary>
    public void CommittedWithStatement()
    {
        if (!CanCommitWithStatement)
        {
            throw new InvalidOperationException("Only a task write's own transaction on PostgreSQL is committed by its statement.");
        }
        _finished = true;
        _committedWithStatement = true;
    }

    /// <summary>The next write in <paramref name="transaction"/> opens no savepoint (see <see cref="TaskWriteSavepoint"/>).</summary>
    internal static void SkipSavepointOfFirstWrite(IDbContextTransaction transaction) => FirstWritesWithoutSavepoint.AddOrUpdate(transaction, Savepoint);

    /// <summary>The caller's call on <paramref name="db"/> is over: its writes may run on their own again (contexts are pooled).</summary>
    internal static void CallEnded(TaskChatDbContext db) => CallersTransactionsRolledBack.Remove(db);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        _finished = true;
        if (_committedWithStatement)
        {
            return;
        }
        // Nested, a savepoint is left as it is: the caller's commit ends it with everything else, and a
        // RELEASE would be one more round trip in every idempotent tool call that changes nothing.
        if (_own is not null)
        {
            await _own.CommitAsync(cancellationToken);
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        _finished = true;
        if (_own is not null)
        {
            await _own.RollbackAsync(cancellationToken);
        }
        else if (_rollsBackCallersTransaction)
        {
            // The caller finds its transaction ended (no current transaction) and stores what it needs in a new one.
            await Outer.RollbackAsync(cancellationToken);
            CallersTransactionsRolledBack.AddOrUpdate(_db, Savepoint);
        }
        else
        {
            await Outer.RollbackToSavepointAsync(Savepoint, cancellationToken);
        }
        // What this write added stays tracked otherwise, and the caller's next SaveChanges would write it after all.
        foreach (var entry in _db.ChangeTracker.Entries().Where(e => !_trackedBefore.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>A write that returned without committing (not found, invalid) is undone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await RollbackAsync(CancellationToken.None);
        }
        _noAutoSavepoints.Dispose();
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }

    private IDbContextTransaction Outer =>
        _db.Database.CurrentTransaction ?? throw new InvalidOperationException("The caller's transaction ended inside a task write.");
}
