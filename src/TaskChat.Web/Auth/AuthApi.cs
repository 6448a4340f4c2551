using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;
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
        var auth = endpoints.MapGroup("/api/auth").WithTags("Auth");
        var changes = auth.MapGroup("").AddEndpointFilter<SameOriginJson>();
        changes.MapPost("/sign-up/email", SignUpAsync);
        changes.MapPost("/sign-in/email", SignInAsync);
        changes.MapPost("/sign-out", SignOutAsync);
        auth.MapGet("/get-session", GetSessionAsync);
        auth.MapGet("/token", GetTokenAsync);
        auth.MapGet("/jwks", GetJwksAsync);
        return endpoints;
    }

    internal static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignUpAsync(
        SignUpRequest? body, UserManager<TaskChatUser> users, SignInManager<TaskChatUser> signIn, TimeProvider clock)
    {
        var email = body?.Email?.Trim() ?? "";
        var name = body?.Name?.Trim() ?? "";
        var password = body?.Password ?? "";
        var errors = new Dictionary<string, string[]>();
        if (!IsEmail(email))
        {
            errors["email"] = [email.Length == 0 ? "Enter your email address." : "Enter a valid email address."];
        }
        if (name.Length == 0 || name.Length > TaskChatUser.MaxNameLength)
        {
            errors["name"] = [name.Length == 0 ? "Enter your name." : $"Names must be at most {TaskChatUser.MaxNameLength} characters."];
        }
        if (password.Length == 0)
        {
            errors["password"] = ["Choose a password."];
        }
        if (errors.Count > 0)
        {
            return AuthProblems.Invalid(errors);
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return EmailTaken();
        }

        var user = new TaskChatUser { UserName = email, Email = email, Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            return EmailTaken(); // Another sign-up with this email won the race to the unique index.
        }
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                return EmailTaken();
            }
            return AuthProblems.Invalid(created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(new SignedIn(UserView.From(user)));
    }

    internal static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignInAsync(
        SignInRequest? body, HttpContext context, UserManager<TaskChatUser> users, SignInManager<TaskChatUser> signIn, TimeProvider clock)
    {
        var email = body?.Email?.Trim() ?? "";
        var password = body?.Password ?? "";
        var user = email.Length == 0 || password.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so that the time taken does not tell whether the email has an account.
            users.PasswordHasher.VerifyHashedPassword(new TaskChatUser(), TimingDecoy.Hash, password);
            return WrongCredentials();
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new SignedIn(UserView.From(user)));
        }
        if (result.IsLockedOut)
        {
            var end = await users.GetLockoutEndDateAsync(user);
            var seconds = end is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds)) : 300;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return AuthProblems.Status(StatusCodes.Status429TooManyRequests, "locked_out",
                "Too many failed sign-ins: this account is locked for a few minutes. Try again later.");
        }
        return WrongCredentials();
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
            return AuthProblems.Status(StatusCodes.Status401Unauthorized, "unauthorized", "Sign in first.");
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

    private static bool IsEmail(string email) =>
        email.Length is > 0 and <= 256
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static ProblemHttpResult EmailTaken() =>
        AuthProblems.Status(StatusCodes.Status409Conflict, "user_already_exists", "An account with this email already exists: sign in instead.");

    // Which of the two was wrong is not said: that would tell a stranger which emails have accounts.
    private static ProblemHttpResult WrongCredentials() =>
        AuthProblems.Status(StatusCodes.Status401Unauthorized, "invalid_credentials", "Invalid email or password.");

    private static class TimingDecoy
    {
        public static readonly string Hash = new PasswordHasher<TaskChatUser>().HashPassword(new TaskChatUser(), Guid.NewGuid().ToString());
    }
}
