using System.Globalization;
using TaskChat.Contract;
using TaskChat.Data.Limits;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Chat;

/// <summary>
/// CHAT_TURNS_PER_MINUTE per user, counted in the database (<see cref="ChatTurnCounter"/>) so that it
/// holds across api replicas: a turn beyond it is 429 rate_limited with Retry-After, before the turn starts.
/// </summary>
internal static class ChatRateLimit
{
    public static RouteGroupBuilder RequireChatRateLimit(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var userId = http.User.GetUserId() ?? "anonymous";
            var settings = http.RequestServices.GetRequiredService<ApiSettings>();
            var counter = http.RequestServices.GetRequiredService<ChatTurnCounter>();
            if (await counter.TryCountAsync(userId, settings.ChatTurnsPerMinute, http.RequestAborted) is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ProblemResponses.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
                    $"Too many messages: at most {settings.ChatTurnsPerMinute} a minute. Please wait a moment.");
            }
            return await next(context);
        });
}
