using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Data.Connection;
using TaskChat.Data.Events;
using TaskChat.Data.Tasks;
using TaskChat.TestSupport;
using TaskChat.Web.Live;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// What open pages hear, through a real web on a fake clock: a task written by another service (as the
/// api and the mcp write them) and a reminder going off reach every open page of that user and nobody
/// else's; on PostgreSQL through LISTEN/NOTIFY, on SQLite through the version poll.
/// </summary>
public abstract class LiveUpdateTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task ATaskWrittenByAnotherServiceReachesTheUsersOpenPage()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await StartWebAsync(database, clock);
        var page = new OpenPage(web, "ada");
        var otherUsersPage = new OpenPage(web, "grace");
        await ReadyAsync(web);

        await AddTaskAsync(database, clock, "ada", "Buy milk", reminders: null);
        await PollAsync(web);

        await page.HearsAsync(UserEventKind.TasksChanged);
        Assert.DoesNotContain(otherUsersPage.Heard, e => e.Kind == UserEventKind.TasksChanged);
    }

    [SkippableFact]
    public async Task ADueReminderReachesEveryOpenPageOfItsUserWithItsTitle()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = await StartWebAsync(database, clock);
        OpenPage[] tabs = [new(web, "ada"), new(web, "ada")];
        var otherUsersPage = new OpenPage(web, "grace");
        await ReadyAsync(web);
        await AddTaskAsync(database, clock, "ada", "Call mom", reminders: [Iso(clock.GetUtcNow().AddSeconds(10))]);

        clock.Advance(TimeSpan.FromSeconds(10)); // The worker's timer ticks on the fake clock.

        foreach (var tab in tabs)
        {
            var reminder = await tab.HearsAsync(UserEventKind.Reminder);
            Assert.Equal("Call mom", Assert.Single(reminder.Reminders).Title);
        }
        Assert.DoesNotContain(otherUsersPage.Heard, e => e.Kind == UserEventKind.Reminder);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync());
    }

    [SkippableFact]
    public async Task AtStartUpTheWebDeliversWhatFellDueWhileItWasDownButNotWhatWasSetAlreadyPassed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddTaskAsync(database, clock, "ada", "Call mom", reminders: [Iso(clock.GetUtcNow().AddMinutes(10))]);
        clock.Advance(TimeSpan.FromHours(1)); // The web is down: "Call mom" falls due undelivered.
        await AddTaskAsync(database, clock, "ada", "Pay rent", reminders: [Iso(clock.GetUtcNow().AddMinutes(-30))]);

        await using var web = await StartWebAsync(database, clock);

        // The worker's first round, at start: both would be in its one batch, so once one is there the other never comes.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Notifications.AnyAsync();
        }, "the reminder that fell due while the web was down was not delivered at start-up", Patience);
        await using var db = database.CreateDbContext();
        Assert.Equal(["Call mom"], await db.Notifications.Select(n => n.Title).ToListAsync());
    }

    protected static async Task<RunningService> StartWebAsync(TestDatabase database, FakeTimeProvider clock) =>
        (await new SystemBuilder(database.Url)
            .WithWeb(testServices: services => services.AddSingleton<TimeProvider>(clock))
            .Wired(wiring => wiring with { Issuer = WebServers.Issuer })
            .StartAsync()).Web;

    /// <summary>On PostgreSQL, waits until the web LISTENs (a NOTIFY sent before is not heard).</summary>
    protected static Task ReadyAsync(RunningService web) =>
        web.Services.GetRequiredService<Data.Connection.DatabaseConnection>().Provider == DatabaseProvider.Postgres
            ? web.Services.GetRequiredService<PostgresEventListener>().Listening.WaitAsync(Patience)
            : PollAsync(web); // The first poll notes each open page's current version.

    /// <summary>On SQLite, one look at the counters (what the poller's timer does every second); nothing on PostgreSQL.</summary>
    protected static Task PollAsync(RunningService web) =>
        web.Services.GetRequiredService<Data.Connection.DatabaseConnection>().Provider == DatabaseProvider.Postgres
            ? Task.CompletedTask
            : web.Services.GetRequiredService<TaskVersionPoller>().PollAsync(CancellationToken.None);

    /// <summary>A write as the api or the mcp makes it: the task store on a context of its own.</summary>
    protected static async Task AddTaskAsync(TestDatabase database, TimeProvider clock, string user, string title, IReadOnlyList<string?>? reminders)
    {
        await using var db = database.CreateDbContext();
        var added = await new TaskStore(db, clock, new TaskLimits()).AddAsync(TaskOwner.From(user, "UTC"), new TaskChanges(title, Reminders: reminders));
        Assert.True(added.Succeeded, added.Error?.Message);
    }

    protected static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>An open page of a user on a web: a subscription to its hub that records what it hears.</summary>
    protected sealed class OpenPage
    {
        private readonly ConcurrentQueue<LiveEvent> _heard = new();

        public OpenPage(RunningService web, string user) =>
            web.Services.GetRequiredService<UserEventHub>().Subscribe(user, live =>
            {
                _heard.Enqueue(live);
                return Task.CompletedTask;
            });

        public IReadOnlyCollection<LiveEvent> Heard => _heard;

        /// <summary>Waits (up to 30 s) until an event of <paramref name="kind"/> has arrived, and returns it.</summary>
        public async Task<LiveEvent> HearsAsync(UserEventKind kind)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                if (_heard.FirstOrDefault(e => e.Kind == kind) is { } live)
                {
                    return live;
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"No {kind} event within {Patience.TotalSeconds} s; heard: {string.Join(", ", _heard.Select(e => e.Kind))}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(20)); // Polling with a generous deadline, no timing asserted.
            }
        }
    }
}

