using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TaskChat.Data.Connection;

/// <summary>
/// A transaction's last statement and its COMMIT in one round trip where they were two (PostgreSQL).
/// Npgsql's transaction API commits in a command of its own; a COMMIT sent in the last statement's command
/// instead is what Npgsql supports for transactions ended in SQL: it reads the server's transaction status
/// from the reply, so the <see cref="IDbContextTransaction"/> is then complete and its dispose sends nothing
/// (no ROLLBACK). Its <c>CommitAsync</c> must not be called after this (Npgsql refuses a completed transaction).
/// If the statement fails the server skips the COMMIT (a command's statements end at the first error) and the
/// transaction rolls back when disposed, as before. SQLite runs the statement, then commits as usual: there a
/// round trip is a function call.
/// </summary>
public static class CommitWithStatement
{
    /// <returns>The rows <paramref name="statement"/> changed.</returns>
    public static async Task<int> ExecuteAndCommitAsync(
        TaskChatDbContext db, IDbContextTransaction transaction, FormattableString statement, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction != transaction)
        {
            throw new InvalidOperationException("The transaction to commit is not the context's current one.");
        }
        if (!db.Database.IsNpgsql())
        {
            var changed = await db.Database.ExecuteSqlAsync(statement, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return changed;
        }
        // COMMIT changes no rows, so the command's count is the statement's.
        return await db.Database.ExecuteSqlAsync(
            FormattableStringFactory.Create(statement.Format + ";\nCOMMIT", statement.GetArguments()), cancellationToken);
    }
}
