using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Api.Authorization;
using TaskChat.Api.Conversations;
using TaskChat.Contract;
using TaskChat.Data;
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
        var chat = endpoints.MapGroup("/api/chat").WithTags("Chat").RequireAuthorization().RequireChatRateLimit()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        chat.MapPost("/", ChatAsync).WithName("Chat")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        // Once the first event is sent the status is 200: a later failure (503, 504) is an error event.
        chat.MapPost("/stream", StreamAsync).WithName("ChatStream").WithDescription(StreamDescription);
        return endpoints;
    }

    private const string StreamDescription =
        "The same turn as POST /api/chat, as server-sent events (one `event:` and one JSON `data:` line each): " +
        $"`{ChatEventNames.Conversation}` first, a `{ChatEventNames.ToolCall}` and a `{ChatEventNames.ToolResult}` per MCP call, " +
        $"the reply in `{ChatEventNames.Delta}` pieces, then `{ChatEventNames.Done}` (data: POST /api/chat's answer) or " +
        $"`{ChatEventNames.Error}` ({{code, detail, status}}) when the turn fails after the stream started.";

    internal static async Task<Results<Ok<ChatReply>, ProblemHttpResult>> ChatAsync(
        ChatRequest request, Caller caller, ChatTurnRunner runner, CancellationToken cancellationToken)
    {
        var (turn, refused) = await StartAsync(request, caller, runner, cancellationToken);
        if (turn is null)
        {
            return refused!;
        }
        await foreach (var e in runner.RunAsync(turn, streaming: false, cancellationToken))
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
        ChatRequest request, Caller caller, ChatTurnRunner runner, HttpResponse response, CancellationToken cancellationToken)
    {
        // Everything that can refuse the turn with a plain status runs before the first event.
        var (turn, refused) = await StartAsync(request, caller, runner, cancellationToken);
        if (turn is null)
        {
            return refused!;
        }
        response.Headers["X-Accel-Buffering"] = "no"; // Proxies must not hold the stream back.
        return TypedResults.ServerSentEvents(ServerSentEvents(runner.RunAsync(turn, streaming: true, cancellationToken), cancellationToken));
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

    /// <returns>The turn, or why it is refused (422, 404).</returns>
    private static async Task<(ChatTurn? Turn, ProblemHttpResult? Refused)> StartAsync(
        ChatRequest request, Caller caller, ChatTurnRunner runner, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return (null, invalid);
        }
        var turn = await runner.StartAsync(caller, request.Message!.Trim(), request.ConversationId, cancellationToken);
        return turn is null ? (null, ConversationsApi.NotFound(request.ConversationId!.Value)) : (turn, null);
    }

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
