using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Limits;
using TaskChat.Data.Model;
using TaskChat.Web.Auth.Throttling;
using TaskChat.Web.Sessions;

namespace TaskChat.Web.Auth;

/// <summary>What a sign-up or sign-in came to: the user, or a status, a code and words for a person.</summary>
internal sealed record AccountOutcome(TaskChatUser? User, int Status, string? Code = null, string? Detail = null,
    Dictionary<string, string[]>? Errors = null, int? RetryAfterSeconds = null)
{
    public bool Succeeded => User is not null;

    public static AccountOutcome Ok(TaskChatUser user) => new(user, StatusCodes.Status200OK);

    /// <summary>422 with each field's reasons, the detail all of them.</summary>
    public static AccountOutcome Invalid(Dictionary<string, string[]> errors) =>
        new(null, StatusCodes.Status422UnprocessableEntity, ProblemCodes.Validation, string.Join(" ", errors.Values.SelectMany(e => e)), errors);

    /// <summary>429 <c>locked_out</c>: too many wrong passwords for this email from this address.</summary>
    public static AccountOutcome LockedOut(TimeSpan wait) =>
        new(null, StatusCodes.Status429TooManyRequests, ProblemCodes.LockedOut, Accounts.LockedOutText, RetryAfterSeconds: AuthThrottlingExtensions.RetryAfterSeconds(wait));
}

