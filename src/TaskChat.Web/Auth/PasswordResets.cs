using System.Globalization;
using Microsoft.AspNetCore.Identity;
using TaskChat.Contract;
using TaskChat.Data.Limits;
using TaskChat.Data.Model;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web.Auth.Throttling;
using TaskChat.Web.Mail;
using TaskChat.Web.Sessions;

namespace TaskChat.Web.Auth;

/// <summary>
/// "Forgot your password?": a link by mail to choose a new one, once, within an hour; and a notice by mail whenever
/// the password changes. Once, for the JSON endpoints (/api/auth/request-password-reset, /api/auth/reset-password) and
/// the pages (/forgot-password, /reset-password). The link's token is Identity's (Data Protection, so any replica
/// reads it), bound to the account's security stamp: a reset, a password change or a newer reset ends every older link.
/// </summary>
internal sealed class PasswordResets(UserManager<TaskChatUser> users, MailOutbox mail, AuthThrottle throttle, SignInLockout lockout,
    SessionRecords sessions, TaskChatSettings settings, TimeProvider clock, IHttpContextAccessor http)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    public const string SentText = "If an account uses that email, a link to choose a new password is on its way. It works once, within an hour.";
    public const string UnavailableText = "This TaskChat can't send email, so a forgotten password can't be reset from here. Ask whoever runs it to reset it for you.";
    public const string InvalidLinkText = "This link has expired or was already used: ask for a new one.";

    /// <summary>
    /// Queues the link for <paramref name="email"/>. The answer is the same whether or not the email has an account,
    /// and comes before the account is even looked up (the mail is composed after the request), so neither the words
    /// nor the time tell a stranger which emails have accounts.
    /// </summary>
    public AccountOutcome Request(string? email)
    {
        if (!mail.CanSend)
        {
            return new AccountOutcome(null, StatusCodes.Status503ServiceUnavailable, ProblemCodes.PasswordResetUnavailable, UnavailableText);
        }
        email = email?.Trim() ?? "";
        if (!Accounts.IsEmail(email))
        {
            return Invalid("email", email.Length == 0 ? "Enter your email address." : "Enter a valid email address.");
        }
        if (throttle.PasswordResetFromAddress(Address) is { } wait)
        {
            return Accounts.RateLimited(wait, "Too many password resets asked for from your network. Try again in {0}.");
        }
        if (throttle.PasswordResetToEmail(email) is { } emailWait)
        {
            return Accounts.RateLimited(emailWait, "A reset link was sent to this email several times already. Look for it in your inbox (and spam), or try again in {0}.");
        }
        var issuer = settings.Auth.Issuer;
        mail.Enqueue("password-reset", async (services, cancellationToken) =>
        {
            var accounts = services.GetRequiredService<UserManager<TaskChatUser>>();
            if (await accounts.FindByEmailAsync(email) is not { Email: { } address } user)
            {
                return null;
            }
            var token = MailedLinkTokens.Pack(user.Id, await accounts.GeneratePasswordResetTokenAsync(user));
            return new OutgoingMail("password-reset", address, user.Name, "Reset your TaskChat password",
                $"""
                Hello {user.Name},

                Someone, hopefully you, asked to reset the password of your TaskChat account ({address}).
                To choose a new password, open this link within an hour:

                {issuer}/reset-password?token={token}

                The link works once. If you didn't ask for it, ignore this message: your password stays as it is.
                """);
        });
        return new AccountOutcome(null, StatusCodes.Status200OK);
    }

    /// <summary>The account a link would reset, or null when the link is expired, used or not the web's.</summary>
    public async Task<TaskChatUser?> FindLinkOwnerAsync(string? token) =>
        await LinkAsync(token) is var (user, identityToken)
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<TaskChatUser>.ResetPasswordTokenPurpose, identityToken)
            ? user
            : null;

    /// <summary>
    /// Sets the new password from a link. Every session of the account ends (whoever knew the old password may be signed
    /// in), this address's sign-in lockout for it is cleared, and the account's email is told.
    /// </summary>
    public async Task<AccountOutcome> ResetAsync(string? token, string? newPassword, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            return Invalid("new_password", "Choose a new password.");
        }
        if (await LinkAsync(token) is not var (user, identityToken))
        {
            return InvalidLink();
        }
        var reset = await users.ResetPasswordAsync(user, identityToken, newPassword);
        if (!reset.Succeeded)
        {
            // Identity checks the token before the password: a bad link is said as such, whatever the password.
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? InvalidLink()
                : AccountOutcome.Invalid(new() { ["new_password"] = PasswordRules.Describe(reset.Errors) });
        }
        await sessions.RevokeAllAsync(user.Id, keep: null, cancellationToken);
        if (user.Email is { } email)
        {
            await lockout.ClearAsync(email, Address, cancellationToken);
        }
        NotifyPasswordChanged(user, "reset with a link sent to this address");
        return AccountOutcome.Ok(user);
    }

    /// <summary>Tells the account's email that its password changed: the owner learns of a change they did not make.</summary>
    public void NotifyPasswordChanged(TaskChatUser user, string how)
    {
        if (user.Email is not { } address)
        {
            return;
        }
        var issuer = settings.Auth.Issuer;
        var when = clock.GetUtcNow().ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var name = user.Name;
        mail.Enqueue("password-changed", (_, _) => Task.FromResult<OutgoingMail?>(new OutgoingMail("password-changed", address, name,
            "Your TaskChat password was changed",
            $"""
            Hello {name},

            The password of your TaskChat account ({address}) was {how} on {when}.
            Every other device signed in to your account was signed out.

            If this wasn't you, choose a new password now: {issuer}/forgot-password
            """)));
    }

    /// <summary>The account a link names and Identity's token in it, or null for a link that names no account.</summary>
    private async Task<(TaskChatUser User, string Token)?> LinkAsync(string? token) =>
        MailedLinkTokens.Unpack(token) is var (userId, identityToken) && await users.FindByIdAsync(userId) is { } user ? (user, identityToken) : null;

    private string Address => http.HttpContext is { } context ? ClientAddress.Of(context) : "unknown";

    private static AccountOutcome Invalid(string field, string text) => AccountOutcome.Invalid(new() { [field] = [text] });

    private static AccountOutcome InvalidLink() => new(null, StatusCodes.Status400BadRequest, ProblemCodes.InvalidToken, InvalidLinkText);
}
