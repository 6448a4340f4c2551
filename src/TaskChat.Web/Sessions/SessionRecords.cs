using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data;
using TaskChat.Data.Model;

namespace TaskChat.Web.Sessions;

/// <summary>A session as its owner sees it on the account page and in list-sessions.</summary>
public sealed record SessionSummary(string Id, string? UserAgent, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt);

/// <summary>
/// The user_sessions rows: the one place that creates, finds, renews and ends sessions, shared by the
/// cookie's ticket store, the circuits' revalidation, the endpoints and the account page. Every web
/// replica reads the same rows, so a session ended on one is ended on all, at once. Each call uses a
/// context of its own: the ticket store runs inside other code's requests.
/// </summary>
public sealed class SessionRecords(IServiceScopeFactory scopes, WebSettings settings, TimeProvider clock)
{
    /// <summary>The claim that carries the session's id in the signed-in principal (OpenID Connect's name for it).</summary>
    public const string SessionIdClaim = "sid";

    private SessionLifetime Lifetime => settings.Sessions;

    /// <summary>The session <paramref name="user"/> is signed in with, or null (signed out, or not a cookie session).</summary>
    public static string? SessionIdOf(ClaimsPrincipal user) => user.FindFirstValue(SessionIdClaim);

    /// <summary>A new random key: 256 bits, URL-safe (43 characters).</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public async Task CreateAsync(string id, string userId, byte[] ticket, string? userAgent, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = id,
            UserId = userId,
            Ticket = ticket,
            UserAgent = Truncate(userAgent),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + Lifetime.Absolute,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The session if it is still alive (not ended, not past its absolute end, not idle too long), and
    /// marks it seen now when it was last seen over a minute ago. A dead one is deleted on the way.
    /// </summary>
    public async Task<UserSession?> FindActiveAsync(string? id, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(id))
        {
            return null;
        }
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return null;
        }
        if (!IsAlive(session, now))
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        var seenBefore = now - SessionLifetime.LastSeenResolution;
        if (session.LastSeenAt <= seenBefore)
        {
            // The condition makes concurrent requests of one session write once between them.
            await db.UserSessions.Where(s => s.Id == id && s.LastSeenAt <= seenBefore)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now), cancellationToken);
            session.LastSeenAt = now;
        }
        return session;
    }

    /// <summary>Whether <paramref name="user"/>'s session is alive and still theirs (circuits ask this every few minutes).</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await FindActiveAsync(SessionIdOf(user), cancellationToken) is { } session && session.UserId == userId;
    }

    /// <summary>Replaces a live session's ticket (sliding renewal, a refreshed sign-in); never brings an ended one back.</summary>
    public async Task RenewAsync(string id, string userId, byte[] ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        await db.UserSessions.Where(s => s.Id == id && s.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, ticket), cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The user's live sessions, most recently used first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var now = Now();
        var idleSince = now - Lifetime.Idle;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .Select(s => new SessionSummary(s.Id, s.UserAgent, s.CreatedAt, s.LastSeenAt, s.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one of the user's sessions; false when the user has no such session (another's is not theirs to end).</summary>
    public async Task<bool> RevokeAsync(string userId, string id, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(id))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        return await db.UserSessions.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Ends every session of the user, but <paramref name="keep"/> when given; returns how many ended.</summary>
    public async Task<int> RevokeAllAsync(string userId, string? keep, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var sessions = db.UserSessions.Where(s => s.UserId == userId);
        if (keep is not null)
        {
            sessions = sessions.Where(s => s.Id != keep);
        }
        return await sessions.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes every session past its absolute end or idle too long; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var idleSince = now - Lifetime.Idle;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        return await db.UserSessions.Where(s => s.ExpiresAt <= now || s.LastSeenAt <= idleSince).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Only what <see cref="NewId"/> makes (URL-safe base64) can name a session; anything else (a NUL,
    /// which PostgreSQL refuses in text, a megabyte) is no session without asking the database.
    /// </summary>
    private static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: > 0 and <= FieldLimits.SessionId } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private bool IsAlive(UserSession session, DateTime now) => session.ExpiresAt > now && session.LastSeenAt + Lifetime.Idle > now;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string? Truncate(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? null
        : new string([.. userAgent.Take(FieldLimits.UserAgent).Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
}
