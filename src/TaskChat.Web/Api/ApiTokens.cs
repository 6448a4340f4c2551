using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TaskChat.Data.Model;
using TaskChat.Web.Sessions;
using TaskChat.Web.Tokens;

namespace TaskChat.Web.Api;

/// <summary>
/// The api's bearer token per signed-in user, minted in-process by the issuer and kept until a
/// minute before it expires: a page makes many calls and each would otherwise sign a new JWT.
/// Tokens stay on the server (backend-for-frontend).
/// </summary>
internal sealed class ApiTokens(TokenIssuer issuer, KeySchedule schedule, SessionRecords sessions, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long before expiry a token is replaced, so that it never expires in flight.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Minted> _tokens = new();

    /// <summary>The token for <paramref name="user"/>, or null when the user is not signed in or no longer exists.</summary>
    public async Task<string?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (_tokens.TryGetValue(userId, out var cached) && now < cached.Expires - RenewBefore)
        {
            return cached.Token;
        }

        // As /api/auth/token: no new token for a session that has ended (the page's circuit learns it
        // at its next revalidation; meanwhile it gets no fresh token).
        if (!await sessions.IsActiveAsync(user, cancellationToken))
        {
            return null;
        }
        // The token carries the stored name and email, so read them fresh whenever one is minted.
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UserManager<TaskChatUser>>().FindByIdAsync(userId);
        if (stored is null)
        {
            _tokens.TryRemove(userId, out _);
            return null;
        }
        var minted = new Minted(await issuer.IssueAsync(stored, cancellationToken), now + schedule.TokenLifetime, stored.TimeZone);
        _tokens[userId] = minted;
        ForgetExpired(now);
        return minted.Token;
    }

    /// <summary>
    /// Drops the cached token when it carries another time zone than <paramref name="timeZone"/> (the
    /// stored one): the next call mints a token with the new zoneinfo. The account page calls it on this
    /// replica when the zone changes; the tasks page on every load, so that another replica's change is
    /// seen on the next call too, not up to a token's lifetime later.
    /// </summary>
    public void ForgetIfZoneChanged(string userId, string timeZone)
    {
        if (_tokens.TryGetValue(userId, out var cached) && cached.TimeZone != timeZone)
        {
            _tokens.TryRemove(new KeyValuePair<string, Minted>(userId, cached));
        }
    }

    // Users who left do not keep their entry forever: a mint is rare (once per user per 14 minutes),
    // so it can afford a sweep.
    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (userId, minted) in _tokens)
        {
            if (minted.Expires <= now)
            {
                _tokens.TryRemove(new KeyValuePair<string, Minted>(userId, minted));
            }
        }
    }

    private sealed record Minted(string Token, DateTimeOffset Expires, string TimeZone);
}
