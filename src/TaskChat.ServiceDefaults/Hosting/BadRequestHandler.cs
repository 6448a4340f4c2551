using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// A request the server could not read (<see cref="BadHttpRequestException"/>: a malformed or too
/// large body) is the client's mistake: its 4xx problem, and one Information line without a stack
/// trace, so that an anonymous client cannot fill the log with error-level stacks.
/// </summary>
internal sealed partial class BadRequestHandler(ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, badRequest.Message);
        await ProblemResponses.WriteAsync(httpContext, badRequest.StatusCode, ProblemResponses.CodeFor(badRequest.StatusCode),
            ProblemResponses.BadRequestDetail(badRequest));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request {Method} {Path} ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, PathString path, int status, string reason);
}
