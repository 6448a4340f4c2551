using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Data.Hosting;

/// <summary>
/// A request that failed because the database is down (<see cref="DatabaseErrors.IsUnavailable"/>)
/// is an outage, not a bug: 503 <c>database_unavailable</c> with Retry-After, and one warning line
/// with the short reason, no stack trace, so that an outage under load does not flood the log.
/// Any other exception goes on to the generic 500 (logged with its stack).
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>What Retry-After says: about the time a restarted database takes to accept connections.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Detail = "The database is unavailable. Please try again in a few seconds.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseErrors.IsUnavailable(exception))
        {
            return false;
        }
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, DatabaseErrors.ShortReason(exception));
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await ProblemResponses.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable, Detail);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, string reason);
}
