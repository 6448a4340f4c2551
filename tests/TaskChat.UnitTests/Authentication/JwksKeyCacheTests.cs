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
    public async Task Keys_are_fetched_on_first_use_not_before()
    {
        Assert.Equal(0, _issuer.RequestCount);
        Assert.Empty(_cache.Keys);

        await EnsureAsync(CurrentKid);

        Assert.Equal(1, _issuer.RequestCount);
        Assert.Equal(CurrentKid, Assert.Single(_cache.KeysFor(CurrentKid)).KeyId);
    }

    [Fact]
    public async Task Fetched_keys_verify_the_issuers_tokens()
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
    public async Task Known_key_is_served_from_the_cache_until_the_refresh_interval()
    {
        await EnsureAsync(CurrentKid);

        _clock.Advance(JwksKeyCache.RefreshInterval - TimeSpan.FromSeconds(1));
        await EnsureAsync(CurrentKid);
        await EnsureAsync(null);

        Assert.Equal(1, _issuer.RequestCount);
    }

    [Fact]
    public async Task Keys_are_refetched_once_the_refresh_interval_has_passed()
    {
        await EnsureAsync(CurrentKid);

        _clock.Advance(JwksKeyCache.RefreshInterval);
        await EnsureAsync(CurrentKid);
        await EnsureAsync(CurrentKid);

        Assert.Equal(2, _issuer.RequestCount);
    }

    [Fact]
    public async Task Rotated_key_is_found_by_refetching_on_its_unknown_kid()
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
    public async Task Flood_of_unknown_kids_fetches_at_most_once_per_minimum_interval()
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
    public async Task Key_rotated_right_after_a_fetch_is_found_once_the_minimum_interval_is_over()
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
    public async Task Unknown_kids_that_queue_behind_a_waiting_fetch_share_it()
    {
        await EnsureAsync(CurrentKid);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        var flood = Task.WhenAll(Enumerable.Range(0, 50).Select(i => EnsureAsync($"forged-{i}")));
        await AdvanceUntilAsync(flood);

        Assert.Equal(2, _issuer.RequestCount);
    }

    [Fact]
    public async Task A_refresh_that_is_not_due_yet_never_delays_a_request()
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
    public async Task Keys_are_kept_while_the_issuer_is_down(OutageKind outage)
    {
        await EnsureAsync(CurrentKid);

        _outage.Kind = outage;
        _clock.Advance(JwksKeyCache.RefreshInterval);
        await EnsureAsync(CurrentKid);

        Assert.Equal(2, _outage.Attempts);
        Assert.Equal(CurrentKid, Assert.Single(_cache.KeysFor(CurrentKid)).KeyId);
    }

    [Fact]
    public async Task Issuer_that_is_down_is_retried_at_most_once_per_minimum_interval_and_recovers()
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
    public async Task Unknown_kid_matches_no_key_and_missing_kid_matches_them_all()
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
