using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Api.Chat;
using TaskChat.Api.Conversations;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Limits;
using TaskChat.Data.Model;
using TaskChat.Data.Tasks;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// What a chat turn asks of the database: the statements of its start and its save (no savepoint,
/// no SELECT before the update, one transaction each), the history a turn reads, and many turns at once
/// all stored (on SQLite the writers wait for the file's lock instead of failing).
/// </summary>
public abstract class ChatTurnStorageTests(ChatSystem system)
{
    private static string NewUser() => "store-" + Guid.NewGuid().ToString("N")[..10];

    protected RunningService Api => system.Api;

    [SkippableFact]
    public async Task SavingATurnOfAnExistingConversationIsOneStatementOnPostgresAndAnUpdateAndTheInsertsOnSqlite()
    {
        var user = NewUser();
        long id;
        await using (var setup = NewContext(out _))
        {
            var store = new ConversationStore(setup, TimeProvider.System);
            id = await store.StartAsync(user, "add buy milk", 100) ?? throw new InvalidOperationException("Not started.");
        }
        await using var db = NewContext(out var commands, withPragmas: false);
        var saved = await new ConversationStore(db, TimeProvider.System).SaveTurnAsync(user, id, "add buy milk", "Added “Buy milk”.", null);

        Assert.Equal(id, saved);
        Assert.DoesNotContain(commands, c => c.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase));
        if (Api.Services.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Postgres)
        {
            // One statement (no BEGIN/COMMIT round trips): the owner-checked UPDATE, the messages' INSERT and the key's reply in one WITH.
            var statement = Assert.Single(commands);
            Assert.StartsWith("WITH updated AS", statement.TrimStart(), StringComparison.Ordinal);
            Assert.Contains("INSERT INTO messages", statement, StringComparison.Ordinal);
        }
        else
        {
            // UPDATE conversations ... WHERE id and owner; then one INSERT per message.
            Assert.DoesNotContain(commands, c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
            Assert.StartsWith("UPDATE", commands[0].TrimStart(), StringComparison.OrdinalIgnoreCase);
            Assert.All(commands.Skip(1), c => Assert.Contains("INSERT INTO", c, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(3, commands.Count);
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([MessageRoles.User, MessageRoles.Assistant], messages.Select(m => m.Role));
    }

    [SkippableFact]
    public async Task Empty_conversations_an_hour_old_are_removed_and_every_other_one_kept()
    {
        // What an api that died mid-turn leaves: the conversation its first turn started, with no message.
        var user = NewUser();
        var now = DateTime.UtcNow;
        var old = now - AbandonedConversationPruning.Age - TimeSpan.FromMinutes(1);
        var recent = now - TimeSpan.FromMinutes(5); // A turn may still be running into it.
        await using (var seed = system.Database.CreateDbContext())
        {
            seed.Conversations.AddRange(
                new Conversation { UserId = user, Title = "abandoned", CreatedAt = old, UpdatedAt = old },
                new Conversation { UserId = user, Title = "recent", CreatedAt = recent, UpdatedAt = recent },
                new Conversation
                {
                    UserId = user, Title = "answered", CreatedAt = old, UpdatedAt = old,
                    Messages = [new Message { UserId = user, Role = MessageRoles.User, Content = "add buy milk", CreatedAt = old }],
                });
            await seed.SaveChangesAsync();
        }

        await using (var db = system.Database.CreateDbContext())
        {
            Assert.True(await new ConversationStore(db, TimeProvider.System).RemoveAbandonedAsync(now - AbandonedConversationPruning.Age) >= 1);
        }

        await using var check = system.Database.CreateDbContext();
        Assert.Equal(["answered", "recent"], await check.Conversations.Where(c => c.UserId == user).OrderBy(c => c.Title).Select(c => c.Title).ToListAsync());
        Assert.Contains(Api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), service => service is AbandonedConversationPruning);
    }

    [SkippableFact]
    public async Task StartingAConversationCreatesNoSavepoint()
    {
        await using var db = NewContext(out var commands);

        var id = await new ConversationStore(db, TimeProvider.System).StartAsync(NewUser(), "add buy milk", 100);

        Assert.NotNull(id);
        Assert.DoesNotContain(commands, c => c.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase));
        Assert.True(db.Database.AutoSavepointsEnabled, "The store turns savepoints back on for the context's next user.");
    }

    [SkippableFact]
    public async Task A_task_write_makes_no_automatic_savepoints_and_inside_a_callers_transaction_only_its_own()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        await using var db = NewContext(out var commands, withPragmas: false);
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits());

        Assert.True((await store.AddAsync(owner, "Buy milk", null)).Succeeded);
        Assert.DoesNotContain(commands, c => c.StartsWith("SAVEPOINT", StringComparison.Ordinal));
        Assert.True(db.Database.AutoSavepointsEnabled, "The store turns automatic savepoints back on when it is done.");
        if (system.Api.Services.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Postgres)
        {
            // The task number, the "tasks changed" notification and the task's INSERT in one statement, its own transaction.
            var statement = Assert.Single(commands);
            Assert.StartsWith("WITH counter AS", statement.TrimStart(), StringComparison.Ordinal);
            Assert.Contains("pg_notify", statement, StringComparison.Ordinal);
            Assert.Contains("INSERT INTO tasks", statement, StringComparison.Ordinal);
        }

