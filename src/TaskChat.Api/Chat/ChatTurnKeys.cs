using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Idempotency;
using TaskChat.Data.Limits;

namespace TaskChat.Api.Chat;

/// <summary>What a chat turn's Idempotency-Key says about the turn.</summary>
public abstract record KeyClaim
{
    /// <summary>The key is this request's now: run the turn.</summary>
    public sealed record Claimed : KeyClaim;

    /// <summary>The turn under this key is done: answer with its reply again.</summary>
    public sealed record Done(ChatReply Reply) : KeyClaim;

    /// <summary>The turn under this key is still running (409).</summary>
    public sealed record Running : KeyClaim;

    /// <summary>The key was used for another message or conversation (422).</summary>
    public sealed record OtherRequest : KeyClaim;
}

/// <summary>
/// The chat turns started under an Idempotency-Key (table idempotent_chat_turns), so that every api
/// replica sees them: claimed before a turn runs (first with the rate limit's count, in its command), the claim
/// renewed while it runs (<see cref="ChatTurnLeases"/>), marked done with its reply in the transaction that
/// saves the turn (<see cref="Conversations.ConversationStore.SaveTurnAsync"/>), released when the turn
/// fails so that a retry runs it again. Keys are per user.
/// </summary>
public sealed class ChatTurnKeys(TaskChatDbContext db, ChatTurnLeases leases, TimeProvider clock, ILogger<ChatTurnKeys> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What a turn's key is first used for: its message and its conversation (none: a new one).</summary>
    public static string RequestHash(string message, long? conversationId) =>
        IdempotencyRecords.Hash(message, conversationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new");

    public static string ReplyJson(ChatReply reply) => JsonSerializer.Serialize(reply, Json);

    /// <summary>
    /// The key's claim when its first insert found a row (<see cref="ChatTurnCounter.CountAsync"/> inserts it
    /// with the rate limit's count): what that row says, or the key claimed after all when it is free again.
    /// </summary>
    public async Task<KeyClaim> ClaimTakenAsync(string userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        // A claim that loses a race looks at the winner's row; if that row went meanwhile (its turn
        // failed, or it had expired), it claims again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (attempt > 0 && await TryInsertAsync(userId, key, requestHash, now, cancellationToken))
            {
                return new KeyClaim.Claimed();
            }

            var existing = await db.IdempotentChatTurns.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId && t.Key == key, cancellationToken);
            if (existing is null)
            {
                continue;
            }
            if (existing.CreatedAt < now - IdempotencyRecords.Retention)
            {
                // Expired, not pruned yet: the key is free again.
                await db.IdempotentChatTurns.Where(t => t.UserId == userId && t.Key == key && t.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(cancellationToken);
                continue;
            }
            if (existing.RequestHash != requestHash)
            {
                return new KeyClaim.OtherRequest();
            }
            if (existing.Reply is { } reply)
            {
                return new KeyClaim.Done(JsonSerializer.Deserialize<ChatReply>(reply, Json)!);
            }
            if (existing.ClaimedAt >= now - leases.Length)
            {
                // Its api renews the claim while the turn runs (ChatTurnLeaseRenewal).
                return new KeyClaim.Running();
            }
            // Abandoned by an api that stopped mid-turn: take it over, unless another retry just did.
            var taken = await db.IdempotentChatTurns
                .Where(t => t.UserId == userId && t.Key == key && t.Reply == null && t.ClaimedAt == existing.ClaimedAt)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.ClaimedAt, now), cancellationToken);
            return taken == 1 ? new KeyClaim.Claimed() : new KeyClaim.Running();
        }
        return new KeyClaim.Running();
    }

    /// <summary>
    /// The claim's row, unless the key has one: one statement, and no exception when it is taken (SQLite
    /// and PostgreSQL both have ON CONFLICT DO NOTHING; PostgreSQL first waits for a concurrent claim of
    /// the same key to commit or roll back). It was EF's SaveChanges, whose change tracking and command
    /// building every keyed turn paid for one row, and a taken key cost an exception.
    /// </summary>
    private async Task<bool> TryInsertAsync(string userId, string key, string requestHash, DateTime now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotent_chat_turns (user_id, key, request_hash, created_at, claimed_at) VALUES ({userId}, {key}, {requestHash}, {now}, {now})
            ON CONFLICT (user_id, key) DO NOTHING
            """, cancellationToken) == 1;

    /// <summary>Frees the key of a turn that failed or was abandoned by its client, so that a retry runs it again.</summary>
    public async Task ReleaseAsync(string userId, string key)
    {
        try
        {
            await db.IdempotentChatTurns.Where(t => t.UserId == userId && t.Key == key && t.Reply == null).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The claim stays until its lease ends (no longer renewed): a retry meanwhile is told the turn is still running.
            logger.LogWarning("Could not release an idempotency key: {Reason}", DatabaseErrors.IsUnavailable(e) ? DatabaseErrors.ShortReason(e) : e.GetType().Name);
        }
    }
}
