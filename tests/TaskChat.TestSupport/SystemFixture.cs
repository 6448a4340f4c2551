using TaskChat.Data.Connection;
using Xunit;

namespace TaskChat.TestSupport;

/// <summary>
/// What every functional test class shares: a database of its own (SQLite, or PostgreSQL when
/// TASKCHAT_TEST_POSTGRES names a server: skipped without one, failed without one under CI=true), a
/// stand-in issuer unless the web issues the tokens, and the services <see cref="Describe"/> names.
/// Everything it started is stopped at the end, last started first.
/// </summary>
public abstract class SystemFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly Stack<IAsyncDisposable> _parts = new();
    private string? _skipReason;
    private TestJwks? _jwks;
    private TestDatabase? _database;
    private RunningSystem? _running;

    public DatabaseProvider Provider => provider;

    /// <summary>The stand-in issuer that signs the tests' tokens (none when the web is the issuer).</summary>
    public TestJwks Jwks => Available(_jwks) ?? throw new InvalidOperationException("The web issues this system's tokens.");

    public TestDatabase Database => Available(_database)!;

    /// <summary>The services <see cref="Describe"/> named, started.</summary>
    public RunningSystem Running => Available(_running)!;

    /// <summary>Whether a <see cref="TestJwks"/> signs the tokens; false when the web runs and issues them.</summary>
    protected virtual bool UsesStandInIssuer => true;

    public virtual async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.Server() is null)
        {
            // Skipped, not failed, on a machine without PostgreSQL; under CI=true Server() throws instead.
            _skipReason = $"PostgreSQL tests need a server: set {PostgresTestDatabase.ServerVariable} (bash .ci/run does).";
            return;
        }
        if (UsesStandInIssuer)
        {
            _jwks = Own(await TestJwks.StartAsync());
        }
        _database = Own(await TestDatabase.CreateAsync(provider));
        _running = await StartAsync(Describe);
    }

    /// <summary>
    /// Services over this fixture's database and issuer (a second replica, one with other settings);
    /// stopped with the fixture, or before by the test.
    /// </summary>
    public async Task<RunningSystem> StartAsync(Func<SystemBuilder, SystemBuilder> describe)
    {
        var builder = new SystemBuilder(Database.Url);
        if (_jwks is not null)
        {
            builder.SignedBy(_jwks);
        }
        return Own(await describe(builder).StartAsync());
    }

    public virtual async Task DisposeAsync()
    {
        while (TryPop(out var part))
        {
            await part.DisposeAsync();
        }
    }

    /// <summary>Which services the test class runs, and how.</summary>
    protected abstract SystemBuilder Describe(SystemBuilder system);

    /// <summary>A part of the fixture; skips the test when PostgreSQL is wanted but not there.</summary>
    protected T? Available<T>(T? part) where T : class
    {
        Skip.If(_skipReason is not null, _skipReason);
        return part;
    }

    private T Own<T>(T part) where T : IAsyncDisposable
    {
        lock (_parts)
        {
            _parts.Push(part);
        }
        return part;
    }

    private bool TryPop(out IAsyncDisposable part)
    {
        lock (_parts)
        {
            return _parts.TryPop(out part!);
        }
    }
}
