using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TaskChat.Data.Tasks;

/// <summary>
/// For a caller that runs one <see cref="TaskStore"/> write inside its own transaction (the mcp's
/// idempotent tool calls): its own statement and the savepoint that write opens (TaskStoreTransaction)
/// go to the database together, in one round trip where they were two. The write then finds its
/// savepoint open and does not open another; it still rolls back to it when it gives up.
/// </summary>
public static class TaskWriteSavepoint
{
    /// <summary>
    /// Runs <paramref name="statement"/> in the current transaction, then opens the next task write's
    /// savepoint in the same command (PostgreSQL and SQLite both run a command's statements in order).
    /// </summary>
    /// <returns>Whether <paramref name="statement"/> changed a row (a count would not do: SQLite counts its last change again for the SAVEPOINT).</returns>
    public static async Task<bool> ExecuteAndOpenAsync(TaskChatDbContext db, FormattableString statement, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A task write's savepoint belongs to a transaction: begin one first.");
        var withSavepoint = FormattableStringFactory.Create(statement.Format + ";\nSAVEPOINT " + TaskStoreTransaction.Savepoint, statement.GetArguments());
        var changed = await db.Database.ExecuteSqlAsync(withSavepoint, cancellationToken);
        TaskStoreTransaction.SavepointOpenedFor(transaction);
        return changed > 0;
    }
}
