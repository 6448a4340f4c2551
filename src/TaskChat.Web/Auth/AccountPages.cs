using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using TaskChat.Data.Model;
using TaskChat.Web.Api;

namespace TaskChat.Web.Auth;

/// <summary>The plain HTTP around the pages: where "/" leads, the sign-out form's POST, and the account page's download of the user's data.</summary>
public static class AccountPages
{
    /// <summary>"Download your data": the account page's link.</summary>
    public const string ExportPath = "/account/export";

    /// <summary>The account page's <c>export</c> query value when the api could not give the file.</summary>
    public const string ExportUnavailable = "unavailable";

    private const string ExportUnavailablePage = $"/account?export={ExportUnavailable}#your-data";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) =>
            TypedResults.Redirect(context.User.Identity?.IsAuthenticated == true ? "/chat" : "/sign-in"));
        endpoints.MapPost("/account/sign-out", SignOutAsync);
        // Signed out: the cookie's challenge sends the browser to sign in, as for the pages.
        endpoints.MapGet(ExportPath, ExportAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// A signed-in user only looking at the sign-in or sign-up page (a GET: Back after signing in, a bookmark), whom the
    /// page sends on instead of showing a form they have no use for. A form posted is still handled (another account).
    /// </summary>
    public static bool SignedInAndOnlyLooking(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && HttpMethods.IsGet(context.Request.Method);

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<TaskChatUser> signIn)
    {
        // The form carries no other field to bind, so the antiforgery check is asked for here.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/sign-in");
    }

    /// <summary>
    /// The api's GET /api/export for the signed-in user, with the user's api token (the browser holds none), streamed
    /// through with its headers: the browser saves it as the file the api names. When the api does not answer, or
    /// refuses, the account page comes back saying so; a session that ended meanwhile signs in again.
    /// </summary>
    private static async Task<IResult> ExportAsync(HttpContext context, ApiClient api, ILoggerFactory logs)
    {
        HttpResponseMessage answer;
        try
        {
            answer = await api.StartExportAsync(context.User, context.RequestAborted);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status401Unauthorized)
        {
            return TypedResults.Redirect("/sign-in?ReturnUrl=%2Faccount");
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            logs.CreateLogger(typeof(AccountPages)).LogWarning("Could not start a data export: the api did not give it ({Reason})", e.Message);
            return TypedResults.Redirect(ExportUnavailablePage);
        }
        context.Response.RegisterForDispose(answer);
        context.Response.Headers.ContentDisposition = answer.Content.Headers.ContentDisposition?.ToString() ?? "attachment; filename=\"taskchat-export.json\"";
        context.Response.Headers.CacheControl = "no-store";
        // A failure half way through aborts the response, as the api's own does: a broken download, not a file that looks whole.
        return TypedResults.Stream(async body =>
        {
            try
            {
                await using var file = await answer.Content.ReadAsStreamAsync(context.RequestAborted);
                await file.CopyToAsync(body, context.RequestAborted);
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !context.Response.HasStarted)
            {
                // The api broke off before a byte reached the browser: still time to say so on the page.
                logs.CreateLogger(typeof(AccountPages)).LogWarning("A data export broke off before it started: {Reason}", e.Message);
                context.Response.Headers.ContentDisposition = default;
                context.Response.ContentType = null;
                context.Response.Redirect(ExportUnavailablePage);
            }
        }, "application/json");
    }
}
