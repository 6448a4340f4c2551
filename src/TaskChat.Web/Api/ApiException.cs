namespace TaskChat.Web.Api;

/// <summary>An api answer the pages must react to: its status and the problem's <c>detail</c>.</summary>
public sealed class ApiException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;
}
