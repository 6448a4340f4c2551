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
