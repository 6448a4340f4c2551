using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Api;

namespace TaskChat.Web.FunctionalTests;

/// <summary>The pages' api token per user: minted once, reused, replaced a minute before it expires.</summary>
public sealed class ApiTokensTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestDatabase _database = null!;
    private RunningSystem _system = null!;
    private RunningService _web = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _system = await new SystemBuilder(_database.Url).WithWeb(testServices: services => services.AddSingleton<TimeProvider>(_clock)).StartAsync();
        _web = _system.Web;
    }

    [Fact]
    public async Task TwoCallsWithinTheLifetimeShareOneToken()
    {
        var (tokens, user) = await SignedInUserAsync();

        var first = await tokens.GetAsync(user, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(13));
        var second = await tokens.GetAsync(user, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task AMinuteBeforeExpiryANewTokenIsMinted()
    {
        var (tokens, user) = await SignedInUserAsync();

        var first = await tokens.GetAsync(user, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(14));
        var second = await tokens.GetAsync(user, CancellationToken.None);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task NoTokenForSomeoneNotSignedInOrUnknown()
    {
        var tokens = _web.Services.GetRequiredService<ApiTokens>();

        Assert.Null(await tokens.GetAsync(new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None));
        Assert.Null(await tokens.GetAsync(Principal(Guid.NewGuid().ToString()), CancellationToken.None));
    }

    [Fact]
    public async Task NoNewTokenForASessionThatHasEnded()
    {
        using var browser = WebServers.Browser(_web);
        var (_, userId) = await WebServers.SignUpAsync(browser);
        var user = await WebServers.CircuitUserAsync(_web, userId);
        var tokens = _web.Services.GetRequiredService<ApiTokens>();
        using var signOut = await browser.PostAsJsonAsync("api/auth/sign-out", new { });
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);

        Assert.Null(await tokens.GetAsync(user, CancellationToken.None));
    }

    private async Task<(ApiTokens Tokens, ClaimsPrincipal User)> SignedInUserAsync()
    {
        using var browser = WebServers.Browser(_web);
        var (_, userId) = await WebServers.SignUpAsync(browser);
        return (_web.Services.GetRequiredService<ApiTokens>(), await WebServers.CircuitUserAsync(_web, userId));
    }

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }
}
