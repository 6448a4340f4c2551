using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Limits;

/// <summary>
/// The chat rate limit's counter, kept in the database so that every api replica counts against the
/// same number: a fixed window per user that begins with its first turn and lasts a minute (as ASP.NET
/// Core's fixed window limiter did per process), counted by one atomic upsert (SQLite and PostgreSQL
/// both have INSERT ... ON CONFLICT DO UPDATE ... RETURNING). A turn sent with an Idempotency-Key has
/// the key claimed in the same command, when the turn is within the limit (<see cref="TurnKeyClaim"/>).
/// </summary>
public sealed class ChatTurnCounter(TaskChatDbContext db, TimeProvider clock)
{
    private const int WindowSeconds = 60;

    // The table and columns are the snake_case names of ChatTurnWindow (ChatTurnWindowConfiguration).
    private const string CountSql = """
        INSERT INTO chat_turn_windows (user_id, window_start, turns) VALUES (@user, @now, 1)
        ON CONFLICT (user_id) DO UPDATE SET
            turns = CASE WHEN excluded.window_start < chat_turn_windows.window_start + @window THEN chat_turn_windows.turns + 1 ELSE 1 END,
            window_start = CASE WHEN excluded.window_start < chat_turn_windows.window_start + @window THEN chat_turn_windows.window_start ELSE excluded.window_start END
        RETURNING turns, window_start
        """;

    // The second statement of the same command sees the first's count (PostgreSQL runs a command's
    // statements in one transaction, SQLite in order on one connection): nothing is claimed past the
    // limit. The columns are IdempotentChatTurn's (ChatTurnKeys claims the same way on a retry).
    private const string ClaimWithinLimitSql = """
        INSERT INTO idempotent_chat_turns (user_id, key, request_hash, created_at, claimed_at)
        SELECT @user, @key, @hash, @at, @at WHERE (SELECT turns FROM chat_turn_windows WHERE user_id = @user) <= @limit
        ON CONFLICT (user_id, key) DO NOTHING
        RETURNING 1
        """;

    /// <summary>
    /// Counts one turn for <paramref name="userId"/>, and when it is within <paramref name="limit"/> claims
    /// <paramref name="claim"/>'s key unless the user's key has a row already: one round trip where the
    /// count and the claim were two in every turn the web sends (it sends a key with each).
    /// </summary>
    public async Task<TurnCount> CountAsync(string userId, int limit, TurnKeyClaim? claim, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seconds = now.ToUnixTimeSeconds();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = claim is null ? CountSql : CountSql + ";\n" + ClaimWithinLimitSql;
            command.AddParameter("user", userId);
            command.AddParameter("now", seconds);
            command.AddParameter("window", (long)WindowSeconds);
            if (claim is not null)
            {
                command.AddParameter("key", claim.Key);
                command.AddParameter("hash", claim.RequestHash);
                command.AddParameter("at", now.UtcDateTime);
                command.AddParameter("limit", limit);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var turns = reader.GetInt32(0);
            var windowStart = reader.GetInt64(1);
            var claimed = claim is not null && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken);
            // At least a second: a client told "0" would retry at once.
            return turns <= limit
                ? new TurnCount(null, claimed)
                : new TurnCount(TimeSpan.FromSeconds(Math.Max(1, windowStart + WindowSeconds - seconds)), KeyClaimed: false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>A chat turn's Idempotency-Key, and what it is first used for (<c>ChatTurnKeys.RequestHash</c>).</summary>
public sealed record TurnKeyClaim(string Key, string RequestHash);

/// <param name="RetryAfter">Null when the turn is within the limit, else how long until the window ends.</param>
/// <param name="KeyClaimed">The key is this turn's now; false when it was not asked for, the turn is past the limit, or the key has a row.</param>
public readonly record struct TurnCount(TimeSpan? RetryAfter, bool KeyClaimed);
