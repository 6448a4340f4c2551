using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using TaskChat.Contract;
using TaskChat.Data.Model;
using TaskChat.ServiceDefaults.Hosting;
using TaskChat.Web.Auth.Throttling;
using TaskChat.Web.Tokens;

namespace TaskChat.Web.Auth;

/// <summary>
/// Better Auth's HTTP surface (docs/architecture.md, "Web"): sign-up, sign-in and sign-out with a
/// session cookie, the session, a JWT for the api, and the JWKS. JSON endpoints answer 401, never a
/// redirect to a sign-in page.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(AuthThrottlingExtensions.AuthRequestsPolicy);
        var changes = auth.MapGroup("").AddEndpointFilter<SameOriginJson>();
        changes.MapPost("/sign-up/email", SignUpAsync);
        changes.MapPost("/sign-in/email", SignInAsync);
        changes.MapPost("/sign-out", SignOutAsync);
        changes.MapPost("/request-password-reset", RequestPasswordReset);
        changes.MapPost("/reset-password", ResetPasswordAsync);
        changes.MapPost("/send-verification-email", SendVerificationEmailAsync);
        changes.MapPost("/verify-email", VerifyEmailAsync);
        auth.MapGet("/get-session", GetSessionAsync);
        auth.MapGet("/token", GetTokenAsync);
        // Public, cached by every validator, and fetched by the api and mcp replicas, perhaps from one address.
        auth.MapGet("/jwks", GetJwksAsync).DisableRateLimiting();
        return endpoints;
    }

    internal static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignUpAsync(SignUpRequest? body, HttpContext context, Accounts accounts) =>
        Answer(await accounts.SignUpAsync(body?.Name, body?.Email, body?.Password, body?.TimeZone), context);

    internal static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignInAsync(SignInRequest? body, HttpContext context, Accounts accounts) =>
        Answer(await accounts.SignInAsync(body?.Email, body?.Password), context);

    /// <summary>
    /// A link to choose a new password, mailed to the email's account if it has one: the same 200 either way (Better
    /// Auth's requestPasswordReset). 503 when this server cannot send mail.
    /// </summary>
    internal static Results<Ok<PasswordResetStatus>, ProblemHttpResult> RequestPasswordReset(PasswordResetRequest? body, HttpContext context, PasswordResets resets)
    {
        var outcome = resets.Request(body?.Email);
        return outcome.Status == StatusCodes.Status200OK
            ? TypedResults.Ok(new PasswordResetStatus(Status: true, Message: PasswordResets.SentText))
            : Refusal(outcome, context);
    }

    /// <summary>The new password, with the token of the mailed link; every session of the account ends (Better Auth's resetPassword).</summary>
    internal static async Task<Results<Ok<PasswordResetStatus>, ProblemHttpResult>> ResetPasswordAsync(
        ResetPasswordRequest? body, HttpContext context, PasswordResets resets, CancellationToken cancellationToken)
    {
        var outcome = await resets.ResetAsync(body?.Token, body?.NewPassword, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(new PasswordResetStatus(Status: true, Message: "Your password was changed: sign in with it."))
            : Refusal(outcome, context);
    }

    /// <summary>
    /// Another link to confirm the signed-in account's email (Better Auth's sendVerificationEmail, for the session's own
    /// email): 200 when queued or already confirmed; 401 signed out, 429 past the per-email limit, 503 without mail.
    /// </summary>
    internal static async Task<Results<Ok<EmailConfirmationStatus>, ProblemHttpResult>> SendVerificationEmailAsync(
        HttpContext context, UserManager<TaskChatUser> users, EmailConfirmations confirmations)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if ((session.Succeeded ? await users.GetUserAsync(session.Principal) : null) is not { } user)
        {
            return ProblemResponses.Problem(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Sign in first.");
        }
        var outcome = confirmations.SendAgain(user);
        return outcome.Succeeded
            ? TypedResults.Ok(new EmailConfirmationStatus(Status: true, user.EmailConfirmed ? EmailConfirmations.AlreadyConfirmedText : EmailConfirmations.SentText(user.Email ?? "")))
            : Refusal(outcome, context);
    }

    /// <summary>
    /// Confirms the email of the mailed link's account, signed in or not (Better Auth's verifyEmail, as a POST: the link's
    /// page asks first, so that a mail scanner opening the link confirms nothing). 400 <c>invalid_token</c> for any other string.
    /// </summary>
    internal static async Task<Results<Ok<EmailConfirmationStatus>, ProblemHttpResult>> VerifyEmailAsync(
        VerifyEmailRequest? body, HttpContext context, EmailConfirmations confirmations)
    {
        var outcome = await confirmations.ConfirmAsync(body?.Token);
        return outcome.User is { } user
            ? TypedResults.Ok(new EmailConfirmationStatus(Status: true, $"{user.Email} is confirmed."))
            : Refusal(outcome, context);
    }

    private static Results<Ok<SignedIn>, ProblemHttpResult> Answer(AccountOutcome outcome, HttpContext context) =>
        outcome.User is { } user ? TypedResults.Ok(new SignedIn(UserView.From(user))) : Refusal(outcome, context);

    /// <summary>A refused account request (here and SessionsApi's): 422 with the fields, or its status and code, with Retry-After when it must wait.</summary>
    internal static ProblemHttpResult Refusal(AccountOutcome outcome, HttpContext context)
    {
        if (outcome.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return outcome.Errors is { } errors ? ProblemResponses.Invalid(errors) : ProblemResponses.Problem(outcome.Status, outcome.Code!, outcome.Detail!);
    }

    internal static async Task<Ok<SignedOut>> SignOutAsync(SignInManager<TaskChatUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Ok(new SignedOut(Success: true));
    }

    /// <summary>The signed-in user and session, or <c>null</c> (200) when signed out, as Better Auth answers.</summary>
    internal static async Task<Results<Ok<SessionView>, ContentHttpResult>> GetSessionAsync(HttpContext context, UserManager<TaskChatUser> users)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null)
        {
            return TypedResults.Text("null", "application/json; charset=utf-8"); // A null result would write no body at all.
        }
        return TypedResults.Ok(new SessionView(UserView.From(user), new SessionInfo(user.Id, session.Properties?.ExpiresUtc)));
    }

    /// <summary>A 15-minute JWT for the api and the mcp, for the signed-in user.</summary>
    internal static async Task<Results<Ok<TokenView>, ProblemHttpResult>> GetTokenAsync(
        HttpContext context, UserManager<TaskChatUser> users, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null)
        {
            return ProblemResponses.Problem(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Sign in first.");
        }
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenView(await issuer.IssueAsync(user, cancellationToken)));
    }

    internal static async Task<IResult> GetJwksAsync(HttpContext context, SigningKeyRing keys, CancellationToken cancellationToken)
    {
        var ring = await keys.GetAsync(cancellationToken);
        // Short enough that a key published a day before it signs reaches every cache in time.
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(ring.JwksJson, "application/json; charset=utf-8");
    }
}
