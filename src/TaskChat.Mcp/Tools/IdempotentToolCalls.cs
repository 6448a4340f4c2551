using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Idempotency;
using TaskChat.Data.Model;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Authentication;

namespace TaskChat.Mcp.Tools;

/// <summary>
/// A tool call that writes, sent with <c>_meta: {"idempotency_key": "..."}</c>, is applied once per key
/// and user, for every tool alike (no tool knows about it). In one transaction: the key is claimed (a row
/// in idempotent_tool_calls, unique per user and key), the tool runs on the same DbContext (the request's
/// scope), and its result is stored beside the key; then all commit together, so a task is never added
/// without its key being kept, nor the key without the task. A repeat of the key gets the stored result.
/// A concurrent repeat waits at the unique key until the first commits, then loses and gets its result
/// (PostgreSQL blocks on the index entry; SQLite's write transaction is serialized already).
/// A key sent again with another tool or other arguments is refused: it names another call.
/// Read-only tools ignore the key: running them twice changes nothing.
/// </summary>
internal static class IdempotentToolCalls
{
    private const string MetaPath = "_meta." + IdempotencyKeys.MetaName;

    // A claim that loses the race may find the winner rolled back (it failed): it then claims again.
    private const int Attempts = 3;

    public static async ValueTask<CallToolResult> RunAsync(
        RequestContext<CallToolRequestParams> context, McpServerTool tool,
        McpRequestHandler<CallToolRequestParams, CallToolResult> next, CancellationToken cancellationToken)
    {
        if (context.Params?.Meta is not { } meta || !meta.TryGetPropertyValue(IdempotencyKeys.MetaName, out var node)
            || tool.ProtocolTool.Annotations?.ReadOnlyHint == true)
        {
            return await next(context, cancellationToken);
        }
        var key = node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (IdempotencyKeys.Problem(key, IdempotencyKeys.MaxToolCallKeyLength, MetaPath) is { } problem)
        {
            return ToolResults.Error(ToolErrorCodes.Validation, problem);
        }
        var userId = context.User?.GetUserId() ?? throw new InvalidOperationException("An authenticated MCP request has no subject.");
        var db = context.Services!.GetRequiredService<TaskChatDbContext>();
        var clock = context.Services!.GetRequiredService<TimeProvider>();
        var call = new IdempotentToolCall
        {
            UserId = userId,
            Key = key!,
            Tool = tool.ProtocolTool.Name,
            RequestHash = IdempotencyRecords.Hash(tool.ProtocolTool.Name, CanonicalArguments(context.Params.Arguments)),
        };

        for (var attempt = 1; ; attempt++)
        {
            if (await TryApplyAsync(db, call, clock, () => next(context, cancellationToken), cancellationToken) is { } applied)
            {
                return applied;
            }
            var stored = await db.IdempotentToolCalls.AsNoTracking()
                .SingleOrDefaultAsync(c => c.UserId == call.UserId && c.Key == call.Key, cancellationToken);
            if (stored is not null)
            {
                if (stored.RequestHash == call.RequestHash && stored.Result is { } result)
                {
                    // Operators see how often an answer was lost and the call sent again (the key is the caller's: not logged).
                    context.Services!.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdempotentToolCalls))
                        .LogInformation("Tool {Tool} was sent again with an idempotency key it had applied: answered with the stored result", call.Tool);
                    return ToolResults.Stored(result, stored.IsError);
                }
                return ToolResults.Error(ToolErrorCodes.Validation,
                        $"This {MetaPath} was already used for another call ({stored.Tool} with other arguments): send a new key for a new call.");
            }
            if (attempt == Attempts)
            {
                throw new InvalidOperationException("An idempotency key kept being claimed and released.");
            }
        }
    }

    /// <returns>The tool's result, or null when the key was already claimed (then the caller reads the stored one).</returns>
    private static async Task<CallToolResult?> TryApplyAsync(
        TaskChatDbContext db, IdempotentToolCall claim, TimeProvider clock, Func<ValueTask<CallToolResult>> run, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim and the result are one statement each, not EF's SaveChanges (change tracking and
        // command building for one row, and an exception for a taken key): ON CONFLICT DO NOTHING (SQLite
        // and PostgreSQL) claims nothing when the key has a row, and on PostgreSQL first waits for a
        // concurrent claim of the same key to commit or roll back. A failed claim ends the transaction;
        // the tool's writes have their own savepoint (TaskStoreTransaction), so a write that gives up
        // undoes only itself and its error result is still stored under the key. That savepoint goes in
        // the claim's command: one round trip less in every keyed write (TaskWriteSavepoint).
        var claimed = await TaskWriteSavepoint.ExecuteAndOpenAsync(db, $"""
            INSERT INTO idempotent_tool_calls (user_id, key, tool, request_hash, created_at, is_error)
            VALUES ({claim.UserId}, {claim.Key}, {claim.Tool}, {claim.RequestHash}, {now}, {false})
            ON CONFLICT (user_id, key) DO NOTHING
            """, cancellationToken);
        if (!claimed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var result = await run();
        if (IsTransient(result))
        {
            // Nothing to remember: the database or a bug stopped the tool, and a retry should run it again.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        }
        var stored = ToolResults.EnvelopeJson(result);
        var isError = result.IsError == true;
        // The result and the COMMIT in one command: one round trip less in every keyed write.
        await CommitWithStatement.ExecuteAndCommitAsync(db, transaction,
            $"UPDATE idempotent_tool_calls SET result = {stored}, is_error = {isError} WHERE user_id = {claim.UserId} AND key = {claim.Key}", cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    private static bool IsTransient(CallToolResult result) =>
        result.IsError == true && result.StructuredContent is { ValueKind: JsonValueKind.Object } envelope
        && envelope.TryGetProperty("code", out var code)
        && code.GetString() is ToolErrorCodes.Unavailable or ToolErrorCodes.Internal;

    /// <summary>The arguments in name order, so that a retry that lists them in another order is the same call.</summary>
    private static string CanonicalArguments(IDictionary<string, JsonElement>? arguments)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in (arguments ?? new Dictionary<string, JsonElement>()).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(JsonSerializer.Serialize(name)).Append('=').Append(value.ValueKind == JsonValueKind.Undefined ? "null" : value.GetRawText()).Append('\n');
        }
        return text.ToString();
    }
}
