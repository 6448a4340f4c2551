using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace TaskChat.Data.Idempotency;

/// <summary>
/// What the two idempotency tables share: how long a key is remembered, how a request is
/// fingerprinted (a key sent again with something else is refused, not replayed), and pruning.
/// </summary>
public static class IdempotencyRecords
{
    /// <summary>
    /// How long a key is kept: a retry comes within seconds or minutes (the web re-sends when the user
    /// presses send again), a day covers a client that retries after a night; then the row goes.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>SHA-256 (lowercase hex) of the parts, each length-prefixed so that no two lists collide.</summary>
    public static string Hash(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length).Append(':').Append(part).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Deletes the keys of both tables first used before <paramref name="now"/> minus <see cref="Retention"/>.</summary>
    /// <returns>How many rows went.</returns>
    public static async Task<int> PruneAsync(TaskChatDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - Retention;
        var turns = await db.IdempotentChatTurns.Where(t => t.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var calls = await db.IdempotentToolCalls.Where(c => c.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return turns + calls;
    }
}
