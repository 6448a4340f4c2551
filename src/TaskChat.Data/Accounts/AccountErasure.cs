using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using TaskChat.Data.Model;

namespace TaskChat.Data.Accounts;

/// <summary>
/// Deletes an account and everything keyed by its user id, in one transaction, on both providers: the user and its
/// Identity rows, its sessions (every device signed out at once), tasks live and deleted with their tags and reminders,
/// the task counter, notifications, conversations and messages, the chat's rate window and idempotency keys, and the
/// OAuth authorizations and tokens of its connected apps. The id is then listed in deleted_accounts
/// (<see cref="DeletedAccounts"/>), and what a write running at that moment may still add is erased again before the id
/// is forgotten (<see cref="SweepAsync"/>). Cascades are not relied on: each table is named here, so that a table added
/// later is either added here or caught by the test that walks every entity set after a deletion.
/// </summary>
public sealed class AccountErasure(TaskChatDbContext db, TimeProvider clock)
{
    /// <summary>Erases <paramref name="userId"/>'s account; false when there is no such user (already deleted).</summary>
    public async Task<bool> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The user's row first: a concurrent deletion of the same account waits here, then finds nothing to do.
        if (await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        await EraseRowsAsync(db, userId, cancellationToken);

        db.DeletedAccounts.Add(new DeletedAccount { UserId = userId, DeletedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Erases again what is keyed by a deleted account's id, in one transaction; returns how many rows. A write already
    /// running when the deletion committed (a chat turn mid-way, an add whose statement began before it) may still land:
    /// <see cref="DeletedAccounts.PruneAsync"/> runs this before it forgets the id, when no token minted before the
    /// deletion is accepted any more, so nothing of the account outlives that.
    /// </summary>
    public static async Task<int> SweepAsync(TaskChatDbContext db, string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var erased = await EraseRowsAsync(db, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return erased;
    }

    // Everything but the user and its Identity rows and sessions, which only the web writes, for a user that exists.
    private static async Task<int> EraseRowsAsync(TaskChatDbContext db, string userId, CancellationToken cancellationToken)
    {
        var erased = 0;
        erased += await db.TaskTags.Where(t => db.Tasks.Any(task => task.Id == t.TaskId && task.UserId == userId)).ExecuteDeleteAsync(cancellationToken);
        erased += await db.TaskReminders.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        erased += await db.Tasks.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken); // Deleted ones waiting for undo too.
        erased += await db.UserTaskCounters.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        erased += await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        erased += await db.Messages.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        erased += await db.Conversations.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        erased += await db.ChatTurnWindows.Where(w => w.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        erased += await db.IdempotentChatTurns.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        erased += await db.IdempotentToolCalls.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        // Connected apps: the grants (what the consent page recorded) and every token under them or naming the user.
        erased += await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == userId || (t.Authorization != null && t.Authorization.Subject == userId))
            .ExecuteDeleteAsync(cancellationToken);
        erased += await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == userId).ExecuteDeleteAsync(cancellationToken);
        return erased;
    }
}
