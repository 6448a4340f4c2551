using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// A token whose account was deleted after it was minted (its id in deleted_accounts; the web's side is tested in the
/// web's AccountDeletionTests): add_task, plain, with tags (EF's path), or under an idempotency key, is refused with
/// <c>account_deleted</c> and writes nothing: no task, no counter, no key. Another user adds as before.
/// </summary>
public abstract class DeletedAccountToolTests(McpServerFixture server)
{
    [SkippableFact]
    public async Task An_add_for_a_deleted_account_is_refused_and_writes_nothing_with_or_without_a_key()
    {
        var gone = "gone-" + Guid.NewGuid().ToString("N")[..10];
        var client = await server.ClientForAsync(gone);
        await using (var db = server.Database.CreateDbContext())
        {
            db.DeletedAccounts.Add(new DeletedAccount { UserId = gone, DeletedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var plain = await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Buy milk" });
        var tagged = await ToolReply.CallAsync(client, ToolNames.AddTask,
            new Dictionary<string, object?> { [ToolArguments.Title] = "Pay rent", [ToolArguments.Tags] = new List<string> { "home" } });
        var (keyed, _) = await IdempotentToolCallTests.CallWithKeyAsync(client, ToolNames.AddTask, Guid.NewGuid().ToString(),
            new Dictionary<string, object?> { [ToolArguments.Title] = "Buy eggs" });

        foreach (var reply in new[] { plain, tagged, keyed })
        {
            Assert.True(reply.IsError, reply.Json.ToString());
            Assert.Equal(ToolErrorCodes.AccountDeleted, reply.Code);
        }
        await using (var db = server.Database.CreateDbContext())
        {
            Assert.False(await db.Tasks.AnyAsync(t => t.UserId == gone));
            Assert.False(await db.UserTaskCounters.AnyAsync(c => c.UserId == gone));
            Assert.False(await db.IdempotentToolCalls.AnyAsync(c => c.UserId == gone));
        }
        var other = await server.ClientForAsync("kept-" + Guid.NewGuid().ToString("N")[..10]);
        Assert.False((await ToolReply.CallAsync(other, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Buy milk" })).IsError);
    }
}

public sealed class SqliteDeletedAccountToolTests(SqliteMcpServer server) : DeletedAccountToolTests(server), IClassFixture<SqliteMcpServer>;

public sealed class PostgresDeletedAccountToolTests(PostgresMcpServer server) : DeletedAccountToolTests(server), IClassFixture<PostgresMcpServer>;
