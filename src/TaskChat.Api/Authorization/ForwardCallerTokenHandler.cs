using System.Net.Http.Headers;

namespace TaskChat.Api.Authorization;

/// <summary>
/// Puts the current request's bearer token on every request of an HttpClient (the api's one MCP
/// client, shared by every user): whatever chat turn causes an MCP request, the mcp sees that
/// turn's caller and nobody else's tasks. Outside a request there is no token, and the mcp says 401.
/// </summary>
public sealed class ForwardCallerTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = http.HttpContext is { } context && Caller.From(context) is { } caller
            ? new AuthenticationHeaderValue("Bearer", caller.BearerToken)
            : null;
        return base.SendAsync(request, cancellationToken);
    }
}
