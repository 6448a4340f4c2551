using Microsoft.EntityFrameworkCore.Storage;

namespace TaskChat.Data.Tasks;

/// <summary>
/// For a caller that runs <see cref="TaskStore"/> writes inside a transaction of its own and writes nothing
/// before them (the mcp's idempotent tool calls, which store the key with the result and the COMMIT): the
/// first write opens no savepoint, one round trip less in every such call. Nothing precedes that write, so
/// when it gives up (not found, the limit, a lost race) rolling back the whole transaction undoes exactly it.
/// The caller then finds the transaction ended (<c>Database.CurrentTransaction</c> is null) and must store
/// what it keeps in a new one. A second write in the same transaction opens its savepoint as usual: giving
/// up, it must not undo the first.
/// </summary>
public static class TaskWriteSavepoint
{
    /// <summary>The next task write in <paramref name="transaction"/> rolls back the whole transaction when it gives up, instead of a savepoint.</summary>
    public static void SkipForFirstWrite(IDbContextTransaction transaction) => TaskStoreTransaction.SkipSavepointOfFirstWrite(transaction);

    /// <summary>
    /// Ends the call that <see cref="SkipForFirstWrite"/> began on <paramref name="db"/>: after its first write gave up,
    /// task writes on the context are refused until then (they would commit on their own, outside the call). Call it
    /// in a finally: contexts are pooled, and the next request on this one must not inherit the refusal.
    /// </summary>
    public static void CallEnded(TaskChatDbContext db) => TaskStoreTransaction.CallEnded(db);
}
