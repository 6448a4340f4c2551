using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.ServiceDefaults.Hosting;
using TaskChat.Web.Auth;

namespace TaskChat.Web.Sessions;

/// <summary>
/// Sessions, password and the account itself, in Better Auth's shape (/api/auth/list-sessions, revoke-session,
/// revoke-sessions, revoke-other-sessions, change-password, delete-account): for the signed-in user only (401
/// otherwise), the changes behind the same CSRF rules as sign-in (SameOriginJson).
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapGroup("/api/auth").WithTags("Sessions").RequireAuthorization();
        sessions.MapGet("/list-sessions", ListAsync);
        var changes = sessions.MapGroup("").AddEndpointFilter<SameOriginJson>();
        changes.MapPost("/change-password", ChangePasswordAsync);
        changes.MapPost("/revoke-session", RevokeAsync);
        changes.MapPost("/revoke-other-sessions", RevokeOthersAsync);
        changes.MapPost("/revoke-sessions", RevokeAllAsync);
        changes.MapPost("/delete-account", DeleteAccountAsync);
        return endpoints;
    }

    /// <summary>The user's live sessions, the most recently used first, the one asking marked <c>current</c>.</summary>
    internal static async Task<Ok<SessionView[]>> ListAsync(HttpContext context, SessionRecords sessions, Microsoft.AspNetCore.Identity.UserManager<Data.Model.TaskChatUser> users, CancellationToken cancellationToken)
    {
        var current = SessionRecords.SessionIdOf(context.User);
        var list = await sessions.ListAsync(users.GetUserId(context.User)!, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(list.Select(s => SessionView.From(s, current)).ToArray());
    }

    /// <summary>The current password and a new one; the others sessions end, this one stays signed in.</summary>
    internal static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest? body, HttpContext context, AccountSecurity security, CancellationToken cancellationToken)
    {
        var outcome = await security.ChangePasswordAsync(context, body?.CurrentPassword, body?.NewPassword, cancellationToken);
        return outcome.User is { } user ? TypedResults.Ok(new SignedIn(UserView.From(user))) : AuthApi.Refusal(outcome, context);
    }

    /// <summary>
    /// The password given again, and the account is gone with everything of it; every session ends and the cookie is
    /// removed. A wrong password is refused as change-password refuses it (403, counted towards the lockout).
    /// </summary>
    internal static async Task<Results<Ok<AccountDeleted>, ProblemHttpResult>> DeleteAccountAsync(
        DeleteAccountRequest? body, HttpContext context, AccountSecurity security, CancellationToken cancellationToken)
    {
        var outcome = await security.DeleteAccountAsync(context, body?.Password, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new AccountDeleted(Success: true)) : AuthApi.Refusal(outcome, context);
    }

    /// <summary>Ends one session by its id (from list-sessions); the current one is a sign-out. Another user's id is a 404.</summary>
    internal static async Task<Results<Ok<SessionsRevoked>, ProblemHttpResult>> RevokeAsync(
        RevokeSessionRequest? body, HttpContext context, AccountSecurity security, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body?.Id))
        {
            return ProblemResponses.Invalid(new Dictionary<string, string[]> { ["id"] = ["Name the session to revoke (its id from list-sessions)."] });
        }
        return await security.RevokeAsync(context, body.Id, cancellationToken)
            ? TypedResults.Ok(new SessionsRevoked(Success: true, Revoked: 1))
            : ProblemResponses.NotFound("You have no such session.");
    }

    /// <summary>Ends every other session of the user ("sign out other devices").</summary>
    internal static async Task<Ok<SessionsRevoked>> RevokeOthersAsync(HttpContext context, AccountSecurity security, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SessionsRevoked(Success: true, Revoked: await security.SignOutOthersAsync(context, cancellationToken)));

    /// <summary>Ends every session of the user, this one included ("sign out everywhere", as Better Auth's revoke-sessions).</summary>
    internal static async Task<Ok<SessionsRevoked>> RevokeAllAsync(HttpContext context, AccountSecurity security, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SessionsRevoked(Success: true, Revoked: await security.SignOutEverywhereAsync(context, cancellationToken)));
}
