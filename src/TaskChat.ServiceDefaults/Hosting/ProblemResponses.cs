using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Contract;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// RFC 9457 problem details everywhere: every error body carries <c>traceId</c> (to find the log
/// lines) and a machine-readable <c>code</c> (<see cref="ProblemCodes"/>), and never a stack trace,
/// SQL or a connection string. Endpoints answer with the typed results below, so the OpenAPI
/// document lists them; middleware writes with <see cref="WriteAsync"/>.
/// </summary>
public static class ProblemResponses
{
    /// <summary>The problem details member that holds the code.</summary>
    public const string CodeMember = "code";

    /// <summary>What a bug (500 internal) says: never the exception's own words.</summary>
    public const string InternalErrorDetail = "Something went wrong on our side. Please try again.";

    public static IServiceCollection AddTaskChatProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The framework names its own trace member through the JSON naming policy ("trace_id" in
            // the snake_case api); the contract's member is traceId, in every service.
            problem.Extensions.Remove("trace_id");
            problem.Extensions["traceId"] = TraceId(context.HttpContext);
            if (!problem.Extensions.ContainsKey(CodeMember))
            {
                problem.Extensions[CodeMember] = CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode);
            }
            if (context.Exception is not null && problem.Status >= 500)
            {
                problem.Detail = InternalErrorDetail;
            }
            else if (context.Exception is BadHttpRequestException badRequest)
            {
                problem.Detail = BadRequestDetail(badRequest);
            }
        });

    /// <summary>What a request the server could not read is told: never the parser's own words.</summary>
    public static string BadRequestDetail(BadHttpRequestException badRequest) =>
        badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.";

    /// <summary>An error answer with its code; the problem details service adds traceId.</summary>
    public static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { [CodeMember] = code });

    /// <summary>Missing, or another user's: the same 404 either way.</summary>
    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, detail);

    /// <summary>Input that breaks a rule: 422.</summary>
    public static ProblemHttpResult Invalid(string detail) => Problem(StatusCodes.Status422UnprocessableEntity, ProblemCodes.Validation, detail);

    /// <summary>Fields that break a rule: 422 with <c>errors</c> per field, and all their messages as the detail.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = string.Join(" ", errors.Values.SelectMany(e => e)),
            Extensions = { [CodeMember] = ProblemCodes.Validation },
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
                Extensions = { [CodeMember] = code },
            },
        });
    }

    public static string TraceId(HttpContext httpContext) =>
        Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;

    public static string CodeFor(int status) => status switch
    {
        400 => ProblemCodes.BadRequest,
        401 => ProblemCodes.Unauthorized,
        403 => ProblemCodes.Forbidden,
        404 => ProblemCodes.NotFound,
        405 => ProblemCodes.MethodNotAllowed,
        413 => ProblemCodes.PayloadTooLarge,
        415 => ProblemCodes.UnsupportedMediaType,
        422 => ProblemCodes.Validation,
        429 => ProblemCodes.RateLimited,
        503 => ProblemCodes.Unavailable,
        504 => ProblemCodes.Timeout,
        >= 500 => ProblemCodes.Internal,
        _ => ProblemCodes.Error,
    };

    private static string TitleFor(int status) => status switch
    {
        401 => "Unauthorized",
        403 => "Forbidden",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
