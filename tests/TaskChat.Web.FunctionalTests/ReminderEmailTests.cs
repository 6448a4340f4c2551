using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Model;
using TaskChat.Data.Notifications;
using TaskChat.Data.Tasks;
using TaskChat.TestSupport;
using TaskChat.Web.Live;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Reminders nobody saw go by email: the follow-up's claim on each provider (each notification looked at once, however
/// many workers run), what it leaves out (shown in a page, read, a task done or deleted since, a user who said no, a web
/// that sends no mail), and the whole way through a real web on a fake clock to its mail folder.
/// </summary>
public abstract class ReminderEmailTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(LiveSettings.DefaultReminderEmailDelaySeconds);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly List<TaskChatDbContext> _contexts = [];
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
    public async Task A_reminder_nobody_saw_is_mailed_once_a_minute_after_it_went_off()
    {
        await AddUserAsync("ada", timeZone: "Europe/Paris");
        await AddAsync("ada", "Call mom", [At(TimeSpan.FromMinutes(10))]);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Single((await DeliverAsync()).Notifications);

        Assert.Equal(FollowUpBatch.Empty, await FollowUpAsync());
        _clock.Advance(Delay - TimeSpan.FromSeconds(1));
        Assert.Equal(FollowUpBatch.Empty, await FollowUpAsync()); // A page may still show it.
        _clock.Advance(TimeSpan.FromSeconds(1));
        var batch = await FollowUpAsync();

        var email = Assert.Single(batch.Emails);
        Assert.Equal(("ada", "ada@example.com", "Ada", "Europe/Paris"), (email.UserId, email.Email, email.Name, email.TimeZone));
        var reminder = Assert.Single(email.Reminders);
        Assert.Equal((1L, "Call mom", Start.UtcDateTime.AddMinutes(10)), (reminder.TaskNumber, reminder.Title, reminder.FireAt));
        Assert.Equal(FollowUpBatch.Empty, await FollowUpAsync()); // Looked at once: never mailed again.
        await using var db = _database.CreateDbContext();
        Assert.NotNull((await db.Notifications.SingleAsync()).FollowedUpAt);
    }

    [SkippableFact]
    public async Task A_reminder_shown_in_a_page_or_read_is_not_mailed_and_another_users_page_cannot_hide_it()
    {
        await AddUserAsync("ada");
        await AddUserAsync("grace");
        await AddAsync("ada", "Shown in a tab", [At(TimeSpan.FromMinutes(1))]);
        await AddAsync("ada", "Read in the list", [At(TimeSpan.FromMinutes(1))]);
        await AddAsync("ada", "Missed", [At(TimeSpan.FromMinutes(1))]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var notifications = (await DeliverAsync()).Notifications.ToDictionary(n => n.Title, n => n.Id);
        var store = new NotificationStore(Context(), _clock);

        Assert.Equal(1, await store.MarkShownAsync("ada", [notifications["Shown in a tab"]]));
        Assert.True(await store.MarkReadAsync("ada", notifications["Read in the list"]));
        Assert.Equal(0, await store.MarkShownAsync("grace", [notifications["Missed"]])); // Not grace's: nothing changes.
        Assert.Equal(0, await store.MarkShownAsync("ada", [])); // Nothing asked, nothing done.
        _clock.Advance(Delay);
        var batch = await FollowUpAsync();

        Assert.Equal(3, batch.Claimed);
        Assert.Equal("Missed", Assert.Single(Assert.Single(batch.Emails).Reminders).Title);
    }

    [SkippableFact]
    public async Task A_task_done_or_deleted_since_and_a_user_who_said_no_get_no_email()
    {
        await AddUserAsync("ada");
        await AddUserAsync("grace", emailReminders: false);
        var done = await AddAsync("ada", "Done on the phone", [At(TimeSpan.FromMinutes(1))]);
        var deleted = await AddAsync("ada", "Deleted since", [At(TimeSpan.FromMinutes(1))]);
        await AddAsync("grace", "Grace's own", [At(TimeSpan.FromMinutes(1))]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, (await DeliverAsync()).Notifications.Count);

        Assert.True((await Store().CompleteAsync(Owner("ada"), done.Number)).Succeeded);
        Assert.True((await Store().DeleteAsync(Owner("ada"), deleted.Number)).Succeeded);
        _clock.Advance(Delay);
        var batch = await FollowUpAsync();

        Assert.Equal((3, 0), (batch.Claimed, batch.Emails.Count));
    }

    /// <summary>
    /// An address its owner never confirmed gets no reminder (anyone may sign up with a stranger's email), and none of the
    /// ones looked at meanwhile once it is confirmed: only reminders that go off after.
    /// </summary>
    [SkippableFact]
    public async Task An_address_not_confirmed_gets_no_reminder_until_it_is()
    {
        await AddUserAsync("ada", emailConfirmed: false);
        await AddAsync("ada", "Before the confirmation", [At(TimeSpan.FromMinutes(1))]);
        await AddAsync("ada", "After the confirmation", [At(TimeSpan.FromMinutes(10))]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverAsync();
        _clock.Advance(Delay);

        Assert.Equal((1, 0), ((await FollowUpAsync()) is var before ? (before.Claimed, before.Emails.Count) : default));

        await using (var db = _database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == "ada").ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true));
        }
        _clock.Advance(TimeSpan.FromMinutes(9));
        await DeliverAsync();
        _clock.Advance(Delay);
        var after = await FollowUpAsync();

        Assert.Equal("After the confirmation", Assert.Single(Assert.Single(after.Emails).Reminders).Title);
    }

    [SkippableFact]
    public async Task A_web_that_sends_no_mail_looks_at_them_all_the_same_so_turning_mail_on_sends_nothing_old()
    {
        await AddUserAsync("ada");
        await AddAsync("ada", "Call mom", [At(TimeSpan.FromMinutes(1))]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverAsync();
        _clock.Advance(Delay);

        Assert.Equal((1, 0), (await FollowUpAsync(mailing: false)) is var off ? (off.Claimed, off.Emails.Count) : default);
        Assert.Equal(FollowUpBatch.Empty, await FollowUpAsync(mailing: true));
    }

    [SkippableFact]
    public async Task Each_users_reminders_come_in_one_email_of_their_own_oldest_first()
    {
        await AddUserAsync("ada");
        await AddUserAsync("grace");
        await AddAsync("ada", "Second", [At(TimeSpan.FromMinutes(2))]);
        await AddAsync("ada", "First", [At(TimeSpan.FromMinutes(1))]);
        await AddAsync("grace", "Grace's", [At(TimeSpan.FromMinutes(1))]);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await DeliverAsync();
        _clock.Advance(Delay);

        var emails = (await FollowUpAsync()).Emails.ToDictionary(e => e.UserId);

        Assert.Equal(["First", "Second"], emails["ada"].Reminders.Select(r => r.Title));
        Assert.Equal(["Grace's"], emails["grace"].Reminders.Select(r => r.Title));
        Assert.Equal("grace@example.com", emails["grace"].Email);
    }

    [SkippableFact]
    public async Task Every_missed_reminder_is_mailed_once_with_two_workers_following_up_at_the_same_time()
    {
        // More than a batch (200), over two users, so that both workers loop and race on every batch.
        const int tasksPerUser = 30;
        const int remindersPerTask = 5;
        foreach (var user in new[] { "ada", "grace" })
        {
            await AddUserAsync(user);
            for (var i = 0; i < tasksPerUser; i++)
            {
                await AddAsync(user, $"Task {i}", [.. Enumerable.Range(1, remindersPerTask).Select(m => At(TimeSpan.FromMinutes(m)))]);
            }
        }
        _clock.Advance(TimeSpan.FromHours(1));
        while ((await DeliverAsync()).Claimed > 0)
        {
        }
        _clock.Advance(Delay);

        var mailed = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(FollowUpAllAsync)));

        var ids = mailed.SelectMany(worker => worker).SelectMany(email => email.Reminders).Select(r => r.NotificationId).ToList();
        Assert.Equal(2 * tasksPerUser * remindersPerTask, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.FollowedUpAt == null));
    }

    [SkippableFact]
    public void The_email_names_the_task_its_time_in_the_users_zone_the_link_and_the_way_to_stop_them()
    {
        var at = new DateTime(2026, 12, 7, 16, 0, 0, DateTimeKind.Utc);
        const string Stop = "https://tasks.example.com/api/reminder-emails/stop?token=t";
        var one = ReminderEmails.Compose(new ReminderEmail("ada", "ada@example.com", "Ada", "Europe/Paris", [new(1, 12, "Call mom", at)]), "https://tasks.example.com", Stop);
        var three = ReminderEmails.Compose(new ReminderEmail("ada", "ada@example.com", "Ada", "Nowhere/Else",
            [new(1, 12, "Call mom", at), new(2, 13, "Buy milk", at), new(3, 14, "Pay rent", at)]), "https://tasks.example.com", Stop);

        Assert.Equal(("ada@example.com", "Ada", "Reminder: Call mom"), (one.To, one.ToName, one.Subject));
        Assert.Contains("- Call mom: Mon 7 Dec 17:00 (Europe/Paris)\n  https://tasks.example.com/tasks#task-12\n", one.Text, StringComparison.Ordinal);
        Assert.Contains("A reminder went off while you were away from TaskChat:", one.Text, StringComparison.Ordinal);
        Assert.Contains("https://tasks.example.com/account#reminders", one.Text, StringComparison.Ordinal);
        Assert.Contains($"To stop these emails: {Stop}\n", one.Text, StringComparison.Ordinal);
        Assert.Equal(Stop, one.StopLink); // The List-Unsubscribe headers' (ReminderEmailStopTests).
        Assert.Equal("3 reminders: Call mom and 2 more", three.Subject);
        Assert.Contains("- Pay rent: Mon 7 Dec 16:00 (UTC)", three.Text, StringComparison.Ordinal); // An unknown zone reads as UTC.
    }

    /// <summary>
    /// The whole way: a user signed up on a real web, a reminder that goes off with no page open, the web's worker on
    /// its own timer (a fake clock) and its mail delivery to the web's mail folder; a second user's reminder that a page
    /// showed is not mailed.
    /// </summary>
    [SkippableFact]
    public async Task A_real_web_mails_a_missed_reminder_to_its_user_and_not_one_a_page_showed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await new SystemBuilder(_database.Url)
            .WithWeb(testServices: services => services.AddSingleton<TimeProvider>(clock))
            .Wired(wiring => wiring with { Issuer = WebServers.Issuer })
            .StartAsync();
        using var browser = WebServers.Browser(system.Web);
        var (email, userId) = await WebServers.SignUpAsync(browser, "Ada Away");
        using var otherBrowser = WebServers.Browser(system.Web);
        var (watcherEmail, watcherId) = await WebServers.SignUpAsync(otherBrowser, "Grace Watching");
        // Both confirm their address by the link the sign-up mailed them, as a person would.
        await ConfirmByTheMailedLinkAsync(system, browser, email);
        await ConfirmByTheMailedLinkAsync(system, otherBrowser, watcherEmail);
        var due = Iso(clock.GetUtcNow().AddSeconds(5));
        await AddAsync(userId, "Water the plants", [due], clock);
        await AddAsync(watcherId, "Feed the cat", [due], clock);

        await AdvanceUntilAsync(clock, async () => await CountAsync(n => true) == 2);
        var shown = await FirstNotificationOfAsync(watcherId);
        Assert.Equal(1, await system.Web.Services.GetRequiredService<NotificationInbox>().MarkShownAsync(watcherId, [shown]));
        await AdvanceUntilAsync(clock, async () => await CountAsync(n => n.FollowedUpAt == null) == 0);
        var mail = await system.Mailbox.WaitForAsync(email, "Reminder: Water the plants");
        // One more missed reminder, in a later round: messages go out one at a time in the order they were queued, so
        // once this one is there, a message for the reminder the page showed would be there too.
        await AddAsync(userId, "Take the bins out", [Iso(clock.GetUtcNow().AddSeconds(5))], clock);
        await AdvanceUntilAsync(clock, async () => Reminders(system.Mailbox.To(email)).Count == 2);

        Assert.Contains("Hello Ada Away,", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{WebServers.Issuer}/tasks#task-1", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{WebServers.Issuer}/account#reminders", mail.Text, StringComparison.Ordinal);
        Assert.Equal("Reminder: Take the bins out", Reminders(system.Mailbox.To(email))[1].Subject);
        Assert.Empty(Reminders(system.Mailbox.To(watcherEmail)));

        // "Unsubscribe" in a mail program (RFC 8058): the headers name the link in the text, and its one-click POST, made
        // with no cookie, stops them.
        var stop = mail.LinkTo(ReminderEmailStop.LinkPath);
        Assert.Equal($"<{stop}>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(WebServers.Issuer, stop.GetLeftPart(UriPartial.Authority));
        using var mailProgram = WebServers.Browser(system.Web);
        using var stopped = await mailProgram.PostAsync(stop.PathAndQuery.TrimStart('/'),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        await using var db = _database.CreateDbContext();
        Assert.False((await db.Users.SingleAsync(u => u.Id == userId)).EmailReminders);
        Assert.True((await db.Users.SingleAsync(u => u.Id == watcherId)).EmailReminders);
    }

    private static List<ReceivedMail> Reminders(IReadOnlyList<ReceivedMail> mails) => [.. mails.Where(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal))];

    /// <summary>The sign-up's "Confirm your email" message, its link's token posted as the page's button does.</summary>
    private static async Task ConfirmByTheMailedLinkAsync(RunningSystem system, HttpClient browser, string email)
    {
        var mail = await system.Mailbox.WaitForAsync(email, "Confirm your email");
        var token = mail.TokenIn("/verify-email");
        using var confirmed = await browser.PostAsJsonAsync("api/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    /// <summary>Moves the web's fake clock a second at a time until <paramref name="done"/>: each step lets the worker's round run.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done within {Patience.TotalSeconds} s of the worker's rounds.");
            }
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(50)); // Polling with a generous deadline, no timing asserted.
        }
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Notification, bool>> where)
    {
        await using var db = _database.CreateDbContext();
        return await db.Notifications.CountAsync(where);
    }

    private async Task<long> FirstNotificationOfAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Notifications.Where(n => n.UserId == userId).Select(n => n.Id).FirstAsync();
    }

    private async Task<List<ReminderEmail>> FollowUpAllAsync()
    {
        List<ReminderEmail> emails = [];
        while (true)
        {
            var batch = await FollowUpAsync();
            emails.AddRange(batch.Emails);
            if (batch.Claimed == 0)
            {
                return emails;
            }
        }
    }

    private async Task<FollowUpBatch> FollowUpAsync(bool mailing = true)
    {
        await using var db = _database.CreateDbContext();
        return await new ReminderFollowUp(db, _clock).FollowUpAsync(Delay, mailing);
    }

    private async Task<DeliveryBatch> DeliverAsync()
    {
        await using var db = _database.CreateDbContext();
        return await new ReminderDelivery(db, _clock).DeliverDueAsync();
    }

    private async Task AddUserAsync(string id, string timeZone = "UTC", bool emailReminders = true, bool emailConfirmed = true)
    {
        await using var db = _database.CreateDbContext();
        var name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(id);
        db.Users.Add(new TaskChatUser
        {
            Id = id,
            UserName = $"{id}@example.com",
            Email = $"{id}@example.com",
            Name = name,
            TimeZone = timeZone,
            EmailReminders = emailReminders,
            EmailConfirmed = emailConfirmed,
        });
        await db.SaveChangesAsync();
    }

    private async Task<TaskItem> AddAsync(string user, string title, IReadOnlyList<string?> reminders, TimeProvider? clock = null)
    {
        var added = await new TaskStore(Context(), clock ?? _clock, new TaskLimits()).AddAsync(Owner(user), new TaskChanges(title, Reminders: reminders));
        Assert.True(added.Succeeded, added.Error?.Message);
        return added.Value!;
    }

    private TaskStore Store() => new(Context(), _clock, new TaskLimits());

    /// <summary>A context of its own (disposed with the test's database).</summary>
    private TaskChatDbContext Context()
    {
        var db = _database.CreateDbContext();
        _contexts.Add(db);
        return db;
    }

    private static TaskOwner Owner(string user) => TaskOwner.From(user, "UTC");

    private string At(TimeSpan fromNow) => Iso(_clock.GetUtcNow() + fromNow);

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

public sealed class SqliteReminderEmailTests() : ReminderEmailTests(DatabaseProvider.Sqlite);

public sealed class PostgresReminderEmailTests() : ReminderEmailTests(DatabaseProvider.Postgres);
