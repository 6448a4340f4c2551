namespace TaskChat.Web.Api;

/// <summary>An api answer the pages must react to: its status, the problem's <c>detail</c> and its <c>code</c> (when it has one).</summary>
public sealed class ApiException(int status, string detail, string? code = null) : Exception(detail)
{
    public int Status { get; } = status;

    /// <summary>The problem's machine-readable <c>code</c> (ProblemCodes), which tells apart two refusals of one status.</summary>
    public string? Code { get; } = code;
}
