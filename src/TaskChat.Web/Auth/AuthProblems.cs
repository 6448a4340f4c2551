using Microsoft.AspNetCore.Http.HttpResults;

namespace TaskChat.Web.Auth;

/// <summary>The auth endpoints' error answers; each goes through the problem details service (traceId, code).</summary>
internal static class AuthProblems
{
    /// <summary>Fields that break a rule: 422 with <c>errors</c> per field, as the api answers invalid input.</summary>
    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = string.Join(" ", errors.Values.SelectMany(e => e)),
            Extensions = { ["code"] = "validation" },
        });

    public static ProblemHttpResult Status(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: Code(code));

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
