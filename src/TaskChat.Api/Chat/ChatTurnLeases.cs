using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data;
using TaskChat.Data.Hosting;

namespace TaskChat.Api.Chat;

/// <summary>
/// The claims on Idempotency-Keys of the chat turns this api is running, kept fresh while they run
/// (<see cref="ChatTurnLeaseRenewal"/>). A claim that goes <see cref="Length"/> without a renewal belongs to
/// an api that died mid-turn (killed, out of memory, its machine gone): a retry of its key may take it over
/// (<see cref="ChatTurnKeys.ClaimTakenAsync"/>). An api that shuts down releases its turns' keys itself.
/// </summary>
/// <remarks>
/// The lease used to be a fixed 10 minutes, longer than any turn, so that a turn never lost its key while it
/// ran; a user whose api died then waited up to 10 minutes for "Send again" (and a reloaded page for its
/// reply). Renewed, the lease can be short: a retry waits at most about a minute after a crash.
/// </remarks>
/// <param name="length">How long a claim lasts without a renewal.</param>
/// <param name="renewEvery">How often the running turns' claims are renewed: a few renewals fit in a lease, so one that fails or comes late (a database outage, a long pause) does not lose the key.</param>
public sealed class ChatTurnLeases(TimeSpan length, TimeSpan renewEvery)
{
    /// <summary>A minute, renewed every 15 seconds.</summary>
    public static ChatTurnLeases Default() => new(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15));

    private readonly ConcurrentDictionary<Hold, (string UserId, string Key)> _held = new();

    public TimeSpan Length => length;

    public TimeSpan RenewEvery => renewEvery;

    /// <summary>Keeps the claim on <paramref name="key"/> fresh until the hold is disposed (the turn has ended).</summary>
    public IDisposable HoldWhileRunning(string userId, string key)
    {
        var hold = new Hold(this);
        _held[hold] = (userId, key);
        return hold;
    }

    /// <summary>The keys held now, each once.</summary>
    public IReadOnlyCollection<(string UserId, string Key)> Held() => _held.Values.Distinct().ToList();

    private sealed class Hold(ChatTurnLeases leases) : IDisposable
    {
        public void Dispose() => leases._held.TryRemove(this, out _);
    }
}

/// <summary>
/// Renews the claims of the turns this api is running: one statement a turn every
/// <see cref="ChatTurnLeases.RenewEvery"/>, nothing when none runs. A claim whose turn was saved (it has its
/// reply) or released is left alone.
/// </summary>
public sealed class ChatTurnLeaseRenewal(ChatTurnLeases leases, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ChatTurnLeaseRenewal> logger)
    : PeriodicDatabaseJob(leases.RenewEvery, scopes, clock, logger)
{
    protected override string Description => "renew the running chat turns' Idempotency-Keys";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var held = leases.Held();
        if (held.Count == 0)
        {
            return;
        }
        var db = services.GetRequiredService<TaskChatDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var (userId, key) in held)
        {
            // Plain SQL, as the claim's insert (ChatTurnKeys): no query pipeline compiled for one update.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE idempotent_chat_turns SET claimed_at = {now} WHERE user_id = {userId} AND key = {key} AND reply IS NULL
                """, cancellationToken);
        }
        Logger.LogDebug("Renewed the claims of {Count} running chat turns", held.Count);
    }
}
