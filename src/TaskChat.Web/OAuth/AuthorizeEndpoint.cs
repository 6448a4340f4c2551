using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using TaskChat.Data.Model;
using TaskChat.ServiceDefaults.Authentication;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TaskChat.Web.OAuth;

/// <summary>
/// /oauth/authorize, after OpenIddict has checked the request (client, redirect URI, PKCE, scopes,
/// resource): sign in first if need be (the sign-in page comes back here), then ask the person's
/// consent on /oauth/consent unless an earlier grant already covers the scopes, then issue the code.
/// The consent form posts back here with the request's parameters, its antiforgery token and the
/// person's decision.
/// </summary>
public static class AuthorizeEndpoint
{
    /// <summary>The consent form's decision field: <see cref="Allow"/> or anything else (deny).</summary>
    public const string DecisionField = "consent";
    public const string Allow = "allow";
    public const string Deny = "deny";

    /// <summary>Form fields that are the consent page's own, not the authorization request's.</summary>
    public static readonly IReadOnlySet<string> FormOnlyFields = new HashSet<string>(StringComparer.Ordinal) { DecisionField, "__RequestVerificationToken" };

    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(OAuthPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<RedirectHttpResult, SignInHttpResult, ForbidHttpResult, BadRequest>> AuthorizeAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        UserManager<TaskChatUser> users,
        IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations,
        OAuthSettings settings)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict authorization request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }
            return TypedResults.Redirect("/sign-in?ReturnUrl=" + Uri.EscapeDataString(AuthorizeUrl(context)));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict validated a client it cannot find.");
        var applicationId = (await applications.GetIdAsync(application, context.RequestAborted))!;
        var granted = OAuthScopes.Granted(request.GetScopes());

        if (HttpMethods.IsPost(context.Request.Method))
        {
            // The consent form: only a form from this site, carrying the person's decision, counts.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }
            if (context.Request.Form[DecisionField] != Allow)
            {
                return Refuse(Errors.AccessDenied, "The user denied the request.");
            }
            var created = await authorizations.CreateAsync(
                Principal(user, granted, ResourcesOf(request, settings)), user.Id, applicationId, AuthorizationTypes.Permanent,
                [.. granted], context.RequestAborted);
            return SignIn(user, granted, request, settings, (await authorizations.GetIdAsync(created, context.RequestAborted))!);
        }

        // An earlier grant of at least these scopes: no need to ask again.
        await foreach (var existing in authorizations.FindAsync(user.Id, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, [.. granted], context.RequestAborted))
        {
            if (!request.HasPromptValue(PromptValues.Consent))
            {
                return SignIn(user, granted, request, settings, (await authorizations.GetIdAsync(existing, context.RequestAborted))!);
            }
        }
        if (request.HasPromptValue(PromptValues.None))
        {
            return Refuse(Errors.ConsentRequired, "The user has not allowed this client yet.");
        }
        return TypedResults.Redirect(OAuthPaths.Consent + RequestQuery(context));
    }

    /// <summary>The request's resources: the mcp when it names none (the one resource there is; OpenIddict refused any other).</summary>
    private static ImmutableArray<string> ResourcesOf(OpenIddictRequest request, OAuthSettings settings) =>
        request.GetResources() is { Length: > 0 } resources ? resources : [settings.Resource];

    private static SignInHttpResult SignIn(TaskChatUser user, IReadOnlyList<string> granted, OpenIddictRequest request, OAuthSettings settings, string authorizationId)
    {
        var principal = Principal(user, granted, ResourcesOf(request, settings));
        principal.SetAuthorizationId(authorizationId);
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// What the mcp reads from the access token: <c>sub</c> (the same user id as the api tokens),
    /// <c>zoneinfo</c> (dates in the person's time zone) and <c>scope</c>; <c>aud</c> is the resource.
    /// No email or name: an outside client has no need of them.
    /// </summary>
    private static ClaimsPrincipal Principal(TaskChatUser user, IReadOnlyList<string> granted, ImmutableArray<string> resources)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id);
        identity.SetClaim(JwtAuthenticationExtensions.TimeZoneClaim, user.TimeZone);
        identity.SetScopes(granted);
        identity.SetResources(resources);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>This request as a GET URL on this site: what the sign-in page comes back to.</summary>
    private static string AuthorizeUrl(HttpContext context) => OAuthPaths.Authorize + RequestQuery(context);

    /// <summary>The authorization request's parameters as a query string, whether they came as a query or as the consent form.</summary>
    private static string RequestQuery(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return context.Request.QueryString.Value ?? "";
        }
        var fields = context.Request.Form.Where(f => !FormOnlyFields.Contains(f.Key))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string?>(f.Key, v)));
        return QueryString.Create(fields).Value ?? "";
    }
}
