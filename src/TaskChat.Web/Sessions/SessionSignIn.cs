using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TaskChat.Data.Model;

namespace TaskChat.Web.Sessions;

/// <summary>
/// Signing in always starts a new session. The cookie handler would otherwise reuse the session the
/// request already had (it renews the key it read from the cookie): signing in as someone else, or
/// again, in a browser whose cookie was planted or copied would hand that cookie the new sign-in
/// (session fixation). So a session the request carries is ended first, and the sign-in is done by a
/// handler that has not read it.
/// </summary>
internal sealed class SessionSignIn(SignInManager<TaskChatUser> signIn, IAuthenticationSchemeProvider schemes)
{
    public async Task StartAsync(HttpContext context, TaskChatUser user)
    {
        var scheme = IdentityConstants.ApplicationScheme;
        if ((await context.AuthenticateAsync(scheme)).Succeeded)
        {
            await context.SignOutAsync(scheme);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        // A handler of our own: the request's handler keeps the old session's key.
        var handler = await new AuthenticationHandlerProvider(schemes).GetHandlerAsync(context, scheme) as IAuthenticationSignInHandler
            ?? throw new InvalidOperationException($"The {scheme} scheme cannot sign in.");
        await handler.SignInAsync(principal, new AuthenticationProperties { IsPersistent = true });
        context.User = principal;
    }
}