/// <summary>
/// Sign-up and sign-in rules and wording, once, for both the JSON endpoints (/api/auth) and the
/// server-rendered forms (/sign-up, /sign-in). Password rules stay in Identity (PasswordRules). Both
/// are throttled here (<see cref="AuthThrottle"/>, <see cref="SignInLockout"/>), so that a form post
/// and a JSON call spend the same budget.
/// </summary>
internal sealed class Accounts(UserManager<TaskChatUser> users, SignInManager<TaskChatUser> signIn, SessionSignIn sessions,
    TimeProvider clock, AuthThrottle throttle, SignInLockout lockout, EmailConfirmations confirmations, WebSettings web, IHttpContextAccessor http)
{
    public const string WrongCredentialsText = "Invalid email or password.";
    public const string LockedOutText = "Too many failed sign-ins: signing in to this account from your network is paused for a few minutes. Try again later.";
    public const string EmailTakenText = "An account with this email already exists: sign in instead.";

    /// <summary>
    /// Creates the account and signs it in (the session cookie is set on the current response), and mails the link to
    /// confirm its email when the web can send mail.
    /// <paramref name="timeZone"/> is the browser's; absent, unknown or hostile, it is UTC, never an error.
    /// </summary>
    public async Task<AccountOutcome> SignUpAsync(string? name, string? email, string? password, string? timeZone = null)
    {
        email = email?.Trim() ?? "";
        name = name?.Trim() ?? "";
        password ??= "";
        var errors = new Dictionary<string, string[]>();
        if (!IsEmail(email))
        {
            errors["email"] = [email.Length == 0 ? "Enter your email address." : "Enter a valid email address."];
        }
        if (name.Length == 0 || name.Length > FieldLimits.UserDisplayName)
        {
            errors["name"] = [name.Length == 0 ? "Enter your name." : $"Names must be at most {FieldLimits.UserDisplayName} characters."];
        }
        else if (HasControlCharacters(name))
        {
            errors["name"] = ["Names must not contain control characters."];
        }
        if (password.Length == 0)
        {
            errors["password"] = ["Choose a password."];
        }
        if (errors.Count > 0)
        {
            return AccountOutcome.Invalid(errors);
        }
        if (throttle.SignUpFromAddress(Address) is { } wait)
        {
            return RateLimited(wait, "Too many accounts created from your network. Try again in {0}.");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return EmailTaken();
        }

        var user = new TaskChatUser { UserName = email, Email = email, Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime,
            TimeZone = UserTimeZones.ForSignUp(timeZone) };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return EmailTaken(); // Another sign-up with this email won the race to the unique index.
        }
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                return EmailTaken();
            }
            return AccountOutcome.Invalid(created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Key == "password" ? PasswordRules.Describe(g) : g.Select(e => e.Description).ToArray()));
        }
        await sessions.StartAsync(HttpContext, user);
        confirmations.SendAfterSignUp(user);
        return AccountOutcome.Ok(user);
    }

    /// <summary>Checks the password (counting failures towards the lockout) and signs in.</summary>
    public async Task<AccountOutcome> SignInAsync(string? email, string? password)
    {
        email = email?.Trim() ?? "";
        password ??= "";
        if (HasControlCharacters(email))
        {
            // No account has such an email (sign-up refuses it), and PostgreSQL cannot even compare a NUL.
            return AccountOutcome.Invalid(new() { ["email"] = ["Enter a valid email address."] });
        }
        var address = Address;
        // Cheapest refusals first: no database read, no password hash.
        if (throttle.SignInFromAddress(address) is { } wait)
        {
            return RateLimited(wait, "Too many sign-in attempts from your network. Try again in {0}.");
        }
        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        if (email.Length > 0 && await lockout.LockedForAsync(email, address, cancellationToken) is { } locked)
        {
            return AccountOutcome.LockedOut(locked);
        }
        // After the lockout check, so that a stranger's locked-out attempts do not spend the owner's budget.
        if (email.Length > 0 && throttle.SignInToEmail(email) is { } emailWait)
        {
            return RateLimited(emailWait, "Too many sign-in attempts for this account. Try again in {0}.");
        }
        var user = email.Length == 0 || password.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so that the time taken does not tell whether the email has an account.
            users.PasswordHasher.VerifyHashedPassword(new TaskChatUser(), TimingDecoy.Hash, password);
        }
        else
        {
            // Identity's own lockout counts per account, which lets anyone lock anyone out: ours counts per address.
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await lockout.ClearAsync(email, address, cancellationToken);
                await sessions.StartAsync(HttpContext, user);
                return AccountOutcome.Ok(user);
            }
            if (result.IsLockedOut && await users.GetLockoutEndDateAsync(user) is { } end)
            {
                return AccountOutcome.LockedOut(end - clock.GetUtcNow()); // Locked by Identity itself (before this lockout, or by hand).
            }
        }
        if (email.Length > 0
            && await lockout.CountFailureAsync(email, address, web.AuthLimits.LockoutFailures, web.AuthLimits.LockoutPeriod, cancellationToken) is { } nowLocked)
        {
            return AccountOutcome.LockedOut(nowLocked);
        }
        return WrongCredentials();
    }

    /// <summary>The caller's address as the limits count it (<see cref="ClientAddress"/>).</summary>
    private string Address => http.HttpContext is { } context ? ClientAddress.Of(context) : "unknown";

    internal static AccountOutcome RateLimited(TimeSpan wait, string text)
    {
        var seconds = AuthThrottlingExtensions.RetryAfterSeconds(wait);
        return new(null, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            string.Format(System.Globalization.CultureInfo.InvariantCulture, text, AuthThrottlingExtensions.Wait(seconds)), RetryAfterSeconds: seconds);
    }

    private HttpContext HttpContext => http.HttpContext ?? throw new InvalidOperationException("Signing in needs the request (its cookie).");

    internal static bool IsEmail(string email) =>
        email.Length is > 0 and <= FieldLimits.Email
        && !HasControlCharacters(email)
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>NUL and other control characters: no name or email has them, and PostgreSQL refuses NUL in text.</summary>
    private static bool HasControlCharacters(string text) => text.Any(char.IsControl);

    private static AccountOutcome EmailTaken() => new(null, StatusCodes.Status409Conflict, ProblemCodes.UserAlreadyExists, EmailTakenText);

    // Which of the two was wrong is not said: that would tell a stranger which emails have accounts.
    private static AccountOutcome WrongCredentials() => new(null, StatusCodes.Status401Unauthorized, ProblemCodes.InvalidCredentials, WrongCredentialsText);

    private static class TimingDecoy
    {
        public static readonly string Hash = new PasswordHasher<TaskChatUser>().HashPassword(new TaskChatUser(), Guid.NewGuid().ToString());
    }
}
