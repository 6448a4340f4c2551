using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Data.Tasks;

namespace TaskChat.Api.Infrastructure;

/// <summary>
/// The api's error answers as typed results, so the OpenAPI document lists them. Each goes through
/// the problem details service, which adds traceId (and the code when none is given).
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, extensions: Code("not_found"));

    public static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, extensions: Code("validation"));

    public static ProblemHttpResult Status(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: Code(code));

    /// <summary>A task rule broken (422) or a task that is missing or another user's (404: the same answer).</summary>
    public static ProblemHttpResult From(TaskError error) => error.Kind == TaskErrorKind.NotFound
        ? NotFound(error.Message)
        : Invalid(error.Message);

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
