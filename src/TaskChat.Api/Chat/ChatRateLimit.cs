using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Contract;
using TaskChat.Data.Limits;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Chat;

/// <summary>
/// CHAT_TURNS_PER_MINUTE per user, counted in the database (<see cref="ChatTurnCounter"/>) so that it
/// holds across api replicas: a turn beyond it is 429 rate_limited with Retry-After, before the turn starts.
/// Every request to the chat endpoints counts, refused ones too. Counted by the handler, not a filter in
/// front of it: a turn with an Idempotency-Key has its key claimed in the count's command (one round trip).
/// </summary>
internal static class ChatRateLimit
{
    public static ProblemHttpResult TooManyTurns(HttpContext http, int limit, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ProblemResponses.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            $"Too many messages: at most {limit} a minute. Please wait a moment.");
    }
}
