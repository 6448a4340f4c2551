using TaskChat.Contract;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Web.Auth;

/// <summary>
/// CSRF protection for the cookie endpoints that change state (sign-up, sign-in, sign-out). The
/// session cookie is SameSite=Lax, so a cross-site POST carries no session; on top of that these
/// endpoints take only <c>application/json</c> (a cross-site form cannot send it without a CORS
/// preflight, and the web allows no cross-origin requests), which also stops login CSRF, and a
/// request whose <c>Origin</c> is another site is refused outright (403).
/// </summary>
internal sealed class SameOriginJson(TaskChatSettings settings) : IEndpointFilter
{
    private readonly string _issuerOrigin = new Uri(settings.Auth.Issuer).GetLeftPart(UriPartial.Authority);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!request.HasJsonContentType())
        {
            return ProblemResponses.Problem(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the request as application/json.");
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0
            && !origin.Equals(_issuerOrigin, StringComparison.OrdinalIgnoreCase)
            && !origin.Equals($"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return ProblemResponses.Problem(StatusCodes.Status403Forbidden, ProblemCodes.CrossOrigin, "Requests from another site are not accepted.");
        }
        return await next(context);
    }
}
