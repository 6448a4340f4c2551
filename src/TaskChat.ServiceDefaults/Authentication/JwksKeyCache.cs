using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace TaskChat.ServiceDefaults.Authentication;

/// <summary>
/// The issuer's signing keys, fetched from AUTH_JWKS_URL on first use (so services start in any
/// order), cached, refreshed every <see cref="RefreshInterval"/>, and refetched when a token names a
/// key id we have not seen: the issuer's first token after a rotation is accepted (at worst it waits
/// out the rest of a <see cref="MinimumRefetchInterval"/>). Refetches are at most one per
/// <see cref="MinimumRefetchInterval"/>, so tokens with made-up key ids cannot turn this service
/// into a load generator against the issuer.
/// </summary>
public sealed class JwksKeyCache(HttpClient httpClient, Uri jwksUrl, TimeProvider clock, ILogger<JwksKeyCache> logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MinimumRefetchInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private volatile KeySet _keys = KeySet.Empty;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    // When the last fetch ended, with keys or failing; not one its caller left, whose answer nobody got.
    private DateTimeOffset _lastFinished = DateTimeOffset.MinValue;
    private volatile bool _lastFetchFailed;

    /// <summary>The keys known now; what the token handler's key resolver reads.</summary>
    public IReadOnlyList<SecurityKey> Keys => _keys.Keys;

    /// <summary>Makes sure the keys are fresh and, if possible, include <paramref name="keyId"/>.</summary>
    public async Task EnsureKeyAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (!NeedsFetch(keyId))
        {
            return;
        }
        var arrivedAt = clock.GetUtcNow();
        await _fetchLock.WaitAsync(cancellationToken);
        try
        {
            if (!NeedsFetch(keyId))
            {
                return; // Another request fetched while we waited, and found what we need.
            }
            var wait = _lastAttempt + MinimumRefetchInterval - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                await FetchAsync(cancellationToken);
            }
            else if (IsUnknown(keyId) && _lastFinished < arrivedAt)
            {
                // A token signed with a key published since our last fetch: wait out the rest of
                // the interval and fetch, rather than reject the issuer's first token after a
                // rotation. Requests that queued behind this one share its fetch (it ended after
                // they arrived), so a flood of made-up key ids still costs one fetch a second. A
                // fetch whose caller left ended nothing: those queued behind it fetch themselves
                // (before, they went on with no keys, and a signed-in user's first request after a
                // start, queued behind a page's request that a navigation cancelled, was a 401 and
                // the web sent them to the sign-in page).
                await Task.Delay(wait, clock, cancellationToken);
                await FetchAsync(cancellationToken);
            }
            // Otherwise keep the cached keys: a refresh that is not due yet, or an issuer that was
            // just tried, must not slow every request down.
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    /// <summary>
    /// A token with <paramref name="keyId"/> cannot be checked now: the issuer's keys could not be fetched, and none is
    /// known (or not this one). Such a token is neither valid nor invalid, so the service answers 503, not 401: a 401
    /// told the web that the session had ended, and it sent a signed-in user to the sign-in page (seen when the web, the
    /// issuer, was too loaded to answer the JWKS fetch within its 5 s).
    /// </summary>
    public bool CannotCheck(string? keyId) => _lastFetchFailed && (_keys.Keys.Count == 0 || IsUnknown(keyId));

    /// <summary>The keys a token with <paramref name="keyId"/> may be signed with.</summary>
    public IEnumerable<SecurityKey> KeysFor(string? keyId)
    {
        var keys = _keys.Keys;
        return string.IsNullOrEmpty(keyId) ? keys : keys.Where(k => k.KeyId == keyId);
    }

    private bool NeedsFetch(string? keyId)
    {
        var keys = _keys;
        return keys.Keys.Count == 0
            || clock.GetUtcNow() - keys.FetchedAt >= RefreshInterval
            || IsUnknown(keyId);
    }

    private bool IsUnknown(string? keyId) => !string.IsNullOrEmpty(keyId) && !_keys.KeyIds.Contains(keyId);

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        _lastAttempt = clock.GetUtcNow();
        try
        {
            using var response = await httpClient.GetAsync(jwksUrl, cancellationToken);
            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            var keys = new JsonWebKeySet(json).GetSigningKeys()
                .Where(k => k is RsaSecurityKey or ECDsaSecurityKey or JsonWebKey { Kty: "RSA" or "EC" })
                .ToList();
            _keys = new KeySet(keys, [.. keys.Select(k => k.KeyId).Where(id => id is not null)], clock.GetUtcNow());
            _lastFetchFailed = false;
            _lastFinished = clock.GetUtcNow();
            logger.LogInformation("Loaded {Count} signing key(s) from the JWKS", keys.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request that fetched went away (its caller left; the fetch runs on its token): not the issuer's failure,
            // which the warning below would say. It still counts against the once-a-second limit, or callers that send a
            // made-up key id and leave at once could make the service fetch as often as they like.
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException or System.Text.Json.JsonException)
        {
            // Keep serving with the keys we had: a brief issuer outage must not log everyone out.
            _lastFetchFailed = true;
            _lastFinished = clock.GetUtcNow();
            logger.LogWarning("Could not fetch the JWKS from {JwksUrl}: {Reason}", jwksUrl, e.GetType().Name + ": " + e.Message);
        }
    }

    public void Dispose() => _fetchLock.Dispose();

    private sealed record KeySet(IReadOnlyList<SecurityKey> Keys, HashSet<string> KeyIds, DateTimeOffset FetchedAt)
    {
        public static readonly KeySet Empty = new([], [], DateTimeOffset.MinValue);
    }
}
