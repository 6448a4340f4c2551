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
/// and user, for every tool alike (no tool knows about it). In one transaction: the tool runs on the same
/// DbContext (the request's scope), then the key is stored with the result (a row in idempotent_tool_calls,
/// unique per user and key) in the COMMIT's command, so a task is never added without its key being kept,
/// nor the key without the task. A key that already has a row makes that INSERT fail: the transaction rolls
/// back (the tool's write with it) and the call is answered with the stored result. So a repeat, or a
/// concurrent one, runs the tool too but only one of them commits (PostgreSQL's INSERT waits for a concurrent
/// transaction holding the same key to end; SQLite's write transactions are serialized already).
/// A key sent again with another tool or other arguments is refused: it names another call.
/// Read-only tools ignore the key: running them twice changes nothing.
/// </summary>
internal static class IdempotentToolCalls
{
    private const string MetaPath = "_meta." + IdempotencyKeys.MetaName;

    // A key found taken and then gone (pruned in between): the call runs again.
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

    /// <returns>The tool's result, or null when the key already had a row (then the caller reads the stored one).</returns>
    private static async Task<CallToolResult?> TryApplyAsync(
        TaskChatDbContext db, IdempotentToolCall call, TimeProvider clock, Func<ValueTask<CallToolResult>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyAsync(db, call, clock, run, cancellationToken);
        }
        finally
        {
            // Whatever the tool tracked is written or rolled back by now, and this context serves the next attempt.
            db.ChangeTracker.Clear();
            TaskWriteSavepoint.CallEnded(db);
        }
    }

    private static async Task<CallToolResult?> ApplyAsync(
        TaskChatDbContext db, IdempotentToolCall call, TimeProvider clock, Func<ValueTask<CallToolResult>> run, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        CallToolResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The key is stored last, so nothing precedes the tool's first write: it needs no savepoint of its own.
            TaskWriteSavepoint.SkipForFirstWrite(transaction);
            result = await run();
            if (IsTransient(result) || Is(result, ToolErrorCodes.AccountDeleted))
            {
                // Nothing to remember: the database or a bug stopped the tool, and a retry should run it again;
                // or the account was deleted, and a key kept for it would be a row of the user written after its deletion.
                if (db.Database.CurrentTransaction == transaction)
                {
                    await transaction.RollbackAsync(cancellationToken);
                }
                return result;
            }
            if (db.Database.CurrentTransaction == transaction)
            {
                // The key with the result and the COMMIT in one command: the tool's statements, then this, two round
                // trips for a one-statement write. A taken key stops the command before its COMMIT.
                try
                {
                    await CommitWithStatement.ExecuteAndCommitAsync(db, transaction, Insert(call, now, result), cancellationToken);
                    return result;
                }
                catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return null;
                }
            }
        }
        // The tool's write gave up and rolled the transaction back (TaskWriteSavepoint): nothing it did is left,
        // so its result (not found, a concurrent change, the limit) is stored on its own, the same INSERT.
        try
        {
            await db.Database.ExecuteSqlAsync(Insert(call, now, result), cancellationToken);
            return result;
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return null;
        }
    }

    // No ON CONFLICT: a key with a row is an error, which ends the transaction before the COMMIT that follows.
    private static FormattableString Insert(IdempotentToolCall call, DateTime now, CallToolResult result) => $"""
        INSERT INTO idempotent_tool_calls (user_id, key, tool, request_hash, created_at, is_error, result)
        VALUES ({call.UserId}, {call.Key}, {call.Tool}, {call.RequestHash}, {now}, {result.IsError == true}, {ToolResults.EnvelopeJson(result)})
        """;

    private static bool IsTransient(CallToolResult result) => Is(result, ToolErrorCodes.Unavailable) || Is(result, ToolErrorCodes.Internal);

    private static bool Is(CallToolResult result, string errorCode) =>
        result.IsError == true && result.StructuredContent is { ValueKind: JsonValueKind.Object } envelope
        && envelope.TryGetProperty("code", out var code)
        && code.GetString() == errorCode;

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
