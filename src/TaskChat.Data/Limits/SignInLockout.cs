using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Limits;

/// <summary>
/// The web's sign-in lockout, counted per email and client address (<see cref="Model.SignInFailures"/>):
/// after <c>maxFailures</c> wrong passwords for one email from one address within the lockout period,
/// that address is refused for that email for the period. The owner, from any other address, is not:
/// a stranger can only lock out themselves. Emails without an account are counted the same way, so the
/// lockout does not tell which emails have one. In the database, so that it holds across web replicas.
/// </summary>
public sealed class SignInLockout(TaskChatDbContext db, TimeProvider clock)
{
    // The table and columns are the snake_case names of SignInFailures (SignInFailuresConfiguration).
    private const string CountFailureSql = """
        INSERT INTO sign_in_failures (pair_hash, failures, last_failure_at, locked_until) VALUES (@pair, 1, @now, 0)
        ON CONFLICT (pair_hash) DO UPDATE SET
            failures = CASE WHEN sign_in_failures.last_failure_at > @now - @period THEN sign_in_failures.failures + 1 ELSE 1 END,
            last_failure_at = excluded.last_failure_at
        RETURNING failures
        """;

    /// <summary>How long this email is still locked for this address, or null when it is not.</summary>
    public async Task<TimeSpan?> LockedForAsync(string email, string address, CancellationToken cancellationToken)
    {
        var pair = PairHash(email, address);
        var lockedUntil = await db.SignInFailures.Where(f => f.PairHash == pair).Select(f => f.LockedUntil).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return lockedUntil > now ? TimeSpan.FromSeconds(lockedUntil - now) : null;
    }

    /// <summary>Counts a wrong password; returns how long the pair is now locked when this failure locked it.</summary>
    public async Task<TimeSpan?> CountFailureAsync(string email, string address, int maxFailures, TimeSpan period, CancellationToken cancellationToken)
    {
        var pair = PairHash(email, address);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var seconds = (long)period.TotalSeconds;
        int failures;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = CountFailureSql;
            command.AddParameter("pair", pair);
            command.AddParameter("now", now);
            command.AddParameter("period", seconds);
            failures = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (failures < maxFailures)
        {
            return null;
        }
        // Two replicas locking the same pair at once write the same thing.
        await db.SignInFailures.Where(f => f.PairHash == pair)
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.LockedUntil, now + seconds).SetProperty(x => x.Failures, 0), cancellationToken);
        return period;
    }

    /// <summary>A right password from this address: its failures for this email are forgotten.</summary>
    public Task ClearAsync(string email, string address, CancellationToken cancellationToken)
    {
        var pair = PairHash(email, address);
        return db.SignInFailures.Where(f => f.PairHash == pair).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Forgets pairs with no failure and no lock for <paramref name="age"/>: nothing they hold still counts.</summary>
    public Task<int> DeleteStaleAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var before = now - (long)age.TotalSeconds;
        return db.SignInFailures.Where(f => f.LastFailureAt < before && f.LockedUntil < now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Emails compare as Identity compares them (trimmed, upper case): "Ada@X" and "ada@x" are one account.</summary>
    public static string PairHash(string email, string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant() + "\n" + address)));
}
