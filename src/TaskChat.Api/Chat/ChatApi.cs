using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TaskChat.Api.Conversations;
using TaskChat.Api.Infrastructure;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Authentication;
using ClaimsPrincipal = System.Security.Claims.ClaimsPrincipal;

namespace TaskChat.Api.Chat;

/// <summary>POST /api/chat.</summary>
public sealed record ChatRequest(string? Message, long? ConversationId);

/// <summary>The answer to a chat turn.</summary>
public sealed record ChatReply(long ConversationId, string Response, IReadOnlyList<ToolCallRecord> ToolCalls, string Status = "success");

/// <summary>
/// The chat endpoints: one turn of the agent, as one JSON answer or as server-sent events
/// (conversation, tool_call, tool_result, delta, done; or error).
/// </summary>
public static class ChatApi
{
    public const int MaxMessageLength = 4000;
    public const string RateLimitPolicy = "chat";

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder endpoints)
    {
        var chat = endpoints.MapGroup("/api/chat").WithTags("Chat").RequireAuthorization().RequireRateLimiting(RateLimitPolicy);
        chat.MapPost("/", ChatAsync).WithName("Chat");
        chat.MapPost("/stream", StreamAsync).WithName("ChatStream")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return endpoints;
    }

    internal static async Task<Results<Ok<ChatReply>, ProblemHttpResult>> ChatAsync(
        ChatRequest request, ClaimsPrincipal user, HttpContext http, ChatTurnRunner runner, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        CallerToken.Set(CallerToken.FromHeader(http.Request.Headers.Authorization));
        try
        {
            var turn = await runner.RunAsync(user.GetUserId()!, request.ConversationId, request.Message!.Trim(), events: null, cancellationToken);
            return TypedResults.Ok(new ChatReply(turn.ConversationId, turn.Response, turn.ToolCalls));
        }
        catch (Exception e) when (ProblemFor(e) is { } problem)
        {
            return problem;
        }
    }

    internal static async Task StreamAsync(
        ChatRequest request, ClaimsPrincipal user, HttpContext http, ChatTurnRunner runner, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            await invalid.ExecuteAsync(http);
            return;
        }
        CallerToken.Set(CallerToken.FromHeader(http.Request.Headers.Authorization));
        using var stream = new ServerSentEvents(http.Response, json.Value.SerializerOptions);
        try
        {
            var turn = await runner.RunAsync(user.GetUserId()!, request.ConversationId, request.Message!.Trim(), stream.WriteAsync, cancellationToken);
            await stream.WriteAsync("done", new ChatReply(turn.ConversationId, turn.Response, turn.ToolCalls));
        }
        catch (Exception e) when (ProblemFor(e) is { } problem)
        {
            if (!stream.Started)
            {
                await problem.ExecuteAsync(http); // Nothing sent yet: a plain problem answer, status code and all.
                return;
            }
            await stream.WriteAsync("error", new { code = problem.ProblemDetails.Extensions["code"], detail = problem.ProblemDetails.Detail, status = problem.StatusCode });
        }
        catch (Exception e) when (stream.Started && e is not OperationCanceledException && !http.RequestAborted.IsCancellationRequested)
        {
            // A bug after the first event: the status line is gone, so say it in the stream.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatApi)).LogError(e, "Chat stream failed");
            await stream.WriteAsync("error", new { code = "internal", detail = "Something went wrong on our side. Please try again.", status = StatusCodes.Status500InternalServerError });
        }
    }

    private static ProblemHttpResult? Validate(ChatRequest request)
    {
        var message = request.Message?.Trim();
        if (string.IsNullOrEmpty(message))
        {
            return ApiProblems.Invalid("message cannot be empty.");
        }
        if (message.Length > MaxMessageLength)
        {
            return ApiProblems.Invalid($"message must be at most {MaxMessageLength} characters.");
        }
        if (!TaskRules.IsStorable(message))
        {
            return ApiProblems.Invalid("message contains characters that are not allowed (control characters or broken Unicode).");
        }
        if (request.ConversationId is <= 0)
        {
            return ConversationsApi.NotFound(request.ConversationId.Value);
        }
        return null;
    }

    /// <summary>The contract's answers for a failed turn; null for a bug (500, logged by the exception handler).</summary>
    private static ProblemHttpResult? ProblemFor(Exception e) => e switch
    {
        ConversationNotFoundException => ApiProblems.NotFound(e.Message),
        McpUnavailableException => ApiProblems.Status(StatusCodes.Status503ServiceUnavailable, "mcp_unavailable", "Service temporarily unavailable. Please try again."),
        McpTimeoutException => ApiProblems.Status(StatusCodes.Status504GatewayTimeout, "mcp_timeout", "The task service took too long to answer. Please try again."),
        LlmUnavailableException => ApiProblems.Status(StatusCodes.Status503ServiceUnavailable, "llm_unavailable", "The assistant is temporarily unavailable. Please try again."),
        _ => null,
    };

    /// <summary>Writes `event: name` + one `data: json` line per event, flushed at once.</summary>
    private sealed class ServerSentEvents(HttpResponse response, JsonSerializerOptions options) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public bool Started { get; private set; }

        public async Task WriteAsync(string name, object data)
        {
            await _gate.WaitAsync();
            try
            {
                if (!Started)
                {
                    response.StatusCode = StatusCodes.Status200OK;
                    response.ContentType = "text/event-stream";
                    response.Headers.CacheControl = "no-cache";
                    response.Headers["X-Accel-Buffering"] = "no"; // Proxies must not hold the stream back.
                    Started = true;
                }
                await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, options)}\n\n");
                await response.Body.FlushAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }
}
