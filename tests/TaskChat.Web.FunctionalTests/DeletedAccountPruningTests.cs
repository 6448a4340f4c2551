using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Data.Accounts;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Sessions;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// deleted_accounts on the web's clock (a FakeTimeProvider): an id is kept while a token minted before the deletion may
/// still be accepted (<see cref="DeletedAccounts.Kept"/>), then the hourly pruning drops it (before: the rows were never
/// pruned).
/// </summary>
public abstract class DeletedAccountPruningTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task TheHourlyPruningDropsAnIdWhoseTokensHaveAllExpiredAndKeepsARecentOne()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        var early = await SignUpAndDeleteAsync(web);
        // Just before the first hourly run: this deletion's tokens are still alive when it comes.
        clock.Advance(SessionPruning.Interval - TimeSpan.FromMinutes(1));
        var recent = await SignUpAndDeleteAsync(web);
        Assert.Equal(new[] { early, recent }.Order(), (await ListedAsync(database)).Order());

        clock.Advance(TimeSpan.FromMinutes(1));

        // The timer fires on the fake clock; the delete runs on its own, both ids in one statement.
        await Eventually.TrueAsync(async () => !(await ListedAsync(database)).Contains(early), "the pruning did not drop the id deleted an hour ago");
        Assert.Equal([recent], await ListedAsync(database));
    }

    [SkippableFact]
    public async Task AnIdIsKeptUntilTheLongestTokenMintedBeforeTheDeletionIsRefusedEverywhere()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await WebServers.StartOnClockAsync(database, clock);
        await SignUpAndDeleteAsync(web);
        var deletedAt = clock.GetUtcNow().UtcDateTime;
        // The lifetime every validator enforces (15 minutes) and its skew on either side of it.
        Assert.Equal(TimeSpan.FromMinutes(16), DeletedAccounts.Kept);

        await using var db = database.CreateDbContext();
        Assert.Equal(new DeletedAccountsPruned(0, 0), await DeletedAccounts.PruneAsync(db, deletedAt + DeletedAccounts.Kept - TimeSpan.FromSeconds(1)));
        Assert.Single(await ListedAsync(database));
        Assert.Equal(new DeletedAccountsPruned(1, 0), await DeletedAccounts.PruneAsync(db, deletedAt + DeletedAccounts.Kept + TimeSpan.FromSeconds(1)));
        Assert.Empty(await ListedAsync(database));
    }

    private static async Task<string> SignUpAndDeleteAsync(RunningService web)
    {
        using var browser = WebServers.Browser(web);
        var (_, userId) = await WebServers.SignUpAsync(browser);
        using var deleted = await browser.PostAsJsonAsync("api/auth/delete-account", new { password = WebServers.Password });
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        return userId;
    }

    private static async Task<List<string>> ListedAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.DeletedAccounts.Select(d => d.UserId).ToListAsync();
    }
}

public sealed class SqliteDeletedAccountPruningTests() : DeletedAccountPruningTests(DatabaseProvider.Sqlite);

public sealed class PostgresDeletedAccountPruningTests() : DeletedAccountPruningTests(DatabaseProvider.Postgres);
