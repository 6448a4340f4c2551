using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TaskChat.Data.Tasks;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>AddTaskPlanningFields on a database with tasks: existing data is unchanged and numbered per user in creation order.</summary>
public sealed class TaskNumberMigrationTests
{
    private const string Before = "AddChatTurnWindows";

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ExistingTasksGetPerUserNumbersInCreationOrderAndNewOnesContinue(string provider)
    {
        await using TestDatabase database = provider == "postgres" ? await PostgresTestDatabase.CreateAsync() : new SqliteTestDatabase();
        await using (var db = database.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var created = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            // Interleaved owners, as global ids were handed out: alice 1, bob 2, alice 3, alice 4 (completed), bob 5.
            foreach (var (user, title, completed) in new[] { ("alice", "A1", false), ("bob", "B1", false), ("alice", "A2", false), ("alice", "A3", true), ("bob", "B2", false) })
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO tasks (user_id, title, description, completed, created_at, updated_at) VALUES ({user}, {title}, NULL, {completed}, {created}, {created})");
            }
            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using var after = database.CreateDbContext();
        var rows = await after.Tasks.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.UserId, t.Title, t.Number, t.CompletedAt, t.DueAt, t.Priority }).ToListAsync();
        Assert.Equal([("alice", "A1", 1L), ("bob", "B1", 1L), ("alice", "A2", 2L), ("alice", "A3", 3L), ("bob", "B2", 2L)], rows.Select(r => (r.UserId, r.Title, r.Number)));
        Assert.All(rows, r => Assert.Null(r.DueAt));
        Assert.All(rows, r => Assert.Equal(Data.Model.TaskPriority.None, r.Priority));
        Assert.Equal([false, false, false, true, false], rows.Select(r => r.CompletedAt is not null));
        var store = new TaskStore(after, TimeProvider.System, new TaskLimits());
        Assert.Equal(4, (await store.AddAsync(TaskOwner.From("alice", null), "A4", null)).Value!.Number);
        Assert.Equal(1, (await store.AddAsync(TaskOwner.From("carol", null), "C1", null)).Value!.Number);
    }
}
