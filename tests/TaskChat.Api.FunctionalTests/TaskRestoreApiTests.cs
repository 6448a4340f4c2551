using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Notifications;
using TaskChat.Data.Tasks;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// A deletion taken back: POST /api/tasks/{id}/restore over real HTTP, the same task with its own number; a deleted task
/// hidden everywhere a live one is seen until then; the purge after the retention.
/// </summary>
public abstract class TaskRestoreApiTests(ApiServerFixture server)
{
    private static readonly string[] Health = ["health"];
    private static readonly string[] Home = ["home"];
    private static readonly string[] Gone = ["gone"];
    private static readonly string[] AnHourBefore = ["PT1H"];
    private static readonly string[] OnNewYearsDay = ["2030-01-01T09:00:00Z"];

    private static string NewUser() => "restore-" + Guid.NewGuid().ToString("N")[..10];

    [SkippableFact]
    public async Task A_deleted_task_comes_back_with_its_own_number_created_time_and_every_field()
    {
        using var http = server.ClientFor(NewUser());
        await CreateAsync(http, new { title = "Buy milk" });
        var gym = await CreateAsync(http, new
        {
            title = "Gym", description = "Legs", due = "2030-01-07T18:00:00Z", priority = "high", tags = Health,
            recurrence = "FREQ=WEEKLY", reminders = AnHourBefore,
        });
        var before = await Json.ReadAsync(await http.GetAsync($"api/tasks/{gym}"));
        (await http.DeleteAsync($"api/tasks/{gym}")).EnsureSuccessStatusCode();

        using var response = await http.PostAsync($"api/tasks/{gym}/restore", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var restored = await Json.ReadAsync(response);
        foreach (var field in new[] { "id", "title", "description", "completed", "created_at", "due", "priority", "tags", "recurrence", "repeat_from", "reminders" })
        {
            Assert.Equal(before.GetProperty(field).GetRawText(), restored.GetProperty(field).GetRawText());
        }
        Assert.Equal(restored.GetRawText(), (await Json.ReadAsync(await http.GetAsync($"api/tasks/{gym}"))).GetRawText());
        Assert.Equal(2, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task A_done_task_comes_back_done()
    {
        using var http = server.ClientFor(NewUser());
        var id = await CreateAsync(http, new { title = "Eggs" });
        (await http.PatchAsJsonAsync($"api/tasks/{id}", new { completed = true })).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"api/tasks/{id}")).EnsureSuccessStatusCode();

        var restored = await Json.ReadAsync(await http.PostAsync($"api/tasks/{id}/restore", null));

        Assert.True(restored.GetProperty("completed").GetBoolean());
        Assert.Equal(JsonValueKind.String, restored.GetProperty("completed_at").ValueKind);
    }

    [SkippableFact]
    public async Task A_deleted_task_is_hidden_from_every_read_and_write_until_it_is_restored()
    {
        using var http = server.ClientFor(NewUser());
        var id = await CreateAsync(http, new { title = "Water the plants", due = "2020-01-01", recurrence = "FREQ=DAILY", tags = Home });
        await CreateAsync(http, new { title = "Call mom" });
        (await http.DeleteAsync($"api/tasks/{id}")).EnsureSuccessStatusCode();

        using var get = await http.GetAsync($"api/tasks/{id}");
        using var patch = await http.PatchAsJsonAsync($"api/tasks/{id}", new { title = "Changed" });
        using var complete = await http.PatchAsJsonAsync($"api/tasks/{id}", new { completed = true });
        using var skip = await http.PostAsync($"api/tasks/{id}/skip", null);
        using var deleteAgain = await http.DeleteAsync($"api/tasks/{id}");
        Assert.All(new[] { get, patch, complete, skip, deleteAgain }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var query in new[] { "", "?status=pending", "?search=plants", "?tag=home", "?overdue=true", "?sort=updated", "?sort=due", "?due_before=2021-01-01" })
        {
            var list = await Json.ReadAsync(await http.GetAsync("api/tasks" + query));
            Assert.DoesNotContain(list.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
        }
        Assert.Equal(1, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());

        var restored = await Json.ReadAsync(await http.PostAsync($"api/tasks/{id}/restore", null));

        // The refused completion rolled nothing on: no next occurrence was made while it was deleted.
        Assert.Equal("Water the plants", restored.GetProperty("title").GetString());
        Assert.False(restored.GetProperty("completed").GetBoolean());
        Assert.Equal(2, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task Another_user_can_neither_restore_nor_see_a_deleted_task()
    {
        using var owner = server.ClientFor(NewUser());
        using var intruder = server.ClientFor(NewUser());
        var id = await CreateAsync(owner, new { title = "Private" });
        (await owner.DeleteAsync($"api/tasks/{id}")).EnsureSuccessStatusCode();

        using var restore = await intruder.PostAsync($"api/tasks/{id}/restore", null);
        using var get = await intruder.GetAsync($"api/tasks/{id}");
        var list = await Json.ReadAsync(await intruder.GetAsync("api/tasks"));

        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(0, list.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"api/tasks/{id}")).StatusCode); // still deleted
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"api/tasks/{id}/restore", null)).StatusCode);
    }

    [SkippableFact]
    public async Task A_task_that_is_not_deleted_is_a_409_that_says_so()
    {
        using var http = server.ClientFor(NewUser());
        var id = await CreateAsync(http, new { title = "Call mom" });

        using var response = await http.PostAsync($"api/tasks/{id}/restore", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(ProblemCodes.TaskNotDeleted, problem.GetProperty("code").GetString());
        Assert.Equal($"Task {id} is not deleted: there is nothing to restore.", problem.GetProperty("detail").GetString());
    }

    /// <summary>
    /// A restore brings a task back into the count: at TASKS_PER_USER_MAX live tasks it is the add's 409
    /// `task_limit_reached` (not a 500), the task stays deleted, and it comes back once there is room.
    /// </summary>
    [SkippableFact]
    public async Task At_the_task_limit_a_restore_is_a_409_with_the_limits_code_until_there_is_room()
    {
        await using var limited = await server.StartAsync(system => system.WithApi(new Dictionary<string, string> { [TaskLimits.VariableName] = "2" }));
        var user = NewUser();
        using var http = limited.ClientFor(user);
        var milk = await CreateAsync(http, new { title = "Buy milk" });
        await CreateAsync(http, new { title = "Pay rent" });
        (await http.DeleteAsync($"api/tasks/{milk}")).EnsureSuccessStatusCode();
        var bread = await CreateAsync(http, new { title = "Buy bread" });

        using var refused = await http.PostAsync($"api/tasks/{milk}/restore", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await Json.ReadAsync(refused);
        Assert.Equal(ProblemCodes.TaskLimitReached, problem.GetProperty("code").GetString());
        Assert.Contains("2 tasks", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/tasks/{milk}")).StatusCode); // still deleted
        Assert.Equal(2, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());

        (await http.DeleteAsync($"api/tasks/{bread}")).EnsureSuccessStatusCode();
        using var restored = await http.PostAsync($"api/tasks/{milk}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("Buy milk", (await Json.ReadAsync(restored)).GetProperty("title").GetString());
    }

    /// <summary>
    /// Restores at once with room for one: one comes back, the others are 409s, and the user keeps no more than the limit.
    /// Before, a restore counted the live tasks before it took the counter row's lock (which an add takes before it counts),
    /// so restores (or a restore and an add) that overlapped all counted one below the limit and all wrote: here the counter
    /// row is held while they start, so that they overlap every time (on SQLite, whose writes take turns, they wait at BEGIN).
    /// </summary>
    [SkippableFact]
    public async Task Restores_at_once_with_room_for_one_bring_back_one()
    {
        const int Deleted = 4;
        await using var limited = await server.StartAsync(system => system.WithApi(new Dictionary<string, string> { [TaskLimits.VariableName] = "2" }));
        var user = NewUser();
        using var http = limited.ClientFor(user);
        List<long> numbers = [];
        for (var i = 0; i < Deleted; i++)
        {
            numbers.Add(await CreateAsync(http, new { title = $"Errand {i}" }));
            (await http.DeleteAsync($"api/tasks/{numbers[^1]}")).EnsureSuccessStatusCode();
        }
        await CreateAsync(http, new { title = "Keep" });

        Task<HttpStatusCode[]> restores;
        await using (var scope = limited.Api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
            await using var hold = await db.Database.BeginTransactionAsync();
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM user_task_counters WHERE user_id = {user} FOR UPDATE");
            }
            restores = Task.WhenAll(numbers.Select(async n =>
            {
                using var client = limited.ClientFor(user);
                using var response = await client.PostAsync($"api/tasks/{n}/restore", null);
                return response.StatusCode;
            }));
            await Task.Delay(TimeSpan.FromSeconds(2)); // Each restore gets as far as the lock lets it.
            await hold.RollbackAsync();
        }

        var statuses = await restores;
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Deleted - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(2, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableTheory]
    [InlineData("987654321")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    public async Task A_task_that_never_existed_or_a_bad_id_is_a_404(string id)
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.PostAsync($"api/tasks/{id}/restore", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task A_restore_needs_a_token()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.PostAsync("api/tasks/1/restore", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task Tasks_deleted_longer_ago_than_the_retention_are_purged_and_the_others_kept()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var old = await CreateAsync(http, new { title = "Old", tags = Gone, reminders = OnNewYearsDay });
        var recent = await CreateAsync(http, new { title = "Recent" });
        var live = await CreateAsync(http, new { title = "Live" });
        (await http.DeleteAsync($"api/tasks/{old}")).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"api/tasks/{recent}")).EnsureSuccessStatusCode();
        var now = DateTime.UtcNow;
        await using (var db = server.Database.CreateDbContext())
        {
            await db.Tasks.Where(t => t.UserId == user && t.Number == old)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, now - DeletedTasks.Retention - TimeSpan.FromMinutes(1)));

            Assert.True(await DeletedTasks.PurgeAsync(db, now) >= 1);
        }

        await using var check = server.Database.CreateDbContext();
        Assert.Equal(["Live", "Recent"], await check.Tasks.Where(t => t.UserId == user).OrderBy(t => t.Title).Select(t => t.Title).ToListAsync());
        Assert.Equal(0, await check.TaskTags.CountAsync(g => g.Name == "gone" && !check.Tasks.Any(t => t.Id == g.TaskId)));
        Assert.Equal(0, await check.TaskReminders.CountAsync(r => r.UserId == user && !check.Tasks.Any(t => t.Id == r.TaskId)));
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"api/tasks/{old}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"api/tasks/{recent}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"api/tasks/{live}")).StatusCode);
        Assert.Contains(server.Server.Services.GetServices<IHostedService>(), service => service is DeletedTaskPurging);
    }

    [SkippableFact]
    public async Task A_deleted_tasks_reminder_does_not_go_off_and_does_not_go_off_late_once_restored()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await CreateAsync(http, new { title = "Call the bank", reminders = OnNewYearsDay });
        (await http.DeleteAsync($"api/tasks/{id}")).EnsureSuccessStatusCode();
        await using (var db = server.Database.CreateDbContext())
        {
            // Its moment comes while it is deleted.
            var taskId = await db.Tasks.Where(t => t.UserId == user && t.Number == id).Select(t => t.Id).SingleAsync();
            await db.TaskReminders.Where(r => r.TaskId == taskId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FireAt, DateTime.UtcNow.AddMinutes(-1)));
            while ((await new ReminderDelivery(db, TimeProvider.System).DeliverDueAsync()).MayHaveMore)
            {
                // Other classes' due reminders share the database: deliver until none are left.
            }
            Assert.Empty(await db.Notifications.Where(n => n.UserId == user).ToListAsync());
        }

        (await http.PostAsync($"api/tasks/{id}/restore", null)).EnsureSuccessStatusCode();

        await using var check = server.Database.CreateDbContext();
        await new ReminderDelivery(check, TimeProvider.System).DeliverDueAsync();
        Assert.Empty(await check.Notifications.Where(n => n.UserId == user).ToListAsync());
        Assert.NotNull(await check.TaskReminders.Where(r => r.UserId == user).Select(r => r.SentAt).SingleAsync());
    }

    private static async Task<long> CreateAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("api/tasks", body);
        response.EnsureSuccessStatusCode();
        return (await Json.ReadAsync(response)).GetProperty("id").GetInt64();
    }
}

public sealed class SqliteTaskRestoreApiTests(SqliteApiServer server) : TaskRestoreApiTests(server), IClassFixture<SqliteApiServer>;

public sealed class PostgresTaskRestoreApiTests(PostgresApiServer server) : TaskRestoreApiTests(server), IClassFixture<PostgresApiServer>;
