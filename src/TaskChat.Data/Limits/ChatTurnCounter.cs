using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Limits;

/// <summary>
/// The chat rate limit's counter, kept in the database so that every api replica counts against the
/// same number: a fixed window per user that begins with its first turn and lasts a minute (as ASP.NET
/// Core's fixed window limiter did per process), counted by one atomic upsert (SQLite and PostgreSQL
/// both have INSERT ... ON CONFLICT DO UPDATE ... RETURNING).
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

    /// <summary>Counts one turn for <paramref name="userId"/> in its current window.</summary>
    /// <returns>Null when the turn is within <paramref name="limit"/>, else how long until the window ends.</returns>
    public async Task<TimeSpan?> TryCountAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = CountSql;
            command.AddParameter("user", userId);
            command.AddParameter("now", now);
            command.AddParameter("window", (long)WindowSeconds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var turns = reader.GetInt32(0);
            var windowStart = reader.GetInt64(1);
            // At least a second: a client told "0" would retry at once.
            return turns <= limit ? null : TimeSpan.FromSeconds(Math.Max(1, windowStart + WindowSeconds - now));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
