using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TaskChat.Contract;
using TaskChat.Data.Model;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web.Auth.Throttling;
using TaskChat.Web.Mail;

namespace TaskChat.Web.Auth;

/// <summary>
/// "Confirm your email": a link by mail, at sign-up and again on request, that proves the address is the account's. Reminders
/// are emailed only to a confirmed address (ReminderFollowUp): anyone can sign up with a stranger's email, and without this
/// TaskChat would then mail that stranger every reminder the account sets. Once, for the JSON endpoints
/// (/api/auth/send-verification-email, /api/auth/verify-email) and the pages (/verify-email, the account page). The link's
/// page confirms on a button, never on the GET itself: mail scanners open links, and a scanner's visit must not confirm a
/// stranger's sign-up. The token is Identity's (Data Protection, so any replica reads it), bound to the account's security
/// stamp, and lasts <see cref="LinkLifetime"/>.
/// </summary>
internal sealed class EmailConfirmations(UserManager<TaskChatUser> users, MailOutbox mail, AuthThrottle throttle, TaskChatSettings settings)
{
    public const string ProviderName = "EmailConfirmation";

    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(3);

    public const string InvalidLinkText = "This link has expired or isn't a link TaskChat sent: sign in and send a new one from your account page.";
    public const string UnavailableText = "This TaskChat can't send email, so there is no link to send.";
    public const string AlreadyConfirmedText = "Your email address is already confirmed.";

    /// <summary>What the sign-up and the account page say was sent.</summary>
    public static string SentText(string email) => $"A link to confirm {email} is on its way. It works for 3 days.";

    /// <summary>Queues the first link, right after sign-up (not counted against the resends: sign-ups are throttled themselves).</summary>
    public void SendAfterSignUp(TaskChatUser user)
    {
        if (!user.EmailConfirmed)
        {
            Enqueue(user.Id);
        }
    }

    /// <summary>Another link for the signed-in account's email, when asked for (a lost or expired one).</summary>
    public AccountOutcome SendAgain(TaskChatUser user)
    {
        if (!mail.CanSend)
        {
            return new AccountOutcome(null, StatusCodes.Status503ServiceUnavailable, ProblemCodes.EmailConfirmationUnavailable, UnavailableText);
        }
        if (user.EmailConfirmed)
        {
            return AccountOutcome.Ok(user);
        }
        if (throttle.EmailConfirmationTo(user.Email ?? user.Id) is { } wait)
        {
            return Accounts.RateLimited(wait, "A link was sent to this email several times already. Look for it in your inbox (and spam), or try again in {0}.");
        }
        Enqueue(user.Id);
        return AccountOutcome.Ok(user);
    }

    /// <summary>The account a link confirms, or null when the link is expired, ended by a password change, or not the web's.</summary>
    public async Task<TaskChatUser?> FindLinkOwnerAsync(string? token) =>
        await LinkAsync(token) is var (user, identityToken) && await IsValidAsync(user, identityToken) ? user : null;

    /// <summary>Confirms the link's account (again: a second use of a link that still works changes nothing and says so).</summary>
    public async Task<AccountOutcome> ConfirmAsync(string? token)
    {
        if (await LinkAsync(token) is not var (user, identityToken) || !await IsValidAsync(user, identityToken))
        {
            return InvalidLink();
        }
        if (user.EmailConfirmed)
        {
            return AccountOutcome.Ok(user);
        }
        // The token was checked just above: what is left to fail is Identity's concurrency stamp (the account changed meanwhile).
        return (await users.ConfirmEmailAsync(user, identityToken)).Succeeded
            ? AccountOutcome.Ok(user)
            : new AccountOutcome(null, StatusCodes.Status409Conflict, ProblemCodes.AccountChanged, "Your account changed meanwhile: open the link again.");
    }

    private void Enqueue(string userId)
    {
        var issuer = settings.Auth.Issuer;
        mail.Enqueue("email-confirmation", async (services, _) =>
        {
            var accounts = services.GetRequiredService<UserManager<TaskChatUser>>();
            if (await accounts.FindByIdAsync(userId) is not { Email: { } address, EmailConfirmed: false } user)
            {
                return null; // Deleted, or confirmed meanwhile.
            }
            var token = MailedLinkTokens.Pack(user.Id, await accounts.GenerateEmailConfirmationTokenAsync(user));
            return new OutgoingMail("email-confirmation", address, user.Name, "Confirm your email for TaskChat",
                $"""
                Hello {user.Name},

                To confirm that {address} is yours, open this link within 3 days and press "Confirm my email":

                {issuer}/verify-email?token={token}

                Once it is confirmed, reminders you miss can be emailed to you. If you didn't make a TaskChat account,
                ignore this message: nothing is sent to an address that isn't confirmed, other than what its account's
                password needs.
                """);
        });
    }

    private Task<bool> IsValidAsync(TaskChatUser user, string identityToken) =>
        users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<TaskChatUser>.ConfirmEmailTokenPurpose, identityToken);

    private async Task<(TaskChatUser User, string Token)?> LinkAsync(string? token) =>
        MailedLinkTokens.Unpack(token) is var (userId, identityToken) && await users.FindByIdAsync(userId) is { } user ? (user, identityToken) : null;

    private static AccountOutcome InvalidLink() => new(null, StatusCodes.Status400BadRequest, ProblemCodes.InvalidToken, InvalidLinkText);
}

/// <summary>The email confirmation links' token provider: Data Protection with a purpose of its own and <see cref="EmailConfirmations.LinkLifetime"/>.</summary>
internal sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<EmailConfirmationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<TaskChatUser>> logger)
    : DataProtectorTokenProvider<TaskChatUser>(dataProtection, options, logger);

internal sealed class EmailConfirmationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public EmailConfirmationTokenProviderOptions()
    {
        Name = EmailConfirmations.ProviderName;
        TokenLifespan = EmailConfirmations.LinkLifetime;
    }
}
