using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Accounts;
using TaskChat.Data.Connection;
using TaskChat.Data.Model;

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

    // The table and columns are the snake_case names of ChatTurnWindow (ChatTurnWindowConfiguration). A deleted
    // account's turn counts nothing and returns no row (its window went with it, so the insert is the path it takes):
    // then nothing after it in the command claims a key or starts a conversation, since those ask for the count.
    private static readonly string CountSql = $"""
        INSERT INTO chat_turn_windows (user_id, window_start, turns) SELECT @user, @now, 1 WHERE {DeletedAccounts.NotDeleted("@user")}
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

    private static readonly string CountAndClaimSql = CountSql + ";\n" + ClaimWithinLimitSql;

    // PostgreSQL: this command's commit does not wait for its WAL to reach the disk (the transaction's own setting,
    // as the first statement of the command's implicit transaction). What it writes is durable as soon as any later
    // commit is, since a commit flushes the WAL up to itself: the turn's tool writes and its save come after it and
    // wait as before, and the user sees nothing of the turn until the save has. A crash before those loses a count,
    // a claim and an empty conversation of a turn that never answered, which its retry makes again. One flush fewer
    // per turn: about 0.5-0.8 ms on this machine's disk (pg_test_fsync: fdatasync 768 µs), more on network storage.
    private const string CommitWithoutWaitingSql = "SELECT set_config('synchronous_commit', 'off', true);\n";

    // A new conversation's start after the count, its key's claim the WITH's first part: the turn may start
    // when it is within the limit and, sent with a key, has just claimed it.
    private static readonly string CountAndStartSql = CountAndStartSqlFor(claims: false);
    private static readonly string CountClaimAndStartSql = CountAndStartSqlFor(claims: true);

    // A continued conversation's last messages, newest first, after the count (and the claim): a conversation that
    // is not the user's gives no row, one without messages a row of nulls. Read whether or not the turn may run
    // (a read changes nothing; a refused or replayed turn just does not use it). The columns are Message's.
    private const string HistorySql = """
        SELECT m.id, m.role, m.content, m.tool_calls::text, m.created_at
        FROM conversations c
        LEFT JOIN LATERAL (SELECT id, role, content, tool_calls, created_at FROM messages
            WHERE conversation_id = c.id ORDER BY id DESC LIMIT @history) m ON TRUE
        WHERE c.id = @conversation AND c.user_id = @user
        ORDER BY m.id DESC
        """;

    private static readonly string CountAndReadSql = CountSql + ";\n" + HistorySql;
    private static readonly string CountClaimAndReadSql = CountAndClaimSql + ";\n" + HistorySql;

    private static string CountAndStartSqlFor(bool claims) => CountSql + ";\n" + ConversationLimitSql.Lock + ";\n" + $"""
        WITH allowed AS (
            {(claims ? ClaimWithinLimitSql : "SELECT 1 WHERE (SELECT turns FROM chat_turn_windows WHERE user_id = @user) <= @limit")}
        ), started AS (
            {ConversationLimitSql.Insert(andAlso: "EXISTS (SELECT 1 FROM allowed) AND")}
        )
        SELECT EXISTS (SELECT 1 FROM allowed), (SELECT id FROM started)
        """;

    /// <summary>
    /// Counts one turn for <paramref name="userId"/>, and when it is within <paramref name="limit"/> claims
    /// <paramref name="claim"/>'s key unless the user's key has a row already: one round trip where the
    /// count and the claim were two in every turn the web sends (it sends a key with each). On PostgreSQL the
    /// same command also starts the turn's new conversation (<paramref name="start"/>) when the turn may run
    /// (within the limit, its key claimed), so a new conversation's first turn no longer pays a round trip
    /// and a commit of its own for it; ConversationStore starts it otherwise (SQLite, or a key claimed later).
    /// A turn that continues a conversation (<paramref name="continues"/>) has its history read in the same
    /// command on PostgreSQL, for the same reason (<see cref="TurnCount.History"/>).
    /// </summary>
    public async Task<TurnCount> CountAsync(string userId, int limit, TurnKeyClaim? claim, ConversationStart? start, HistoryRead? continues,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seconds = now.ToUnixTimeSeconds();
        var postgres = db.Database.IsNpgsql();
        var starts = start is not null && postgres;
        var reads = !starts && continues is not null && postgres;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = (postgres ? CommitWithoutWaitingSql : "") + (starts, reads, claim is not null) switch
            {
                (true, _, true) => CountClaimAndStartSql,
                (true, _, false) => CountAndStartSql,
                (false, true, true) => CountClaimAndReadSql,
                (false, true, false) => CountAndReadSql,
                (false, false, true) => CountAndClaimSql,
                (false, false, false) => CountSql,
            };
            command.AddParameter("user", userId);
            command.AddParameter("now", seconds);
            command.AddParameter("window", (long)WindowSeconds);
            if (claim is not null || starts)
            {
                command.AddParameter("at", now.UtcDateTime);
                command.AddParameter("limit", limit);
            }
            if (claim is not null)
            {
                command.AddParameter("key", claim.Key);
                command.AddParameter("hash", claim.RequestHash);
            }
            if (starts)
            {
                command.AddParameter("title", start!.Title);
                command.AddParameter("conversations", (long)start.Limit);
            }
            if (reads)
            {
                command.AddParameter("conversation", continues!.ConversationId);
                command.AddParameter("history", continues.Messages);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (postgres)
            {
                await reader.NextResultAsync(cancellationToken); // Past set_config's one row.
            }
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new TurnCount(null, KeyClaimed: false, AccountDeleted: true);
            }
            var turns = reader.GetInt32(0);
            var windowStart = reader.GetInt64(1);
            bool claimed;
            long? started = null;
            if (starts)
            {
                await reader.NextResultAsync(cancellationToken); // Past the lock's one row.
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                claimed = claim is not null && reader.GetBoolean(0);
                started = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            }
            else
            {
                claimed = claim is not null && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken);
            }
            var history = reads && await reader.NextResultAsync(cancellationToken) ? await ReadHistoryAsync(reader, userId, continues!.ConversationId, cancellationToken) : null;
            // At least a second: a client told "0" would retry at once.
            return turns <= limit
                ? new TurnCount(null, claimed, started, AtConversationLimit: starts && (claim is null || claimed) && started is null, history)
                : new TurnCount(TimeSpan.FromSeconds(Math.Max(1, windowStart + WindowSeconds - seconds)), KeyClaimed: false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<ConversationHistory> ReadHistoryAsync(DbDataReader reader, string userId, long conversationId, CancellationToken cancellationToken)
    {
        var found = false;
        var messages = new List<Message>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found = true;
            if (reader.IsDBNull(0))
            {
                continue; // The conversation has no messages yet.
            }
            messages.Add(new Message
            {
                Id = reader.GetInt64(0),
                ConversationId = conversationId,
                UserId = userId,
                Role = reader.GetString(1),
                Content = reader.GetString(2),
                ToolCalls = reader.IsDBNull(3) ? null : reader.GetString(3),
                CreatedAt = reader.GetDateTime(4),
            });
        }
        messages.Reverse();
        return new ConversationHistory(found, messages);
    }
}

/// <summary>A continued conversation's history to read in the turn's count (<see cref="ChatTurnCounter.CountAsync"/>).</summary>
/// <param name="ConversationId">The conversation the turn continues.</param>
/// <param name="Messages">How many of its last messages.</param>
public sealed record HistoryRead(long ConversationId, int Messages);

/// <summary>A conversation's last messages, oldest first, as the count read them.</summary>
/// <param name="Found">The conversation is the user's; false when it is missing or another user's.</param>
/// <param name="Messages">Its last messages (none when not found).</param>
public sealed record ConversationHistory(bool Found, IReadOnlyList<Message> Messages);

/// <summary>A chat turn's Idempotency-Key, and what it is first used for (<c>ChatTurnKeys.RequestHash</c>).</summary>
public sealed record TurnKeyClaim(string Key, string RequestHash);

/// <summary>A new conversation the turn would start (<see cref="ChatTurnCounter.CountAsync"/>).</summary>
/// <param name="Title">Its title, from the turn's message.</param>
/// <param name="Limit">MAX_CONVERSATIONS_PER_USER.</param>
public sealed record ConversationStart(string Title, int Limit);

/// <param name="RetryAfter">Null when the turn is within the limit, else how long until the window ends.</param>
/// <param name="KeyClaimed">The key is this turn's now; false when it was not asked for, the turn is past the limit, or the key has a row.</param>
/// <param name="StartedConversationId">The conversation the count's command started for the turn, if it did.</param>
/// <param name="AtConversationLimit">The command would have started one, but the user has as many as they may.</param>
/// <param name="History">The continued conversation's history, when the command read it (PostgreSQL, a turn within the limit).</param>
/// <param name="AccountDeleted">The user's account was deleted: nothing was counted, claimed or started, and the turn may not run.</param>
public readonly record struct TurnCount(TimeSpan? RetryAfter, bool KeyClaimed, long? StartedConversationId = null, bool AtConversationLimit = false,
    ConversationHistory? History = null, bool AccountDeleted = false);
