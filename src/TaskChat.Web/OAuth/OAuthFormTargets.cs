using OpenIddict.Abstractions;
using TaskChat.Web.Security;

namespace TaskChat.Web.OAuth;

/// <summary>
/// The strict CSP allows forms to post to this site only (form-action 'self'), and Chromium applies
/// that to the redirects after the post too: the consent form's answer, and a sign-in that returns
/// to /oauth/authorize, end at the client's redirect URI. Those two pages add that one origin, once
/// the redirect URI is checked against the client's registration.
/// </summary>
internal sealed class OAuthFormTargets(IOpenIddictApplicationManager applications)
{
    /// <summary>The client's redirect origin when <paramref name="clientId"/> may use <paramref name="redirectUri"/>, else null.</summary>
    public async Task<string?> RedirectOriginAsync(string? clientId, string? redirectUri, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(redirectUri) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is not null && await applications.ValidateRedirectUriAsync(application, redirectUri, cancellationToken)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
    }

    /// <summary>For the sign-in page: the redirect origin of the authorization request its return URL names, if any.</summary>
    public async Task AllowReturnUrlTargetAsync(HttpContext context, string? returnUrl)
    {
        if (returnUrl is null || !returnUrl.StartsWith(OAuthPaths.Authorize + "?", StringComparison.Ordinal))
        {
            return;
        }
        var query = QueryHelpers(returnUrl[(OAuthPaths.Authorize.Length + 1)..]);
        Allow(context, await RedirectOriginAsync(query.GetValueOrDefault("client_id"), query.GetValueOrDefault("redirect_uri"), context.RequestAborted));
    }

    public static void Allow(HttpContext context, string? origin)
    {
        if (origin is not null)
        {
            context.Items[BrowserSecurityHeaders.ExtraFormActionKey] = origin;
        }
    }

    private static Dictionary<string, string> QueryHelpers(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .Where(p => p.Value.Count == 1)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}
