using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using TaskChat.Data.Model;

namespace TaskChat.Web.Auth;

/// <summary>The plain HTTP around the pages: where "/" leads, and the sign-out form's POST.</summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) =>
            TypedResults.Redirect(context.User.Identity?.IsAuthenticated == true ? "/chat" : "/sign-in"));
        endpoints.MapPost("/account/sign-out", SignOutAsync);
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
}