public sealed class SqliteLiveUpdateTests() : LiveUpdateTests(DatabaseProvider.Sqlite)
{
    [SkippableFact]
    public async Task AChangeMadeBeforeThePollerFirstSawTheOpenPageStillReachesIt()
    {
        // The page loads its list, then a write lands before the poller's first look at this user: with no
        // earlier version to compare, the poller must not take the new one as the baseline and stay silent.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var web = await StartWebAsync(database, clock);
        await AddTaskAsync(database, clock, "ada", "Buy milk", reminders: null);
        var page = new OpenPage(web, "ada");
        var newUsersPage = new OpenPage(web, "grace");

        await AddTaskAsync(database, clock, "ada", "Call the plumber", reminders: null);
        await PollAsync(web);

        await page.HearsAsync(UserEventKind.TasksChanged);
        Assert.Empty(newUsersPage.Heard); // No task ever written: nothing a page of hers could have missed.
    }
}

public sealed class PostgresLiveUpdateTests() : LiveUpdateTests(DatabaseProvider.Postgres)
{
    [SkippableFact]
    public async Task TwoWebReplicasOnOneDatabaseEachReachTheirOwnOpenPages()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = await StartWebAsync(database, clock);
        await using var second = await StartWebAsync(database, clock);
        var onFirst = new OpenPage(first, "ada");
        var onSecond = new OpenPage(second, "ada");
        await ReadyAsync(first);
        await ReadyAsync(second);

        await AddTaskAsync(database, clock, "ada", "Call mom", reminders: [Iso(clock.GetUtcNow().AddSeconds(5))]);
        await onFirst.HearsAsync(UserEventKind.TasksChanged);
        await onSecond.HearsAsync(UserEventKind.TasksChanged);

        clock.Advance(TimeSpan.FromSeconds(5)); // Both replicas' workers wake; one claims the reminder.

        Assert.Equal("Call mom", Assert.Single((await onFirst.HearsAsync(UserEventKind.Reminder)).Reminders).Title);
        Assert.Equal("Call mom", Assert.Single((await onSecond.HearsAsync(UserEventKind.Reminder)).Reminders).Title);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync());
    }
}
