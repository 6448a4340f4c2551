using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Model;
using TaskChat.Data.Notifications;
using TaskChat.Data.Tasks;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Reminders claimed exactly once and turned into notifications, on the real claim of each provider
/// (FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional update on SQLite), on a fake clock; and the
/// notifications list scoped to its owner.
/// </summary>
public abstract class ReminderDeliveryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        foreach (var db in _contexts)
        {
            await db.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    [SkippableFact]
    public async Task EveryDueReminderFiresOnceWithTwoWorkersClaimingAtTheSameTime()
    {
        // More than a batch (200), over two users, so that both workers loop and race on every batch.
        const int tasksPerUser = 30;
        const int remindersPerTask = 5;
        foreach (var user in new[] { "ada", "grace" })
        {
            for (var i = 0; i < tasksPerUser; i++)
            {
                await AddAsync(user, $"Task {i}", [.. Enumerable.Range(1, remindersPerTask).Select(m => At(TimeSpan.FromMinutes(m)))]);
            }
        }
        _clock.Advance(TimeSpan.FromHours(1));

        var delivered = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(DeliverAllAsync)));

        Assert.Equal(2 * tasksPerUser * remindersPerTask, delivered.Sum());
        await using var db = _database.CreateDbContext();
        Assert.Equal(2 * tasksPerUser * remindersPerTask, await db.Notifications.CountAsync());
        // One notification per reminder: each task's five fire times, each once.
        var perTaskAndTime = await db.Notifications.GroupBy(n => new { n.UserId, n.TaskNumber, n.FireAt }).Select(g => g.Count()).ToListAsync();
        Assert.All(perTaskAndTime, count => Assert.Equal(1, count));
        Assert.Equal(0, await db.TaskReminders.CountAsync(r => r.SentAt == null));
    }

    [SkippableFact]
    public async Task AReminderWaitsForItsTimeThenFiresWithTheTasksNumberAndTitle()
    {
        await AddAsync("ada", "Call mom", [At(TimeSpan.FromMinutes(30))]);

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty((await DeliverAsync()).Notifications);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var batch = await DeliverAsync();

        var notification = Assert.Single(batch.Notifications);
        Assert.Equal(("ada", 1L, "Call mom", Start.UtcDateTime.AddMinutes(30)), (notification.UserId, notification.TaskNumber, notification.Title, notification.FireAt));
        Assert.Null(notification.ReadAt);
        Assert.Empty((await DeliverAsync()).Notifications); // Claimed: never again.
    }

    [SkippableFact]
    public async Task AReminderOfACompletedTaskNeverFires()
    {
        var task = await AddAsync("ada", "Buy milk", [At(TimeSpan.FromMinutes(10))]);
        Assert.True((await Store().CompleteAsync(Owner("ada"), task.Number)).Succeeded);

        _clock.Advance(TimeSpan.FromHours(1));
        var batch = await DeliverAsync();

        Assert.Equal(1, batch.Claimed); // Taken out of the due index...
        Assert.Empty(batch.Notifications); // ...without a notification.
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Notifications.CountAsync());
    }

    /// <summary>
    /// A deleted task waits, unseen, for its restore or its purge: its reminder is used up without a notification when its
    /// moment comes, so that the task restored afterwards does not go off late.
    /// </summary>
    [SkippableFact]
    public async Task AReminderOfADeletedTaskNeverFires()
    {
        var task = await AddAsync("ada", "Buy milk", [At(TimeSpan.FromMinutes(10))]);
        Assert.True((await Store().DeleteAsync(Owner("ada"), task.Number)).Succeeded);

        _clock.Advance(TimeSpan.FromHours(1));

        var batch = await DeliverAsync();
        Assert.Equal((1, 0), (batch.Claimed, batch.Notifications.Count));
        Assert.True((await Store().RestoreAsync(Owner("ada"), task.Number)).Succeeded);
        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Notifications.CountAsync());
    }

    [SkippableFact]
    public async Task TheNextOccurrenceOfARecurringTaskBringsItsOwnReminder()
    {
        var due = Start.AddHours(2);
        var first = (await Store().AddAsync(Owner("ada"), new TaskChanges("Water the plants", Due: Iso(due), Recurrence: "FREQ=DAILY", Reminders: ["PT1H"]))).Value!;
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("Water the plants", Assert.Single((await DeliverAsync()).Notifications).Title);

        var completed = await Store().CompleteAsync(Owner("ada"), first.Number);
        var next = await Store().NextOccurrenceAsync(Owner("ada"), completed.Value!);
        Assert.NotNull(next);
        _clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Empty((await DeliverAsync()).Notifications); // Tomorrow's reminder, an hour before tomorrow's due time.
        _clock.Advance(TimeSpan.FromMinutes(1));

        var notification = Assert.Single((await DeliverAsync()).Notifications);
        Assert.Equal((next.Number, due.UtcDateTime.AddDays(1).AddHours(-1)), (notification.TaskNumber, notification.FireAt));
    }

    [SkippableFact]
    public async Task AReminderMovedAfterItFiredFiresAgainAtItsNewTime()
    {
        var due = Start.AddHours(1);
        var task = (await Store().AddAsync(Owner("ada"), new TaskChanges("Dentist", Due: Iso(due), Reminders: ["PT30M"]))).Value!;
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Single((await DeliverAsync()).Notifications);

        Assert.True((await Store().UpdateAsync(Owner("ada"), task.Number, new TaskChanges(Due: Iso(due.AddHours(2))))).Succeeded);
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Single((await DeliverAsync()).Notifications);
    }

    [SkippableFact]
    public async Task AReminderSetForAMomentAlreadyPassedIsNeverDeliveredWhileOneAheadIs()
    {
        // Due today at 10:00, set at 08:00: a day before (yesterday) and a moment two hours ago have passed; an hour
        // before is ahead.
        var task = (await Store().AddAsync(Owner("ada"), new TaskChanges("Pay rent", Due: Iso(Start.AddHours(2)),
            Reminders: ["P1D", At(-TimeSpan.FromHours(2)), "PT1H"]))).Value!;

        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());
        _clock.Advance(TimeSpan.FromHours(1));
        var notification = Assert.Single((await DeliverAsync()).Notifications);
        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal((task.Number, Start.UtcDateTime.AddHours(1)), (notification.TaskNumber, notification.FireAt));
        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync());
    }

    [SkippableFact]
    public async Task MovingTheDueDateSoThatAReminderBeforeItHasPassedDoesNotDeliverItAgain()
    {
        // Due tomorrow at 10:00: the day-before reminder goes off today at 10:00.
        var task = (await Store().AddAsync(Owner("ada"), new TaskChanges("Pay rent", Due: Iso(Start.AddHours(26)), Reminders: ["P1D", "PT1H"]))).Value!;
        _clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(Start.UtcDateTime.AddHours(2), Assert.Single((await DeliverAsync()).Notifications).FireAt);

        // At noon, moved to tomorrow at 11:00: a day before is 11:00 today, already gone by; an hour before is still ahead.
        Assert.True((await Store().UpdateAsync(Owner("ada"), task.Number, new TaskChanges(Due: Iso(Start.AddHours(27))))).Succeeded);

        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());
        _clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal(Start.UtcDateTime.AddHours(26), Assert.Single((await DeliverAsync()).Notifications).FireAt);
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.Notifications.CountAsync());
    }

    [SkippableFact]
    public async Task AReminderAtAFixedTimeThatWentOffIsNotDeliveredAgainWhenTheDueDateMoves()
    {
        var task = (await Store().AddAsync(Owner("ada"), new TaskChanges("Dentist", Due: Iso(Start.AddHours(4)), Reminders: [At(TimeSpan.FromHours(1))]))).Value!;
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Single((await DeliverAsync()).Notifications);

        Assert.True((await Store().UpdateAsync(Owner("ada"), task.Number, new TaskChanges(Due: Iso(Start.AddDays(1))))).Succeeded);

        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());
    }

    [SkippableFact]
    public async Task AReminderThatFellDueWhileNothingDeliveredStillGoesOutLate()
    {
        // Ahead when set; its moment then passes while no worker runs (the web down): the next delivery sends it.
        await AddAsync("ada", "Call mom", [At(TimeSpan.FromMinutes(30))]);
        _clock.Advance(TimeSpan.FromHours(5));

        var notification = Assert.Single((await DeliverAsync()).Notifications);

        Assert.Equal(("Call mom", Start.UtcDateTime.AddMinutes(30)), (notification.Title, notification.FireAt));
    }

    [SkippableFact]
    public async Task SkippingAndTheNextOccurrenceDeliverOnlyTheRemindersStillAhead()
    {
        // Every day at 09:00, overdue by three days (set at 08:00 today): two days before and an hour before.
        var gym = (await Store().AddAsync(Owner("ada"), new TaskChanges("Gym", Due: Iso(Start.AddDays(-3).AddHours(1)),
            Recurrence: "FREQ=DAILY", Reminders: ["P2D", "PT1H"]))).Value!;
        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());

        // Skipped to tomorrow at 09:00: two days before is yesterday, passed; an hour before is tomorrow at 08:00.
        Assert.True((await Store().SkipAsync(Owner("ada"), gym.Number)).Succeeded);
        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(Start.UtcDateTime.AddDays(1), Assert.Single((await DeliverAsync()).Notifications).FireAt);

        // Every day, overdue by three days and repeating from its due date: completed now, the next occurrence is due two
        // days ago, and its reminders, computed from the old one, have passed.
        var water = (await Store().AddAsync(Owner("ada"), new TaskChanges("Water the plants", Due: Iso(_clock.GetUtcNow().AddDays(-3)),
            Recurrence: "FREQ=DAILY", Reminders: ["PT1H"]))).Value!;
        Assert.True((await Store().CompleteAsync(Owner("ada"), water.Number)).Succeeded);

        Assert.NotNull(await Store().NextOccurrenceAsync(Owner("ada"), water));
        Assert.Equal(DeliveryBatch.Empty, await DeliverAsync());
    }

    [SkippableFact]
    public async Task NotificationsAreListedAndMarkedReadOnlyByTheirOwner()
    {
        await AddAsync("ada", "Ada's secret", [At(TimeSpan.FromMinutes(1))]);
        await AddAsync("ada", "Ada's other", [At(TimeSpan.FromMinutes(2))]);
        await AddAsync("grace", "Grace's", [At(TimeSpan.FromMinutes(1))]);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await DeliverAsync();
        await using var db = _database.CreateDbContext();
        var store = new NotificationStore(db, _clock);
        var adas = await store.ListAsync("ada");
        Assert.Equal(["Ada's other", "Ada's secret"], adas.Select(n => n.Title)); // Newest first.

        // Grace names Ada's notifications (and ids that do not exist): nothing changes.
        foreach (var id in adas.Select(n => n.Id).Concat([0, -1, long.MaxValue, long.MinValue]))
        {
            Assert.False(await store.MarkReadAsync("grace", id));
        }
        Assert.Equal(2, await store.UnreadCountAsync("ada"));
        Assert.Empty(await store.FindAsync("grace", [.. adas.Select(n => n.Id)]));
        Assert.Equal(1, await store.MarkAllReadAsync("grace"));
        Assert.Equal(2, await store.UnreadCountAsync("ada"));

        Assert.True(await store.MarkReadAsync("ada", adas[0].Id));
        Assert.False(await store.MarkReadAsync("ada", adas[0].Id)); // Already read.
        Assert.Equal(1, await store.UnreadCountAsync("ada"));
        Assert.Equal(1, await store.MarkAllReadAsync("ada"));
        Assert.Equal(0, await store.UnreadCountAsync("ada"));
        Assert.Empty(await store.ListAsync(""));
    }

    private async Task<int> DeliverAllAsync()
    {
        var created = 0;
        while (true)
        {
            var batch = await DeliverAsync();
            created += batch.Notifications.Count;
            if (batch.Claimed == 0)
            {
                return created;
            }
        }
    }

    private async Task<DeliveryBatch> DeliverAsync()
    {
        await using var db = _database.CreateDbContext();
        return await new ReminderDelivery(db, _clock).DeliverDueAsync();
    }

    private async Task<TaskItem> AddAsync(string user, string title, IReadOnlyList<string?> reminders)
    {
        var added = await Store().AddAsync(Owner(user), new TaskChanges(title, Reminders: reminders));
        Assert.True(added.Succeeded, added.Error?.Message);
        return added.Value!;
    }

    /// <summary>A task store on its own context (disposed with the test's database), on the fake clock.</summary>
    private TaskStore Store()
    {
        var db = _database.CreateDbContext();
        _contexts.Add(db);
        return new TaskStore(db, _clock, new TaskLimits());
    }

    private readonly List<TaskChatDbContext> _contexts = [];

    private static TaskOwner Owner(string user) => TaskOwner.From(user, "UTC");

    private string At(TimeSpan fromNow) => Iso(_clock.GetUtcNow() + fromNow);

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

public sealed class SqliteReminderDeliveryTests() : ReminderDeliveryTests(DatabaseProvider.Sqlite);

public sealed class PostgresReminderDeliveryTests() : ReminderDeliveryTests(DatabaseProvider.Postgres);
