using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Sessions;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Sessions on the web's clock (a FakeTimeProvider): the idle and absolute ends, last-seen written at
/// most once a minute, expired rows pruned, and replicas on one database agreeing at once.
/// </summary>
public abstract class SessionLifetimeTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task ASessionUnusedForTheIdleTimeEnds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        using var browser = WebServers.Browser(web);
        await WebServers.SignUpAsync(browser);

        clock.Advance(TimeSpan.FromDays(SessionLifetime.DefaultIdleDays) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        clock.Advance(TimeSpan.FromDays(SessionLifetime.DefaultIdleDays) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/auth/token")).StatusCode);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.UserSessions.CountAsync()); // The dead session was deleted when it was refused.
    }

    [SkippableFact]
    public async Task ASessionInDailyUseStillEndsAtItsAbsoluteEnd()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        using var browser = WebServers.Browser(web);
        await WebServers.SignUpAsync(browser);

        for (var day = 1; day < SessionLifetime.DefaultMaxDays; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        }
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task LastSeenIsWrittenAtMostOnceAMinute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        using var browser = WebServers.Browser(web);
        await WebServers.SignUpAsync(browser);
        var signedIn = await LastSeenAsync(database);

        clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        }
        Assert.Equal(signedIn, await LastSeenAsync(database));

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        var seen = await LastSeenAsync(database);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, seen, TimeSpan.FromMilliseconds(1));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(seen, await LastSeenAsync(database));
    }

    [SkippableFact]
    public async Task PruningDeletesIdleAndExpiredSessionsAndKeepsLiveOnes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        using var idle = WebServers.Browser(web);
        await WebServers.SignUpAsync(idle);
        clock.Advance(TimeSpan.FromDays(SessionLifetime.DefaultIdleDays) - TimeSpan.FromHours(1));
        using var live = WebServers.Browser(web);
        await WebServers.SignUpAsync(live);
        clock.Advance(TimeSpan.FromHours(2));

        // (The hourly pruning may have got there first on the advancing clock: the rows left are what count.)
        await web.Services.GetRequiredService<SessionRecords>().PruneAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.UserSessions.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await live.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task TheHourlyPruningRunsOnTheClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        using var browser = WebServers.Browser(web);
        await WebServers.SignUpAsync(browser);

        clock.Advance(TimeSpan.FromDays(SessionLifetime.DefaultIdleDays) + SessionPruning.Interval);

        // The timer fires on the fake clock; the delete runs on its own.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return !await db.UserSessions.AnyAsync();
        }, "the pruning did not delete the session idle past its days");
    }

    [SkippableFact]
    public async Task AfterAPasswordChangeThisSessionPassesIdentitysSecurityStampCheck()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        using var browser = WebServers.Browser(web);
        await WebServers.SignUpAsync(browser);
        using var changed = await browser.PostAsJsonAsync("api/auth/change-password", new { current_password = WebServers.Password, new_password = "a new password 7" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // Identity compares the session's security stamp with the user's every 30 minutes; the change
        // renewed the stamp, so this session must carry the new one or be signed out here.
        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
    }

    [SkippableFact]
    public async Task ASessionRevokedOnOneReplicaIsRefusedByTheOtherAtOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = await WebServers.StartOnClockAsync(database, clock);
        await using var two = await WebServers.StartOnClockAsync(database, clock);
        using var onOne = WebServers.Browser(one);
        await WebServers.SignUpAsync(onOne);
        var cookie = WebServers.SessionCookie(onOne, one);
        Assert.Equal(HttpStatusCode.OK, (await WebServers.ReplayAsync(two, cookie, "api/auth/token")).StatusCode);

        using var signOut = await onOne.PostAsJsonAsync("api/auth/sign-out", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, (await WebServers.ReplayAsync(two, cookie, "api/auth/token")).StatusCode);
    }

    private static async Task<DateTime> LastSeenAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.UserSessions.SingleAsync()).LastSeenAt;
    }
}

public sealed class SqliteSessionLifetimeTests() : SessionLifetimeTests(DatabaseProvider.Sqlite);

public sealed class PostgresSessionLifetimeTests() : SessionLifetimeTests(DatabaseProvider.Postgres);
