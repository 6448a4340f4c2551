using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.Mcp.Tools;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// A write sent with <c>_meta.idempotency_key</c> is applied once per key and user, whatever the tool:
/// a repeat (a retry after a lost answer) gets the first result, concurrent repeats make one row.
/// </summary>
public abstract class IdempotentToolCallTests(McpServerFixture server)
{
    private static string NewUser() => "idem-" + Guid.NewGuid().ToString("N")[..10];

    private static string NewKey() => Guid.NewGuid().ToString();

    internal static async Task<(ToolReply Reply, bool Replayed)> CallWithKeyAsync(McpClient client, string tool, JsonNode? key, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? [], options: new RequestOptions
        {
            Meta = new JsonObject { [IdempotencyKeys.MetaName] = key },
        });
        var replayed = result.Meta?[ToolResults.ReplayedMeta]?.GetValue<bool>() == true;
        return (ToolReply.From(result), replayed);
    }

    private static Dictionary<string, object?> Title(string title) => new() { [ToolArguments.Title] = title };

    // The user's tasks not deleted (a deleted one is kept for a restore).
    private async Task<int> RowsAsync(string user)
    {
        await using var db = server.Database.CreateDbContext();
        return await db.Tasks.CountAsync(t => t.UserId == user && t.DeletedAt == null);
    }

    [SkippableFact]
    public async Task An_add_sent_twice_with_one_key_makes_one_row_and_answers_the_same_task_twice()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var key = NewKey();

        var (first, firstReplayed) = await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("Buy milk"));
        var (again, againReplayed) = await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("Buy milk"));

        Assert.False(first.IsError, first.Json.ToString());
        Assert.Equal(first.Json.ToString(), again.Json.ToString());
        Assert.False(firstReplayed);
        Assert.True(againReplayed);
        Assert.Equal(1, await RowsAsync(user));
        await using var db = server.Database.CreateDbContext();
        var record = await db.IdempotentToolCalls.SingleAsync(c => c.UserId == user);
        Assert.Equal(ToolNames.AddTask, record.Tool);
        Assert.Equal(key, record.Key);
    }

    [SkippableFact]
    public async Task A_keyed_add_runs_the_write_first_and_stores_the_key_with_its_result_and_the_commit()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        using var log = new EfCommandLog(user);

        var (added, _) = await CallWithKeyAsync(client, ToolNames.AddTask, NewKey(), Title("Buy milk"));

        Assert.False(added.IsError, added.Json.ToString());
        var commands = log.Commands();
        Assert.DoesNotContain("SAVEPOINT", commands);
        var last = commands[^1];
        Assert.StartsWith("INSERT INTO idempotent_tool_calls", last.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("ON CONFLICT", last, StringComparison.Ordinal);
        if (server.Provider == DatabaseProvider.Postgres)
        {
            // Two round trips: the task (Npgsql sends the BEGIN with it), then the key with its result and the COMMIT.
            Assert.Equal(2, commands.Count);
            Assert.StartsWith("WITH counter AS", commands[0].TrimStart(), StringComparison.Ordinal);
            Assert.EndsWith("COMMIT", last.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Concurrent_adds_with_one_key_make_one_row_and_all_get_that_task()
    {
        var user = NewUser();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.ClientForAsync(user)));
        var key = NewKey();

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => CallWithKeyAsync(clients[i % 4], ToolNames.AddTask, key, Title("Pay rent"))));

        Assert.All(replies, r => Assert.False(r.Reply.IsError, r.Reply.Json.ToString()));
        Assert.Single(replies.Select(r => r.Reply.Data.GetProperty("task_id").GetInt64()).Distinct());
        Assert.Equal(11, replies.Count(r => r.Replayed));
        Assert.Equal(1, await RowsAsync(user));
    }

    [SkippableFact]
    public async Task The_same_key_of_another_user_is_another_call()
    {
        var (alice, bob) = (NewUser(), NewUser());
        var key = NewKey();

        var (forAlice, _) = await CallWithKeyAsync(await server.ClientForAsync(alice), ToolNames.AddTask, key, Title("Alice's task"));
        var (forBob, bobReplayed) = await CallWithKeyAsync(await server.ClientForAsync(bob), ToolNames.AddTask, key, Title("Bob's task"));

        Assert.False(forBob.IsError, forBob.Json.ToString());
        Assert.False(bobReplayed);
        // Task numbers are per user (both are task 1): the titles tell the two calls apart.
        Assert.Equal("Alice's task", forAlice.Data.GetProperty("title").GetString());
        Assert.Equal("Bob's task", forBob.Data.GetProperty("title").GetString());
        Assert.Equal(1, await RowsAsync(alice));
        Assert.Equal(1, await RowsAsync(bob));
    }

    [SkippableFact]
    public async Task A_key_sent_again_for_another_call_is_refused_and_changes_nothing()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var key = NewKey();
        await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("Buy milk"));

        var (otherTitle, _) = await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("Buy bread"));
        var (otherTool, _) = await CallWithKeyAsync(client, ToolNames.DeleteTask, key, new() { [ToolArguments.TaskId] = 1 });

        foreach (var refused in new[] { otherTitle, otherTool })
        {
            Assert.True(refused.IsError);
            Assert.Equal(ToolErrorCodes.Validation, refused.Code);
            Assert.Contains("idempotency_key", refused.Error, StringComparison.Ordinal);
        }
        Assert.Equal(1, await RowsAsync(user));
    }

    [SkippableFact]
    public async Task Every_write_tool_is_applied_once_per_key_and_answered_again_with_its_first_result()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var id = (await ToolReply.CallAsync(client, ToolNames.AddTask, Title("Buy milk"))).Data.GetProperty("task_id").GetInt64();
        var (updateKey, completeKey, deleteKey) = (NewKey(), NewKey(), NewKey());
        var rename = new Dictionary<string, object?> { [ToolArguments.TaskId] = id, [ToolArguments.Title] = "Buy oat milk" };
        var byId = new Dictionary<string, object?> { [ToolArguments.TaskId] = id };

        var updated = await CallWithKeyAsync(client, ToolNames.UpdateTask, updateKey, rename);
        var completed = await CallWithKeyAsync(client, ToolNames.CompleteTask, completeKey, byId);
        var deleted = await CallWithKeyAsync(client, ToolNames.DeleteTask, deleteKey, byId);
        // Each retried after the task is gone: without keys, these would be "not found".
        var updatedAgain = await CallWithKeyAsync(client, ToolNames.UpdateTask, updateKey, rename);
        var completedAgain = await CallWithKeyAsync(client, ToolNames.CompleteTask, completeKey, byId);
        var deletedAgain = await CallWithKeyAsync(client, ToolNames.DeleteTask, deleteKey, byId);

        foreach (var (first, again) in new[] { (updated, updatedAgain), (completed, completedAgain), (deleted, deletedAgain) })
        {
            Assert.False(first.Reply.IsError, first.Reply.Json.ToString());
            Assert.Equal(first.Reply.Json.ToString(), again.Reply.Json.ToString());
            Assert.True(again.Replayed);
        }
        Assert.Equal(0, await RowsAsync(user));
    }

    [SkippableFact]
    public async Task A_refused_write_is_remembered_too_so_a_repeat_gets_the_same_refusal()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var key = NewKey();

        var (first, _) = await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("   "));
        var (again, replayed) = await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("   "));

        Assert.True(first.IsError);
        Assert.Equal(ToolErrorCodes.Validation, first.Code);
        Assert.Equal(first.Json.ToString(), again.Json.ToString());
        Assert.True(replayed);
        Assert.Equal(0, await RowsAsync(user));
    }

    [SkippableFact]
    public async Task A_write_that_gives_up_after_reading_is_remembered_so_a_repeat_gets_the_same_answer()
    {
        // Not found after its read: the write rolls back the call's transaction, and its answer is stored alone.
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var key = NewKey();
        var missing = new Dictionary<string, object?> { [ToolArguments.TaskId] = 7 };

        var (first, _) = await CallWithKeyAsync(client, ToolNames.DeleteTask, key, missing);
        var (again, replayed) = await CallWithKeyAsync(client, ToolNames.DeleteTask, key, missing);

        Assert.True(first.IsError);
        Assert.Equal(ToolErrorCodes.NotFound, first.Code);
        Assert.Equal(first.Json.ToString(), again.Json.ToString());
        Assert.True(replayed);
        await using var db = server.Database.CreateDbContext();
        var record = await db.IdempotentToolCalls.SingleAsync(c => c.UserId == user);
        Assert.True(record.IsError);
    }

    [SkippableFact]
    public async Task Concurrent_completions_of_a_repeating_task_with_one_key_make_one_next_occurrence_and_all_get_the_first_answer()
    {
        // Each call runs the tool; the ones that lose either find the key taken at their COMMIT, or find the task
        // completed already and give up: all answer with the stored result, and one occurrence follows.
        var user = NewUser();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.ClientForAsync(user)));
        var id = (await ToolReply.CallAsync(clients[0], ToolNames.AddTask, new Dictionary<string, object?>
        {
            [ToolArguments.Title] = "Water the plants",
            [ToolArguments.Due] = "2031-05-06",
            [ToolArguments.Recurrence] = "FREQ=WEEKLY",
        })).Data.GetProperty("task_id").GetInt64();
        var key = NewKey();

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            CallWithKeyAsync(clients[i % 4], ToolNames.CompleteTask, key, new() { [ToolArguments.TaskId] = id })));

        Assert.All(replies, r => Assert.False(r.Reply.IsError, r.Reply.Json.ToString()));
        Assert.Single(replies.Select(r => r.Reply.Json.ToString()).Distinct());
        Assert.Equal(7, replies.Count(r => r.Replayed));
        Assert.Equal(2, await RowsAsync(user));
    }

    [SkippableFact]
    public async Task A_read_only_tool_ignores_the_key_and_keeps_no_record()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var key = NewKey();

        var (before, _) = await CallWithKeyAsync(client, ToolNames.ListTasks, key);
        await ToolReply.CallAsync(client, ToolNames.AddTask, Title("Buy milk"));
        var (after, replayed) = await CallWithKeyAsync(client, ToolNames.ListTasks, key);

        Assert.Equal(0, before.Data.GetProperty("count").GetInt32());
        Assert.Equal(1, after.Data.GetProperty("count").GetInt32());
        Assert.False(replayed);
        await using var db = server.Database.CreateDbContext();
        Assert.False(await db.IdempotentToolCalls.AnyAsync(c => c.UserId == user));
    }

    [SkippableFact]
    public async Task Keys_older_than_the_retention_are_pruned_and_newer_ones_kept()
    {
        var user = NewUser();
        var now = new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);
        await using (var seed = server.Database.CreateDbContext())
        {
            foreach (var (key, age) in new[] { ("old", TimeSpan.FromHours(25)), ("recent", TimeSpan.FromHours(23)) })
            {
                seed.IdempotentToolCalls.Add(new() { UserId = user, Key = key, Tool = ToolNames.AddTask, RequestHash = new string('0', 64), Result = "{}", CreatedAt = now - age });
                seed.IdempotentChatTurns.Add(new() { UserId = user, Key = key, RequestHash = new string('0', 64), CreatedAt = now - age, ClaimedAt = now - age });
            }
            await seed.SaveChangesAsync();
        }

        await using var db = server.Database.CreateDbContext();
        await TaskChat.Data.Idempotency.IdempotencyRecords.PruneAsync(db, now);

        Assert.Equal(["recent"], await db.IdempotentToolCalls.Where(c => c.UserId == user).Select(c => c.Key).ToListAsync());
        Assert.Equal(["recent"], await db.IdempotentChatTurns.Where(t => t.UserId == user).Select(t => t.Key).ToListAsync());
    }

    public static TheoryData<string, JsonNode?> BadKeys => new()
    {
        { "empty", "" },
        { "too long", new string('k', IdempotencyKeys.MaxToolCallKeyLength + 1) },
        { "space", "two words" },
        { "slash", "a/b" },
        { "quote", "a\"b" },
        { "NUL", "a\u0000b" },
        { "newline", "a\nb" },
        { "non-ASCII", "ключ" },
        { "a number", 42 },
        { "an object", new JsonObject { ["key"] = "x" } },
        { "null", null },
    };

    [SkippableTheory]
    [MemberData(nameof(BadKeys))]
    public async Task A_malformed_key_is_a_validation_error_and_writes_nothing(string what, JsonNode? key)
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);

        var (reply, _) = await CallWithKeyAsync(client, ToolNames.AddTask, key?.DeepClone(), Title("Buy milk"));

        Assert.True(reply.IsError, what);
        Assert.Equal(ToolErrorCodes.Validation, reply.Code);
        Assert.Contains("_meta.idempotency_key", reply.Error, StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(user));
    }

    [SkippableFact]
    public async Task The_longest_allowed_key_works()
    {
        var user = NewUser();
        var client = await server.ClientForAsync(user);
        var key = "k:" + new string('x', IdempotencyKeys.MaxToolCallKeyLength - 2);

        var (first, _) = await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("Buy milk"));
        var (again, replayed) = await CallWithKeyAsync(client, ToolNames.AddTask, key, Title("Buy milk"));

        Assert.False(first.IsError, first.Json.ToString());
        Assert.True(replayed);
        Assert.Equal(first.Json.ToString(), again.Json.ToString());
        Assert.Equal(1, await RowsAsync(user));
    }
}

public sealed class SqliteIdempotentToolCallTests(SqliteMcpServer server) : IdempotentToolCallTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresIdempotentToolCallTests(PostgresMcpServer server) : IdempotentToolCallTests(server), IClassFixture<PostgresMcpServer>;
