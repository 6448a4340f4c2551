using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.TestSupport;

namespace TaskChat.UnitTests.Authentication;

public sealed class JwksKeyCacheTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly IssuerOutage _outage = new();
    private readonly HttpClient _http;
    private TestJwks _issuer = null!;
    private JwksKeyCache _cache = null!;

    public JwksKeyCacheTests() => _http = new HttpClient(_outage);

    private string CurrentKid => _issuer.CurrentKey.KeyId;

    private Task EnsureAsync(string? keyId) => _cache.EnsureKeyAsync(keyId, CancellationToken.None);

    public async Task InitializeAsync()
    {
        _issuer = await TestJwks.StartAsync();
        _cache = new JwksKeyCache(_http, _issuer.JwksUrl, _clock, NullLogger<JwksKeyCache>.Instance);
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    public void Dispose()
    {
        _cache.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task KeysAreFetchedOnFirstUseNotBefore()
    {
        Assert.Equal(0, _issuer.RequestCount);
        Assert.Empty(_cache.Keys);

        await EnsureAsync(CurrentKid);

        Assert.Equal(1, _issuer.RequestCount);
        Assert.Equal(CurrentKid, Assert.Single(_cache.KeysFor(CurrentKid)).KeyId);
    }

    [Fact]
    public async Task FetchedKeysVerifyTheIssuersTokens()
    {
        var token = _issuer.CreateToken("user-1");
        var keyId = new JsonWebToken(token).Kid;

        await EnsureAsync(keyId);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TestJwks.Issuer,
            ValidAudience = TestJwks.Audience,
            IssuerSigningKeys = _cache.KeysFor(keyId),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("user-1", result.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task KnownKeyIsServedFromTheCacheUntilTheRefreshInterval()
    {
        await EnsureAsync(CurrentKid);

        _clock.Advance(JwksKeyCache.RefreshInterval - TimeSpan.FromSeconds(1));
        await EnsureAsync(CurrentKid);
        await EnsureAsync(null);

        Assert.Equal(1, _issuer.RequestCount);
    }

    [Fact]
    public async Task KeysAreRefetchedOnceTheRefreshIntervalHasPassed()
    {
        await EnsureAsync(CurrentKid);

        _clock.Advance(JwksKeyCache.RefreshInterval);
        await EnsureAsync(CurrentKid);
        await EnsureAsync(CurrentKid);

        Assert.Equal(2, _issuer.RequestCount);
    }

    [Fact]
    public async Task RotatedKeyIsFoundByRefetchingOnItsUnknownKid()
    {
        await EnsureAsync(CurrentKid);
        var oldKid = CurrentKid;

        _issuer.Rotate(ecdsa: false);
        _clock.Advance(JwksKeyCache.MinimumRefetchInterval);
        await EnsureAsync(CurrentKid);

        Assert.Equal(2, _issuer.RequestCount);
        Assert.IsType<RsaSecurityKey>(Assert.Single(_cache.KeysFor(CurrentKid)));
        Assert.Single(_cache.KeysFor(oldKid));
        Assert.Equal(2, _cache.KeysFor(null).Count());
    }

    [Fact]
    public async Task FloodOfUnknownKidsFetchesAtMostOncePerMinimumInterval()
    {
        await EnsureAsync(CurrentKid);

        for (var second = 1; second <= 3; second++)
        {
            _clock.Advance(JwksKeyCache.MinimumRefetchInterval);
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => EnsureAsync($"forged-{second}-{i}")));
            await EnsureAsync("forged-again");

            Assert.Equal(1 + second, _issuer.RequestCount);
        }
        Assert.Empty(_cache.KeysFor("forged-again"));
    }

    [Fact]
    public async Task KeyRotatedRightAfterAFetchIsFoundOnceTheMinimumIntervalIsOver()
    {
        await EnsureAsync(CurrentKid);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _issuer.Rotate();

        var lookup = EnsureAsync(CurrentKid);
        Assert.False(lookup.IsCompleted);
        await AdvanceUntilAsync(lookup);

        Assert.Equal(2, _issuer.RequestCount);
        Assert.Single(_cache.KeysFor(CurrentKid));
    }

    [Fact]
    public async Task UnknownKidsThatQueueBehindAWaitingFetchShareIt()
    {
        await EnsureAsync(CurrentKid);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        var flood = Task.WhenAll(Enumerable.Range(0, 50).Select(i => EnsureAsync($"forged-{i}")));
        await AdvanceUntilAsync(flood);

        Assert.Equal(2, _issuer.RequestCount);
    }

    /// <summary>
    /// A page's request starts the first fetch, the issuer (a busy web) is slow to answer, and the page goes (a navigation
    /// cancels its request, and so its fetch): a request queued behind it from the same moment fetches the keys itself.
    /// Before, it went on with none, the token was refused 401, and the web sent its signed-in user to the sign-in page.
    /// </summary>
    [Fact]
    public async Task ARequestQueuedBehindAFetchWhoseCallerLeftFetchesTheKeysItself()
    {
        _outage.Hold = new TaskCompletionSource();
        using var leaving = new CancellationTokenSource();
        var abandoned = _cache.EnsureKeyAsync(CurrentKid, leaving.Token);
        var queued = EnsureAsync(CurrentKid);
        Assert.False(queued.IsCompleted);

        _outage.Hold = null;
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await AdvanceUntilAsync(queued);

        Assert.Equal(CurrentKid, Assert.Single(_cache.KeysFor(CurrentKid)).KeyId);
        Assert.Equal(2, _outage.Attempts);
    }

    [Fact]
    public async Task ARefreshThatIsNotDueYetNeverDelaysARequest()
    {
        _outage.Kind = OutageKind.Unreachable;
        await EnsureAsync(CurrentKid);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        var lookup = EnsureAsync(null);

        Assert.True(lookup.IsCompletedSuccessfully);
        Assert.Equal(1, _outage.Attempts);
    }

    [Theory]
    [InlineData(OutageKind.Unreachable)]
    [InlineData(OutageKind.ServerError)]
    [InlineData(OutageKind.NotJson)]
    [InlineData(OutageKind.NotAKeySet)]
    public async Task KeysAreKeptWhileTheIssuerIsDown(OutageKind outage)
    {
        await EnsureAsync(CurrentKid);

        _outage.Kind = outage;
        _clock.Advance(JwksKeyCache.RefreshInterval);
        await EnsureAsync(CurrentKid);

        Assert.Equal(2, _outage.Attempts);
        Assert.Equal(CurrentKid, Assert.Single(_cache.KeysFor(CurrentKid)).KeyId);
    }

    /// <summary>
    /// A token the keys cannot check because the issuer did not answer is told apart from an invalid one (the services
    /// answer 503, not 401): with no keys, or not its key, after a failed fetch; never while the keys are fresh or known.
    /// </summary>
    [Fact]
    public async Task ATokenIsUncheckableOnlyWhileTheIssuerIsDownAndItsKeyUnknown()
    {
        Assert.False(_cache.CannotCheck(CurrentKid)); // Nothing tried yet.

        _outage.Kind = OutageKind.Unreachable;
        await EnsureAsync(CurrentKid);
        Assert.True(_cache.CannotCheck(CurrentKid));
        Assert.True(_cache.CannotCheck(null));

        _outage.Kind = null;
        _clock.Advance(JwksKeyCache.MinimumRefetchInterval);
        await EnsureAsync(CurrentKid);
        Assert.False(_cache.CannotCheck(CurrentKid));

        // Down again at the refresh: the known key still checks its tokens; a key it never saw cannot be checked.
        _outage.Kind = OutageKind.ServerError;
        _clock.Advance(JwksKeyCache.RefreshInterval);
        await EnsureAsync(CurrentKid);
        Assert.False(_cache.CannotCheck(CurrentKid));
        Assert.True(_cache.CannotCheck("a-key-it-never-saw"));
    }

    [Fact]
    public async Task IssuerThatIsDownIsRetriedAtMostOncePerMinimumIntervalAndRecovers()
    {
        _outage.Kind = OutageKind.Unreachable;
        for (var i = 0; i < 10; i++)
        {
            await EnsureAsync(CurrentKid);
        }
        Assert.Equal(1, _outage.Attempts);
        Assert.Empty(_cache.Keys);

        _outage.Kind = null;
        _clock.Advance(JwksKeyCache.MinimumRefetchInterval);
        await EnsureAsync(CurrentKid);

        Assert.Equal(2, _outage.Attempts);
        Assert.Single(_cache.KeysFor(CurrentKid));
    }

    [Fact]
    public async Task UnknownKidMatchesNoKeyAndMissingKidMatchesThemAll()
    {
        _issuer.Rotate();
        await EnsureAsync(null);

        Assert.Empty(_cache.KeysFor("not-published"));
        Assert.Equal(2, _cache.KeysFor(null).Count());
        Assert.Equal(2, _cache.KeysFor("").Count());
    }

    /// <summary>Moves the fake clock on until <paramref name="task"/> has finished waiting on it.</summary>
    private async Task AdvanceUntilAsync(Task task)
    {
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(task, Task.Delay(50));
        }
        await task;
    }
}
