using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Api.Authorization;
using TaskChat.Api.Conversations;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Accounts;
using TaskChat.Data.Limits;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Chat;

/// <summary>
/// The chat endpoints: one turn of the agent (<see cref="ChatTurnRunner"/>), as one JSON answer or
/// as server-sent events (conversation, tool_call, tool_result, delta, done; or error).
/// </summary>
public static class ChatApi
{
    public const int MaxMessageLength = FieldLimits.ChatMessage;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder endpoints)
    {
        // A ProblemHttpResult declares no status of its own: the errors each handler returns are listed here.
        var chat = endpoints.MapGroup("/api/chat").WithTags("Chat").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        chat.MapPost("/", ChatAsync).WithName("Chat").WithDescription(KeyDescription)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        // Once the first event is sent the status is 200: a later failure (503, 504) is an error event.
        chat.MapPost("/stream", StreamAsync).WithName("ChatStream").WithDescription(StreamDescription + " " + KeyDescription);
        return endpoints;
    }

    private const string KeyDescription =
        $"An optional `{IdempotencyKeys.Header}` header (1 to 128 letters, digits or `- _ . : ~ +`, e.g. a UUID) makes a retry safe: " +
        "sent again with the same message and conversation, it returns the finished turn's answer (header `" + IdempotencyKeys.ReplayedHeader + ": true`) " +
        "without running the tools again, 409 `" + ProblemCodes.IdempotencyKeyInUse + "` while that turn is still running, 422 `" + ProblemCodes.IdempotencyKeyReused +
        "` with another message. A failed turn frees its key: sent again, it runs again, and its writes already applied are not applied twice. Keys are per user, kept 24 hours.";

    private const string StreamDescription =
        "The same turn as POST /api/chat, as server-sent events (one `event:` and one JSON `data:` line each): " +
        $"`{ChatEventNames.Conversation}` first, a `{ChatEventNames.ToolCall}` and a `{ChatEventNames.ToolResult}` per MCP call, " +
        $"the reply in `{ChatEventNames.Delta}` pieces, then `{ChatEventNames.Done}` (data: POST /api/chat's answer) or " +
        $"`{ChatEventNames.Error}` ({{code, detail, status}}) when the turn fails after the stream started. " +
        $"While a turn runs, `{ChatEventNames.KeepAlive}` (data `{{}}`) after every 10 s without another event: skip it, or count it as a sign the api is still there.";

    internal static async Task<Results<Ok<ChatReply>, ProblemHttpResult>> ChatAsync(
        ChatRequest request, Caller caller, ChatTurnRunner runner, ChatTurnKeys keys, ChatTurnCounter counter, ApiSettings settings, IHostApplicationLifetime lifetime,
        HttpContext http, CancellationToken cancellationToken)
    {
        var start = await StartAsync(request, caller, runner, keys, counter, settings, http, cancellationToken);
        if (start.Refused is { } refused)
        {
            return refused;
        }
        if (start.Replay is { } replay)
        {
            return TypedResults.Ok(replay);
        }
        await foreach (var e in runner.RunAsync(start.Turn!, streaming: false, lifetime.ApplicationStopping, cancellationToken))
        {
            switch (e)
            {
                case TurnDone done:
                    return TypedResults.Ok(done.Reply);
                case TurnFailed failed:
                    return ProblemResponses.Problem(failed.Status, failed.Code, failed.Detail);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("The chat turn ended without done or error.");
    }

    internal static async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> StreamAsync(
        ChatRequest request, Caller caller, ChatTurnRunner runner, ChatTurnKeys keys, ChatTurnCounter counter, ApiSettings settings, IHostApplicationLifetime lifetime,
        ChatStreamKeepAlive keepAlive, HttpContext http, CancellationToken cancellationToken)
    {
        // Everything that can refuse the turn with a plain status runs before the first event.
        var start = await StartAsync(request, caller, runner, keys, counter, settings, http, cancellationToken);
        if (start.Refused is { } refused)
        {
            return refused;
        }
        http.Response.Headers["X-Accel-Buffering"] = "no"; // Proxies must not hold the stream back.
        var events = start.Replay is { } replay ? Replayed(replay) : runner.RunAsync(start.Turn!, streaming: true, lifetime.ApplicationStopping, cancellationToken);
        return TypedResults.ServerSentEvents(keepAlive.Between(ServerSentEvents(events, cancellationToken), cancellationToken));
    }

    /// <summary>The one writer of the chat events: each one `event: name` line and one `data: json` line.</summary>
    private static async IAsyncEnumerable<SseItem<object>> ServerSentEvents(
        IAsyncEnumerable<ChatEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            yield return new SseItem<object>(e.Data(), e.Name);
        }
    }

    /// <summary>A finished turn told again as a stream: its conversation, its tool calls and results, its reply in one piece, done.</summary>
    private static async IAsyncEnumerable<ChatEvent> Replayed(ChatReply reply)
    {
        yield return new ConversationStarted(reply.ConversationId);
        foreach (var call in reply.ToolCalls)
        {
            yield return new ToolCalled(call.Tool, call.Arguments);
            yield return new ToolAnswered(call.Tool, call.Result);
        }
        yield return new TextDelta(reply.Response);
        yield return new TurnDone(reply);
        await Task.CompletedTask;
    }

    /// <summary>How a request begins: a turn to run, a finished turn's reply to give again, or a refusal.</summary>
    private sealed record ChatStart(ChatTurn? Turn = null, ChatReply? Replay = null, ProblemHttpResult? Refused = null);

    /// <summary>
    /// Counts the turn against the rate limit (429), checks the request (400 a bad Idempotency-Key, 422 a
    /// bad message), then the key (409 its turn is still running, 422 it was used for another request, or
    /// the stored reply of its finished turn), then starts the turn (404 a missing conversation, 409 too
    /// many conversations: the key is released). The count and the key's claim are one command.
    /// </summary>
    private static async Task<ChatStart> StartAsync(ChatRequest request, Caller caller, ChatTurnRunner runner, ChatTurnKeys keys,
        ChatTurnCounter counter, ApiSettings settings, HttpContext http, CancellationToken cancellationToken)
    {
        var headers = http.Request.Headers[IdempotencyKeys.Header];
        var clientKey = headers.Count == 1 ? headers[0] : null;
        var refused = headers.Count > 1 ? BadKey($"Send one {IdempotencyKeys.Header} header, not {headers.Count}.")
            : clientKey is not null && IdempotencyKeys.Problem(clientKey, IdempotencyKeys.MaxChatKeyLength) is { } badKey ? BadKey(badKey)
            : Validate(request);
        var message = request.Message?.Trim() ?? "";
        var claim = refused is null && clientKey is not null ? new TurnKeyClaim(clientKey, ChatTurnKeys.RequestHash(message, request.ConversationId)) : null;
        // A new conversation is started in the count's command when the turn may run (PostgreSQL): one round trip and one commit less.
        var start = refused is null && request.ConversationId is null
            ? new ConversationStart(ConversationStore.TitleFrom(message), settings.MaxConversationsPerUser) : null;
        // A continued conversation's history is read in it too (PostgreSQL): one round trip less in every turn after the first.
        var continues = refused is null && request.ConversationId is { } continued ? new HistoryRead(continued, ChatTurnRunner.HistoryMessages) : null;
        var counted = await counter.CountAsync(caller.UserId, settings.ChatTurnsPerMinute, claim, start, continues, cancellationToken);
        if (counted.AccountDeleted)
        {
            // A token minted before its account was deleted: the count refused it in the same command (DeletedAccounts).
            return new(Refused: ProblemResponses.Problem(StatusCodes.Status401Unauthorized, ProblemCodes.AccountDeleted, DeletedAccounts.Detail));
        }
        if (counted.RetryAfter is { } retryAfter)
        {
            return new(Refused: ChatRateLimit.TooManyTurns(http, settings.ChatTurnsPerMinute, retryAfter));
        }
        if (refused is not null)
        {
            return new(Refused: refused);
        }
        if (claim is not null)
        {
            var claimed = counted.KeyClaimed ? new KeyClaim.Claimed()
                : await keys.ClaimTakenAsync(caller.UserId, claim.Key, claim.RequestHash, cancellationToken);
            switch (claimed)
            {
                case KeyClaim.Done done:
                    http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
                    return new(Replay: done.Reply);
                case KeyClaim.Running:
                    http.Response.Headers.RetryAfter = "1";
                    return new(Refused: ProblemResponses.Problem(StatusCodes.Status409Conflict, ProblemCodes.IdempotencyKeyInUse,
                        $"A turn with this {IdempotencyKeys.Header} is still running: wait for its answer, or send it again in a moment to get it."));
                case KeyClaim.OtherRequest:
                    return new(Refused: ProblemResponses.Problem(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused,
                        $"This {IdempotencyKeys.Header} was already used for another message or conversation: send a new key with a new message."));
            }
        }
        // Without a key of the client's, the turn still gets one: its own retries of a write are then safe.
        var key = clientKey ?? "turn-" + Guid.NewGuid().ToString("N");
        ChatTurn? turn;
        TurnFailed? cannotStart;
        try
        {
            (turn, cannotStart) = counted.AtConversationLimit
                ? (null, ChatTurnRunner.ConversationLimitReached(settings.MaxConversationsPerUser))
                : await runner.StartAsync(caller, message, request.ConversationId, counted.StartedConversationId, counted.History, key,
                    isClientKey: clientKey is not null, cancellationToken);
        }
        catch when (clientKey is not null)
        {
            await keys.ReleaseAsync(caller.UserId, clientKey); // A database outage or a cancelled request: nothing ran.
            throw;
        }
        if (turn is null)
        {
            if (clientKey is not null)
            {
                await keys.ReleaseAsync(caller.UserId, clientKey);
            }
            return new(Refused: ProblemResponses.Problem(cannotStart!.Status, cannotStart.Code, cannotStart.Detail));
        }
        return new(Turn: turn);
    }

    private static ProblemHttpResult BadKey(string detail) =>
        ProblemResponses.Problem(StatusCodes.Status400BadRequest, ProblemCodes.InvalidIdempotencyKey, detail);

    private static ProblemHttpResult? Validate(ChatRequest request)
    {
        var message = request.Message?.Trim();
        if (string.IsNullOrEmpty(message))
        {
            return ProblemResponses.Invalid("message cannot be empty.");
        }
        if (message.Length > MaxMessageLength)
        {
            return ProblemResponses.Invalid($"message must be at most {MaxMessageLength} characters.");
        }
        if (!TaskRules.IsStorable(message))
        {
            return ProblemResponses.Invalid("message contains characters that are not allowed (control characters or broken Unicode).");
        }
        if (request.ConversationId is <= 0)
        {
            return ConversationsApi.NotFound(request.ConversationId.Value);
        }
        return null;
    }
}