        // As the mcp's idempotent tool calls run it: inside their transaction, only the store's own savepoint
        // (what lets a refused write roll back and the key still keep its answer), none around each SaveChanges.
        commands.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True((await store.AddAsync(owner, "Buy bread", null)).Succeeded);
            Assert.False((await store.CompleteAsync(owner, 1_000_000)).Succeeded);
            await transaction.CommitAsync();
        }
        Assert.Equal(2, commands.Count(c => c.StartsWith("SAVEPOINT", StringComparison.Ordinal)));
        Assert.DoesNotContain(commands, c => c.StartsWith("RELEASE", StringComparison.Ordinal)); // The commit ends the savepoints: no round trip each.
        Assert.Equal(["Buy milk", "Buy bread"], await db.Tasks.AsNoTracking().Where(t => t.UserId == owner.UserId).OrderBy(t => t.Number).Select(t => t.Title).ToListAsync());
    }

    [SkippableFact]
    public async Task Completing_or_deleting_a_task_touches_the_counter_in_the_writes_statement_on_postgres_and_only_when_it_wrote()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        var onPostgres = system.Api.Services.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Postgres;
        // Before the write's statement runs, another request deletes one of the tasks: the write then finds nothing.
        var goneFirst = 0L;
        var concurrentDelete = new BeforeCommand("UPDATE tasks SET deleted_at", async () =>
        {
            if (goneFirst != 0)
            {
                await using var other = NewContext(out _);
                await other.Database.ExecuteSqlAsync($"UPDATE tasks SET deleted_at = {DateTime.UtcNow} WHERE id = {goneFirst}");
                goneFirst = 0;
            }
        });
        var ends = new TransactionEnds();
        await using var db = NewContext(out var commands, withPragmas: false, concurrentDelete, ends);
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits());
        var milk = (await store.AddAsync(owner, "Buy milk", null)).Value!;
        var bread = (await store.AddAsync(owner, "Buy bread", null)).Value!;
        var eggs = (await store.AddAsync(owner, "Buy eggs", null)).Value!;
        async Task<long> VersionAsync() =>
            await db.UserTaskCounters.AsNoTracking().Where(c => c.UserId == owner.UserId).Select(c => c.Version).SingleAsync();
        var added = await VersionAsync();

        commands.Clear();
        var commitsBefore = ends.Commits;
        Assert.Null((await store.CompleteAsync(owner, milk.Number)).Error);
        var completing = commands.ToList();
        commands.Clear();
        Assert.Null((await store.DeleteAsync(owner, bread.Number)).Error);
        var deleting = commands.ToList();
        var afterWrites = await VersionAsync();

        Assert.Equal(added + 2, afterWrites);
        if (onPostgres)
        {
            // (On SQLite the other writer would have to wait for this transaction's lock: no race to stage.)
            goneFirst = eggs.Id;
            var lost = await store.DeleteAsync(owner, eggs.Number);
            Assert.Equal(TaskErrorKind.NotFound, lost.Error?.Kind);
            Assert.Equal(afterWrites, await VersionAsync()); // The write found nothing: the counter is not touched.

            // The task's read, then the write with the counter, the notification and the COMMIT: no statement
            // of the counter's own, and no COMMIT in a round trip of its own (the driver's).
            foreach (var (statements, write) in new[] { (completing, "UPDATE tasks SET completed = TRUE"), (deleting, "UPDATE tasks SET deleted_at") })
            {
                Assert.Equal(2, statements.Count);
                Assert.StartsWith("SELECT", statements[0].TrimStart(), StringComparison.Ordinal);
                Assert.StartsWith("WITH written AS (" + write, statements[1].TrimStart(), StringComparison.Ordinal);
                Assert.Contains("pg_notify", statements[1], StringComparison.Ordinal);
                Assert.EndsWith("COMMIT", statements[1].TrimEnd(), StringComparison.Ordinal);
            }
            Assert.Equal(commitsBefore, ends.Commits);
        }
        else
        {
            Assert.Equal(commitsBefore + 2, ends.Commits);
        }
        Assert.Equal(onPostgres ? ["Buy milk"] : ["Buy milk", "Buy eggs"],
            await db.Tasks.AsNoTracking().Where(t => t.UserId == owner.UserId && t.DeletedAt == null).OrderBy(t => t.Number).Select(t => t.Title).ToListAsync());
        Assert.True(await db.Tasks.AsNoTracking().Where(t => t.Id == milk.Id).Select(t => t.Completed).SingleAsync());
    }

    [SkippableFact]
    public async Task An_added_task_is_stored_with_every_column_as_it_was_given_and_returned()
    {
        var owner = TaskOwner.From(NewUser(), "Europe/Paris");
        await using var db = NewContext(out _, withPragmas: false);
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits());
        var plain = await store.AddAsync(owner, "Plain", null);
        var full = await store.AddAsync(owner, new TaskChanges("Water the plants", "The big ones too", Due: "2031-05-06T09:30",
            Priority: "high", Recurrence: "FREQ=WEEKLY;BYDAY=TU", RepeatFrom: "completion"));
        var allDay = await store.AddAsync(owner, new TaskChanges("Pay rent", Due: "2031-06-01", Priority: "low"));
        Assert.True(plain.Succeeded && full.Succeeded && allDay.Succeeded, full.Error?.Message ?? allDay.Error?.Message);

        // Every column of the model, as the database now holds it, is what the caller got back: on PostgreSQL that
        // checks the one-statement INSERT (its columns are read from the model) against the values it was given.
        var properties = db.Model.FindEntityType(typeof(TaskItem))!.GetProperties().ToList();
        foreach (var added in new[] { plain.Value!, full.Value!, allDay.Value! })
        {
            var stored = await db.Tasks.AsNoTracking().SingleAsync(t => t.UserId == owner.UserId && t.Number == added.Number);
            Assert.All(properties, p => Assert.Equal(p.GetGetter().GetClrValueUsingContainingEntity(added), p.GetGetter().GetClrValueUsingContainingEntity(stored)));
        }
        Assert.Equal([1L, 2L, 3L], new[] { plain.Value!.Number, full.Value!.Number, allDay.Value!.Number });
        Assert.Equal(TaskPriority.High, full.Value!.Priority);
        Assert.Equal(RepeatFrom.Completion, full.Value.RepeatFrom);
        Assert.Equal(new DateOnly(2031, 6, 1), allDay.Value!.DueDate);
        Assert.Null(plain.Value!.Description);
    }

    [SkippableFact]
    public async Task At_the_limit_an_add_is_refused_without_using_up_a_number_and_after_a_delete_the_next_one_takes_it()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        await using var db = NewContext(out var commands, withPragmas: false);
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits(MaxTasksPerUser: 2));
        Assert.True((await store.AddAsync(owner, "One", null)).Succeeded);
        Assert.True((await store.AddAsync(owner, "Two", null)).Succeeded);

        commands.Clear();
        var refused = await store.AddAsync(owner, "Three", null);
        Assert.Equal(TaskErrorKind.LimitReached, refused.Error?.Kind);
        if (system.Api.Services.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Postgres)
        {
            // The one statement added nothing (the number would pass the limit); EF's path then counted and refused.
            Assert.StartsWith("WITH counter AS", commands[0].TrimStart(), StringComparison.Ordinal);
            Assert.Contains(commands, c => c.Contains("count(*)", StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(2, await db.UserTaskCounters.AsNoTracking().Where(c => c.UserId == owner.UserId).Select(c => c.LastNumber).SingleAsync());

        Assert.True((await store.DeleteAsync(owner, 1)).Succeeded);
        var third = await store.AddAsync(owner, "Three", null);
        Assert.True(third.Succeeded, third.Error?.Message);
        Assert.Equal(3, third.Value!.Number); // Past the limit's numbers, counted: two live tasks again (the deleted one is not counted).
        Assert.Equal(["Two", "Three"], await db.Tasks.AsNoTracking().Where(t => t.UserId == owner.UserId && t.DeletedAt == null).OrderBy(t => t.Number).Select(t => t.Title).ToListAsync());
    }

    [SkippableFact]
    public async Task Adds_of_one_user_at_the_same_time_never_pass_the_limit_nor_share_a_number()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        var outcomes = new ConcurrentBag<TaskOutcome<TaskItem>>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            await using var db = NewContext(out _, withPragmas: false);
            outcomes.Add(await new TaskStore(db, TimeProvider.System, new TaskLimits(MaxTasksPerUser: 10)).AddAsync(owner, "Parallel " + i, null, cancellationToken));
        });

        Assert.Equal(10, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(TaskErrorKind.LimitReached, o.Error?.Kind));
        await using var check = NewContext(out _);
        Assert.Equal([.. Enumerable.Range(1, 10).Select(n => (long)n)],
            await check.Tasks.AsNoTracking().Where(t => t.UserId == owner.UserId).OrderBy(t => t.Number).Select(t => t.Number).ToListAsync());
    }

    [SkippableFact]
    public async Task A_callers_first_write_can_go_without_a_savepoint_and_giving_up_rolls_back_the_callers_transaction()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        await using var db = NewContext(out var commands, withPragmas: false);
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits(MaxTasksPerUser: 1));
        Assert.True((await store.AddAsync(owner, "Buy milk", null)).Succeeded);
        var versionBefore = await db.UserTaskCounters.AsNoTracking().Where(c => c.UserId == owner.UserId).Select(c => c.Version).SingleAsync();

        // As the mcp runs a keyed call: the write first, in the call's transaction, with no savepoint.
        commands.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            TaskWriteSavepoint.SkipForFirstWrite(transaction);
            // Past the limit: the write bumps the counter, then gives up and rolls back the caller's whole transaction.
            var refused = await store.AddAsync(owner, "Buy bread", null);
            Assert.Equal(TaskErrorKind.LimitReached, refused.Error?.Kind);
            Assert.Null(db.Database.CurrentTransaction);
            // A write after that would commit on its own, outside the caller's transaction: refused, not done.
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.CompleteAsync(owner, 1));
        }
        Assert.DoesNotContain(commands, c => c.StartsWith("SAVEPOINT", StringComparison.Ordinal));
        Assert.Equal(versionBefore, await db.UserTaskCounters.AsNoTracking().Where(c => c.UserId == owner.UserId).Select(c => c.Version).SingleAsync());
        Assert.Equal(["Buy milk"], await db.Tasks.AsNoTracking().Where(t => t.UserId == owner.UserId).Select(t => t.Title).ToListAsync());

        // Taken once: the next write in the same transaction opens its own, so that giving up it keeps the first.
        commands.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            TaskWriteSavepoint.SkipForFirstWrite(transaction);
            Assert.True((await store.CompleteAsync(owner, 1)).Succeeded);
            Assert.False((await store.DeleteAsync(owner, 2)).Succeeded);
            Assert.Same(transaction, db.Database.CurrentTransaction);
            await transaction.CommitAsync();
        }
        Assert.Single(commands, c => c.StartsWith("SAVEPOINT", StringComparison.Ordinal));
        Assert.True(await db.Tasks.AsNoTracking().Where(t => t.UserId == owner.UserId && t.Number == 1).Select(t => t.Completed).SingleAsync());
    }

    [SkippableFact]
    public async Task A_transactions_last_statement_carries_its_commit_on_postgres_and_a_failed_one_commits_nothing()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        var ends = new TransactionEnds();
        await using var db = NewContext(out var commands, withPragmas: false, ends);
        var onPostgres = db.Database.IsNpgsql();
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits(MaxTasksPerUser: 10));
        FormattableString KeyWithResult(string key) => $"""
            INSERT INTO idempotent_tool_calls (user_id, key, tool, request_hash, created_at, is_error, result)
            VALUES ({owner.UserId}, {key}, {"add_task"}, {"hash"}, {DateTime.UtcNow}, {false}, {"{}"})
            """;

        // As the mcp ends a keyed call: the write, then the key with its result and the COMMIT.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            TaskWriteSavepoint.SkipForFirstWrite(transaction);
            Assert.True((await store.AddAsync(owner, "Buy milk", null)).Succeeded);
            commands.Clear();
            var changed = await CommitWithStatement.ExecuteAndCommitAsync(db, transaction, KeyWithResult("k1"), CancellationToken.None);
            Assert.Equal(1, changed);
            if (onPostgres)
            {
                // Npgsql read the COMMIT from the server's reply: the transaction is complete, so its dispose sends no ROLLBACK.
                var completed = Assert.Throws<InvalidOperationException>(() => transaction.GetDbTransaction().IsolationLevel);
                Assert.Contains("has completed", completed.Message, StringComparison.Ordinal);
            }
        }
        if (onPostgres)
        {
            var last = Assert.Single(commands);
            Assert.EndsWith("COMMIT", last.TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(0, ends.Commits); // Not Npgsql's own COMMIT, a second round trip.
        }
        else
        {
            Assert.Equal(1, ends.Commits);
        }
        await using (var other = NewContext(out _))
        {
            Assert.Equal("{}", await other.IdempotentToolCalls.Where(c => c.UserId == owner.UserId).Select(c => c.Result).SingleAsync());
            Assert.Equal(["Buy milk"], await other.Tasks.Where(t => t.UserId == owner.UserId).Select(t => t.Title).ToListAsync());
        }

        // A last statement that fails commits nothing: the server skips the COMMIT after it, and the dispose rolls back.
        // Here the key is taken already (a repeat of the call): the write before it is undone with it.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            TaskWriteSavepoint.SkipForFirstWrite(transaction);
            Assert.True((await store.AddAsync(owner, "Buy bread", null)).Succeeded);
            var taken = await Assert.ThrowsAnyAsync<DbException>(() => CommitWithStatement.ExecuteAndCommitAsync(db, transaction, KeyWithResult("k1"), CancellationToken.None));
            Assert.True(DatabaseErrors.IsUniqueViolation(taken), taken.Message);
        }
        await using (var other = NewContext(out _))
        {
            Assert.Equal(["k1"], await other.IdempotentToolCalls.Where(c => c.UserId == owner.UserId).Select(c => c.Key).ToListAsync());
            Assert.Equal(["Buy milk"], await other.Tasks.Where(t => t.UserId == owner.UserId).Select(t => t.Title).ToListAsync());
        }

        // The context goes on as before (what the failed transaction tracked let go, as the mcp does): its next transaction commits the usual way.
        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True((await store.AddAsync(owner, "Buy eggs", null)).Succeeded);
            await transaction.CommitAsync();
        }
        Assert.Equal(["Buy eggs", "Buy milk"], await db.Tasks.AsNoTracking().Where(t => t.UserId == owner.UserId).Select(t => t.Title).OrderBy(t => t).ToListAsync());
    }

    [SkippableFact]
    public async Task A_keyed_turns_count_claims_its_key_within_the_limit_and_never_past_it()
    {
        var user = NewUser();
        // One command (ADO.NET: EF's interceptors do not see it), the count first, the claim second.
        await using var db = NewContext(out _, withPragmas: false);
        var counter = new ChatTurnCounter(db, TimeProvider.System);

        var first = await counter.CountAsync(user, limit: 2, new TurnKeyClaim("key-1", "hash-1"), start: null, continues: null, CancellationToken.None);
        Assert.Equal(new TurnCount(null, KeyClaimed: true), first);

        // Within the limit, a key that has a row is not claimed again (ChatTurnKeys then reads that row).
        Assert.Equal(new TurnCount(null, KeyClaimed: false), await counter.CountAsync(user, 2, new TurnKeyClaim("key-1", "hash-1"), start: null, continues: null, CancellationToken.None));
        // Past it: 429's Retry-After, and the new key stays free for when the window is over.
        var limited = await counter.CountAsync(user, 2, new TurnKeyClaim("key-2", "hash-2"), start: null, continues: null, CancellationToken.None);
        Assert.False(limited.KeyClaimed);
        Assert.InRange(limited.RetryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(["key-1"], await db.IdempotentChatTurns.AsNoTracking().Where(t => t.UserId == user).Select(t => t.Key).ToListAsync());
        Assert.Equal(3, await db.ChatTurnWindows.AsNoTracking().Where(w => w.UserId == user).Select(w => w.Turns).SingleAsync());
        // Without a key (a request refused before its key is read, or sent without one), the count alone.
        Assert.NotNull((await counter.CountAsync(user, 2, claim: null, start: null, continues: null, CancellationToken.None)).RetryAfter);
        Assert.Equal(4, await db.ChatTurnWindows.AsNoTracking().Where(w => w.UserId == user).Select(w => w.Turns).SingleAsync());
    }

    [SkippableFact]
    public async Task A_turns_count_commits_without_waiting_for_the_disk_only_for_itself_and_leaves_its_connection_as_it_was()
    {
        var user = NewUser();
        await using var db = NewContext(out _, withPragmas: false);
        var counter = new ChatTurnCounter(db, TimeProvider.System);
        var onPostgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(); // Held open: the count's command and the checks below share the connection, as a pooled one is shared.
        if (onPostgres)
        {
            // The session as a production server has it (the test cluster turns it off for speed): each commit waits for its WAL.
            await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = on");
        }

        var counted = await counter.CountAsync(user, 4, new TurnKeyClaim("key-1", "hash-1"), new ConversationStart("add buy milk", Limit: 2), continues: null, CancellationToken.None);

        // The count's result sets are read past set_config's row: the claim and the start as before.
        Assert.True(counted.KeyClaimed);
        Assert.Equal(onPostgres, counted.StartedConversationId is not null);
        Assert.Equal(1, await db.ChatTurnWindows.AsNoTracking().Where(w => w.UserId == user).Select(w => w.Turns).SingleAsync());
        if (onPostgres)
        {
            // set_config(…, true) is the command's own transaction's: the next one on this connection (a pooled connection's
            // next user, the turn's save) waits for the disk again. Set for the session, the save's commit would not.
            Assert.Equal("on", await db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").SingleAsync());
        }
    }

    [SkippableFact]
    public async Task A_new_conversations_first_turn_is_started_in_its_counts_command_on_postgres_only_when_the_turn_may_run()
    {
        var user = NewUser();
        await using var db = NewContext(out _, withPragmas: false);
        var counter = new ChatTurnCounter(db, TimeProvider.System);
        var onPostgres = db.Database.IsNpgsql();
        var start = new ConversationStart("add buy milk", Limit: 2);

        var first = await counter.CountAsync(user, 4, new TurnKeyClaim("key-1", "hash-1"), start, continues: null, CancellationToken.None);
        // The key has a row: nothing started (ChatTurnKeys reads the row; a replay needs no conversation).
        var taken = await counter.CountAsync(user, 4, new TurnKeyClaim("key-1", "hash-1"), start, continues: null, CancellationToken.None);
        // Without a key, within the limit: started.
        var keyless = await counter.CountAsync(user, 4, claim: null, start, continues: null, CancellationToken.None);
        // At the conversation limit: the key is claimed (the api releases it), nothing started.
        var atLimit = await counter.CountAsync(user, 4, new TurnKeyClaim("key-2", "hash-2"), start, continues: null, CancellationToken.None);
        // Past the rate limit: neither claimed nor started.
        var limited = await counter.CountAsync(user, 4, new TurnKeyClaim("key-3", "hash-3"), start with { Limit = 100 }, continues: null, CancellationToken.None);

        var conversations = await db.Conversations.AsNoTracking().Where(c => c.UserId == user).OrderBy(c => c.Id).ToListAsync();
        if (onPostgres)
        {
            Assert.True(first.KeyClaimed);
            Assert.NotNull(first.StartedConversationId);
            Assert.Equal(new TurnCount(null, KeyClaimed: false), taken);
            Assert.False(keyless.KeyClaimed);
            Assert.NotNull(keyless.StartedConversationId);
            Assert.Equal(new TurnCount(null, KeyClaimed: true, StartedConversationId: null, AtConversationLimit: true), atLimit);
            Assert.Equal([first.StartedConversationId!.Value, keyless.StartedConversationId!.Value], conversations.Select(c => c.Id));
            Assert.All(conversations, c => Assert.Equal("add buy milk", c.Title));
        }
        else
        {
            // SQLite: the turn starts its conversation itself (ConversationStore), as before.
            Assert.Equal(new TurnCount(null, KeyClaimed: true), first);
            Assert.Equal(new TurnCount(null, KeyClaimed: false), keyless);
            Assert.Equal(new TurnCount(null, KeyClaimed: true), atLimit);
            Assert.Empty(conversations);
        }
        Assert.NotNull(limited.RetryAfter);
        Assert.False(limited.KeyClaimed);
        Assert.Null(limited.StartedConversationId);
        Assert.False(limited.AtConversationLimit);
        Assert.Equal(["key-1", "key-2"], await db.IdempotentChatTurns.AsNoTracking().Where(t => t.UserId == user).OrderBy(t => t.Key).Select(t => t.Key).ToListAsync());
    }

    [SkippableFact]
    public async Task A_continued_conversations_history_is_read_in_its_counts_command_on_postgres_as_the_store_reads_it()
    {
        var user = NewUser();
        await using var db = NewContext(out _, withPragmas: false);
        var conversations = new ConversationStore(db, TimeProvider.System);
        var counter = new ChatTurnCounter(db, TimeProvider.System);
        var onPostgres = db.Database.IsNpgsql();
        var chat = (await conversations.StartAsync(user, "add buy milk", limit: 10))!.Value;
        for (var i = 0; i < 12; i++)
        {
            await conversations.SaveTurnAsync(user, chat, $"add buy milk {i}", $"Added buy milk {i}.",
                i % 2 == 0 ? $$$"""[{"tool":"add_task","arguments":{"title":"buy milk {{{i}}}"},"result":{"ok":true}}]""" : null);
        }
        var empty = (await conversations.StartAsync(user, "hello", limit: 10))!.Value;
        var othersUser = NewUser();
        var others = (await conversations.StartAsync(othersUser, "add secret", limit: 10))!.Value;
        await conversations.SaveTurnAsync(othersUser, others, "add secret", "Added secret.", null);

        var read = await counter.CountAsync(user, 10, new TurnKeyClaim("key-1", "hash-1"), start: null,
            new HistoryRead(chat, ChatTurnRunner.HistoryMessages), CancellationToken.None);
        var ofEmpty = await counter.CountAsync(user, 10, claim: null, start: null, new HistoryRead(empty, ChatTurnRunner.HistoryMessages), CancellationToken.None);
        var ofOthers = await counter.CountAsync(user, 10, claim: null, start: null, new HistoryRead(others, ChatTurnRunner.HistoryMessages), CancellationToken.None);
        var missing = await counter.CountAsync(user, 10, claim: null, start: null, new HistoryRead(long.MaxValue, ChatTurnRunner.HistoryMessages), CancellationToken.None);

        Assert.True(read.KeyClaimed);
        if (!onPostgres)
        {
            // SQLite: the turn reads it itself (ConversationStore), as before.
            Assert.All<TurnCount>([read, ofEmpty, ofOthers, missing], c => Assert.Null(c.History));
            return;
        }
        var expected = await conversations.LastMessagesAsync(user, chat, ChatTurnRunner.HistoryMessages);
        Assert.Equal(ChatTurnRunner.HistoryMessages, expected!.Count);
        Assert.True(read.History!.Found);
        Assert.Equal(
            expected.Select(m => (m.Id, m.ConversationId, m.UserId, m.Role, m.Content, m.ToolCalls, m.CreatedAt)),
            read.History.Messages.Select(m => (m.Id, m.ConversationId, m.UserId, m.Role, m.Content, m.ToolCalls, m.CreatedAt)));
        Assert.Equal("add buy milk 2", read.History.Messages[0].Content); // The last twenty, oldest first.
        Assert.Contains("add_task", read.History.Messages.First(m => m.ToolCalls is not null).ToolCalls, StringComparison.Ordinal);
        Assert.True(ofEmpty.History!.Found); // The user's, with no messages yet.
        Assert.Empty(ofEmpty.History.Messages);
        Assert.False(ofOthers.History!.Found); // Another user's: as if missing (404), and none of its messages.
        Assert.Empty(ofOthers.History.Messages);
        Assert.False(missing.History!.Found);

        // Past the rate limit nothing is returned for the turn to use.
        var limited = await counter.CountAsync(user, 4, claim: null, start: null, new HistoryRead(chat, ChatTurnRunner.HistoryMessages), CancellationToken.None);
        Assert.NotNull(limited.RetryAfter);
        Assert.Null(limited.History);
    }

    [SkippableFact]
    public async Task A_list_asks_for_tags_and_reminders_only_of_the_tasks_that_have_them()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        await using var db = NewContext(out var commands, withPragmas: false);
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits());
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await store.AddAsync(owner, "Plain task " + i, null)).Succeeded);
        }

        commands.Clear();
        var plain = await store.ListAsync(owner, TaskListQuery.Default);
        Assert.Equal(3, plain.Tasks.Count);
        Assert.Single(commands); // The page alone: no task has tags or reminders.

        var due = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await store.AddAsync(owner, new TaskChanges("Tagged", Tags: ["home", "work"]))).Succeeded);
        Assert.True((await store.AddAsync(owner, new TaskChanges("Reminded", Due: due, Reminders: ["PT1H"]))).Succeeded);
        commands.Clear();
        var mixed = await store.ListAsync(owner, TaskListQuery.Default);
        Assert.Equal(3, commands.Count); // The page, the tags of the one tagged task, the reminders of the one reminded.
        Assert.Contains("task_tags", commands[1], StringComparison.Ordinal);
        Assert.Contains("task_reminders", commands[2], StringComparison.Ordinal);
        Assert.Equal(["home", "work"], mixed.Tasks.Single(t => t.Title == "Tagged").Tags.Select(t => t.Name).Order());
        Assert.Single(mixed.Tasks.Single(t => t.Title == "Reminded").Reminders);
        Assert.All(mixed.Tasks.Where(t => t.Title.StartsWith("Plain", StringComparison.Ordinal)), t => Assert.Empty(t.Tags));
        Assert.Empty(mixed.Tasks.Single(t => t.Title == "Tagged").Reminders);
    }

    [SkippableFact]
    public async Task A_task_is_read_with_its_tags_and_reminders_in_one_statement()
    {
        var owner = TaskOwner.From(NewUser(), "UTC");
        await using var db = NewContext(out var commands, withPragmas: false);
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits());
        var due = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var added = await store.AddAsync(owner, new TaskChanges("Buy milk", Due: due, Tags: ["home", "shopping", "weekly"], Reminders: ["PT1H", "PT2H"]));
        Assert.True(added.Succeeded, added.Error?.Message);

        commands.Clear();
        var read = await store.GetAsync(owner, added.Value!.Number);
        var statement = Assert.Single(commands);
        Assert.Contains("task_tags", statement, StringComparison.Ordinal);
        Assert.Contains("task_reminders", statement, StringComparison.Ordinal);
        // Three tags × two reminders come back as six rows: each still once on the task.
        Assert.Equal(["home", "shopping", "weekly"], read.Value!.Tags.Select(t => t.Name).Order());
        Assert.Equal(2, read.Value.Reminders.Count);
    }

    [SkippableFact]
    public async Task ATurnIntoAnotherUsersConversationSavesNothing()
    {
        var owner = NewUser();
        await using var db = NewContext(out _);
        var store = new ConversationStore(db, TimeProvider.System);
        var id = await store.StartAsync(owner, "add buy milk", 100) ?? throw new InvalidOperationException("Not started.");

        Assert.Null(await store.SaveTurnAsync(NewUser(), id, "mark it done", "Done.", null));
        Assert.Null(await store.SaveTurnAsync(owner, id + 1_000_000, "mark it done", "Done.", null));
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == id));
        Assert.NotNull(await store.SaveTurnAsync(owner, id, "mark it done", "Done.", null)); // The context is usable after a refusal.
    }

    /// <summary>
    /// Oldest first, the last twenty, and only this conversation's: the messages' read goes through the conversation's
    /// index. Before session 45 it numbered the rows of every conversation's messages (a window over the whole table) and
    /// joined the one asked for, so each turn of a long conversation read all the messages in the database.
    /// </summary>
    [SkippableFact]
    public async Task ATurnReadsTheLastTwentyMessagesOldestFirst()
    {
        var user = NewUser();
        await using var db = NewContext(out var commands);
        var store = new ConversationStore(db, TimeProvider.System);
        var id = await store.SaveTurnAsync(user, null, "message 0", "reply 0", null) ?? throw new InvalidOperationException("Not saved.");
        for (var i = 1; i < 15; i++)
        {
            await store.SaveTurnAsync(user, id, "message " + i, "reply " + i, null);
        }

        commands.Clear();
        var last = await store.LastMessagesAsync(user, id, 20);

        Assert.NotNull(last);
        Assert.Equal([.. Enumerable.Range(5, 10).SelectMany(i => new[] { "message " + i, "reply " + i })], last.Select(m => m.Content));
        var read = Assert.Single(commands, c => c.Contains("FROM \"messages\"", StringComparison.Ordinal) || c.Contains("FROM messages", StringComparison.Ordinal));
        Assert.DoesNotContain("ROW_NUMBER", read, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"conversation_id""?\s*=\s*@", read); // This conversation's, by its index ("m"."conversation_id" on SQLite, m.conversation_id on PostgreSQL).
        Assert.Null(await store.LastMessagesAsync(NewUser(), id, 20));
        var empty = await store.StartAsync(user, "empty", 100) ?? throw new InvalidOperationException("Not started.");
        var none = await store.LastMessagesAsync(user, empty, 20);
        Assert.NotNull(none);
        Assert.Empty(none);
    }

    [SkippableFact]
    public async Task TurnsSixteenAtATimeAreAllStoredWithTheirTasks()
    {
        var users = Enumerable.Range(0, 4).Select(_ => NewUser()).ToArray();
        var clients = users.Select(u => system.ClientFor(u)).ToArray();
        try
        {
            var replies = new ConcurrentBag<(int Status, string Body)>();
            await Parallel.ForEachAsync(Enumerable.Range(0, 48), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
            {
                using var response = await clients[i % 4].PostAsJsonAsync("api/chat", new { message = $"add parallel task {i}" }, cancellationToken);
                replies.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken)));
            });

            Assert.All(replies, r => Assert.True(r.Status == 200, $"{r.Status}: {r.Body}"));
            Assert.Equal(48, replies.Count);
            foreach (var client in clients)
            {
                var tasks = await Json.ReadAsync(await client.GetAsync("api/tasks"));
                Assert.Equal(12, tasks.GetProperty("tasks").GetArrayLength());
                var conversations = await Json.ReadAsync(await client.GetAsync("api/conversations"));
                Assert.Equal(12, conversations.GetProperty("count").GetInt32());
            }
            Assert.All(replies, r => Assert.Equal(ChatReply.Success, JsonDocument.Parse(r.Body).RootElement.GetProperty("status").GetString()));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>A context of the api's database that records the text of every command it runs.</summary>
    /// <param name="commands">The commands it runs.</param>
    /// <param name="withPragmas">Also the PRAGMAs SQLite's connection setup runs on every open.</param>
    /// <param name="also">More interceptors, after the recorder.</param>
    private TaskChatDbContext NewContext(out List<string> commands, bool withPragmas = true, params IInterceptor[] also)
    {
        var connection = system.Api.Services.GetRequiredService<DatabaseConnection>();
        var recorder = new CommandRecorder(withPragmas);
        commands = recorder.Commands;
        IInterceptor[] interceptors = [recorder, .. also];
        return connection.Provider switch
        {
            DatabaseProvider.Postgres => new PostgresTaskChatDbContext((DbContextOptions<PostgresTaskChatDbContext>)
                new DbContextOptionsBuilder<PostgresTaskChatDbContext>().UseTaskChatPostgres(connection).AddInterceptors(interceptors).Options),
            _ => new SqliteTaskChatDbContext((DbContextOptions<SqliteTaskChatDbContext>)
                new DbContextOptionsBuilder<SqliteTaskChatDbContext>().UseTaskChatSqlite(connection).AddInterceptors(interceptors).Options),
        };
    }

    /// <summary>How many times EF committed through the driver's transaction (not in a command's text).</summary>
    private sealed class TransactionEnds : DbTransactionInterceptor
    {
        public int Commits { get; private set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Commits++;
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Runs <paramref name="action"/> before each command whose text contains <paramref name="text"/> (what another request does meanwhile).</summary>
    private sealed class BeforeCommand(string text, Func<Task> action) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await RunIfMatchAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await RunIfMatchAsync(command);
            return result;
        }

        private Task RunIfMatchAsync(DbCommand command) =>
            command.CommandText.Contains(text, StringComparison.Ordinal) ? action() : Task.CompletedTask;
    }

    /// <summary>
    /// Every command's text, and every savepoint as "SAVEPOINT name" and its release as "RELEASE name": EF
    /// creates and releases savepoints through the driver's transaction (DbTransaction.SaveAsync, ReleaseAsync),
    /// not with a command of its own.
    /// </summary>
    private sealed class CommandRecorder(bool withPragmas) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public List<string> Commands { get; } = [];

        private void Record(string commandText)
        {
            if (withPragmas || !commandText.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            {
                Commands.Add(commandText);
            }
        }

        public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Savepoint("SAVEPOINT", eventData, result));

        public InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            Savepoint("SAVEPOINT", eventData, result);

        public ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Savepoint("RELEASE", eventData, result));

        public InterceptionResult ReleasingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            Savepoint("RELEASE", eventData, result);

        private InterceptionResult Savepoint(string action, TransactionEventData eventData, InterceptionResult result)
        {
            Commands.Add(action + " " + eventData.TransactionId);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class SqliteChatTurnStorageTests(SqliteChatSystem chat) : ChatTurnStorageTests(chat), IClassFixture<SqliteChatSystem>
{
    [Fact]
    public async Task SqliteConnectionsWaitForTheLockWithSqlitesOwnBusyTimeout()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(30_000L, (long)(await command.ExecuteScalarAsync())!);
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class PostgresChatTurnStorageTests(PostgresChatSystem system) : ChatTurnStorageTests(system), IClassFixture<PostgresChatSystem>
{
    [SkippableFact]
    public async Task A_statement_the_api_runs_again_and_again_is_prepared_once_on_its_connection()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var owner = TaskOwner.From("prepared-" + Guid.NewGuid().ToString("N")[..10], "UTC");
        var store = new TaskStore(db, TimeProvider.System, new TaskLimits());
        await db.Database.OpenConnectionAsync();
        try
        {
            Assert.True((await store.AddAsync(owner, "Buy milk", null)).Succeeded);
            // Npgsql prepares a statement on its fifth use (Auto Prepare Min Usages); PostgreSQL then keeps its plan for the session.
            for (var i = 0; i < 6; i++)
            {
                Assert.Single((await store.ListAsync(owner, TaskListQuery.Default)).Tasks);
            }

            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM tasks%'";
            Assert.True((long)(await command.ExecuteScalarAsync())! >= 1, "The list's query is not among the connection's prepared statements.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
