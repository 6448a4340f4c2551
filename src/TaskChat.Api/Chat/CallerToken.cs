using System.Net.Http.Headers;

namespace TaskChat.Api.Chat;

/// <summary>
/// The bearer token of the request being served, for the MCP calls it makes. The api's one MCP
/// client is shared by every user; each HTTP request it sends carries the token of the chat turn
/// that caused it, so the mcp sees the same user the api did and nobody else's tasks.
/// </summary>
public static class CallerToken
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Value => Current.Value;

    /// <summary>Sets the token for the rest of this async flow (the chat turn).</summary>
    public static void Set(string? token) => Current.Value = token;

    /// <summary>The raw token from an Authorization: Bearer header, or null.</summary>
    public static string? FromHeader(string? authorization) =>
        AuthenticationHeaderValue.TryParse(authorization, out var value) && value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? value.Parameter
            : null;
}

/// <summary>Puts the current turn's token on every request of the shared MCP HttpClient.</summary>
public sealed class ForwardCallerTokenHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = CallerToken.Value is { } token ? new AuthenticationHeaderValue("Bearer", token) : null;
        return base.SendAsync(request, cancellationToken);
    }
}
