using Microsoft.EntityFrameworkCore;
using TaskChat.ServiceDefaults.Authentication;

namespace TaskChat.Data.Accounts;

/// <summary>
/// The guard against a deleted account's tokens (docs/architecture.md, "Deleting an account"): the api and the mcp
/// accept a token on its signature alone, so one minted before the deletion still passes for up to 15 minutes. What
/// it could still do is create rows again, and every row of a user begins with one of two upserts: a task's number
/// (user_task_counters, the add of REST, the mcp and so the chat) and a chat turn's count (chat_turn_windows, before
/// a conversation, a message or a turn's key). Each carries this condition, so the check is a primary-key probe inside
/// a statement the write sends anyway: no round trip is added, and a read (which finds nothing) is not checked at all.
/// </summary>
public static class DeletedAccounts
{
    /// <summary>A SQL condition: the account of <paramref name="user"/> (a placeholder or parameter) was not deleted.</summary>
    public static string NotDeleted(string user) => $"NOT EXISTS (SELECT 1 FROM deleted_accounts WHERE user_id = {user})";

    /// <summary>What the api and the mcp answer a deleted account's token that tries to write.</summary>
    public const string Detail = "This account was deleted: sign up again to use TaskChat.";

    /// <summary>
    /// How long a deleted account's id stays listed: until no token minted before the deletion can still be accepted.
    /// The web's tokens (<c>/api/auth/token</c>) and the OAuth access tokens of outside MCP clients live at most
    /// <see cref="JwtAuthenticationExtensions.MaxTokenLifetime"/> (15 minutes; OAUTH_ACCESS_TOKEN_MINUTES is capped
    /// there), and the api and the mcp refuse any token that would live longer. A token is accepted up to
    /// <see cref="JwtAuthenticationExtensions.ClockSkew"/> past its expiry, and one more skew allows for another web
    /// replica's clock that issued it running ahead of the one that recorded the deletion. Refresh tokens need no
    /// wait: they are rows, erased with the account, so none mints a new access token afterwards.
    /// </summary>
    public static readonly TimeSpan Kept = JwtAuthenticationExtensions.MaxTokenLifetime + 2 * JwtAuthenticationExtensions.ClockSkew;

    /// <summary>
    /// Removes the ids of accounts deleted more than <see cref="Kept"/> before <paramref name="now"/>, each once what a
    /// write in flight at its deletion may have left is erased (<see cref="AccountErasure.SweepAsync"/>): after this no
    /// token can write for it, so nothing of the account is left. How many ids went, and how many such rows.
    /// </summary>
    public static async Task<DeletedAccountsPruned> PruneAsync(TaskChatDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - Kept;
        var due = await db.DeletedAccounts.Where(d => d.DeletedAt < cutoff).Select(d => d.UserId).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var userId in due)
        {
            erased += await AccountErasure.SweepAsync(db, userId, cancellationToken);
        }
        var forgotten = due.Count == 0 ? 0 : await db.DeletedAccounts.Where(d => due.Contains(d.UserId)).ExecuteDeleteAsync(cancellationToken);
        return new DeletedAccountsPruned(forgotten, erased);
    }
}

/// <summary>What <see cref="DeletedAccounts.PruneAsync"/> did: ids forgotten, and rows that writes in flight at a deletion had left, erased.</summary>
public readonly record struct DeletedAccountsPruned(int Forgotten, int RowsErased);
