using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// RFC 9457 problem details everywhere: every error body carries <c>traceId</c> (to find the log
/// lines) and a machine-readable <c>code</c>, and never a stack trace, SQL or a connection string.
/// </summary>
public static class ProblemResponses
{
    public static IServiceCollection AddTaskChatProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The framework names its own trace member through the JSON naming policy ("trace_id" in
            // the snake_case api); the contract's member is traceId, in every service.
            problem.Extensions.Remove("trace_id");
            problem.Extensions["traceId"] = TraceId(context.HttpContext);
            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode);
            }
            if (context.Exception is not null && problem.Status >= 500)
            {
                problem.Detail = "Something went wrong on our side. Please try again.";
            }
            else if (context.Exception is BadHttpRequestException badRequest)
            {
                problem.Detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request could not be read.";
            }
        });

    /// <summary>Status codes of errors raised below the endpoints (a too-large body is 413, not 500).</summary>
    public static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException badRequest => badRequest.StatusCode,
        OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static async Task WriteAsync(HttpContext httpContext, int status, string code, string detail)
    {
        httpContext.Response.StatusCode = status;
        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = TitleFor(status),
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    public static string TraceId(HttpContext httpContext) =>
        Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;

    public static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "validation",
        429 => "rate_limited",
        503 => "unavailable",
        504 => "timeout",
        >= 500 => "internal",
        _ => "error",
    };

    private static string TitleFor(int status) => status switch
    {
        401 => "Unauthorized",
        403 => "Forbidden",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
