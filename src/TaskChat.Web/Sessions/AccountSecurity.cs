using Microsoft.AspNetCore.Identity;
using TaskChat.Contract;
using TaskChat.Data.Accounts;
using TaskChat.Data.Limits;
using TaskChat.Data.Model;
using TaskChat.Web.Auth;
using TaskChat.Web.Auth.Throttling;

namespace TaskChat.Web.Sessions;

/// <summary>
/// Changing the password, ending sessions and deleting the account, once, for the JSON endpoints and the account page.
/// A changed password ends every other session: whoever learnt the old one may be signed in elsewhere. The password
/// change and the deletion both ask for the current password, checked as a sign-in checks it.
/// </summary>
internal sealed class AccountSecurity(UserManager<TaskChatUser> users, SignInManager<TaskChatUser> signIn, SessionRecords sessions, TimeProvider clock,
    SignInLockout lockout, WebSettings web, AccountErasure erasure, PasswordResets resets)
{
    public const string WrongPasswordText = "That is not your current password.";

    public const string SamePasswordText = "That is your current password: choose a new one.";

    public async Task<AccountOutcome> ChangePasswordAsync(HttpContext context, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return new AccountOutcome(null, StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Sign in first.");
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors["current_password"] = ["Enter your current password."];
        }
        if (string.IsNullOrEmpty(newPassword))
        {
            errors["new_password"] = ["Choose a new password."];
        }
        if (errors.Count > 0)
        {
            return AccountOutcome.Invalid(errors);
        }
        if (await CheckCurrentPasswordAsync(context, user, currentPassword!, cancellationToken) is { } refused)
        {
            return refused;
        }
        // Said once the current password is known to be right: before, a "change" to the same password was accepted,
        // told the user it had changed, and signed out their other sessions for nothing.
        if (string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
        {
            return AccountOutcome.Invalid(new() { ["new_password"] = [SamePasswordText] });
        }

        // The same validators as sign-up (Identity's options and PasswordRules).
        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded)
        {
            return AccountOutcome.Invalid(new() { ["new_password"] = [.. changed.Errors.Select(e => e.Description)] });
        }
        await sessions.RevokeAllAsync(user.Id, keep: SessionRecords.SessionIdOf(context.User), cancellationToken);
        // The password change renewed the security stamp; this session's ticket gets the new one (same
        // session id), or Identity's stamp check would end it within half an hour.
        await signIn.RefreshSignInAsync(user);
        resets.NotifyPasswordChanged(user, "changed by someone signed in to it");
        return AccountOutcome.Ok(user);
    }

    /// <summary>
    /// Deletes the signed-in user's account and everything of theirs (<see cref="AccountErasure"/>) once their password
    /// is given again: a session left open on a shared computer must not be enough. Every session ends with it (their
    /// rows are deleted in the same transaction) and this browser's cookie is removed.
    /// </summary>
    public async Task<AccountOutcome> DeleteAccountAsync(HttpContext context, string? password, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return new AccountOutcome(null, StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Sign in first.");
        }
        if (string.IsNullOrEmpty(password))
        {
            return AccountOutcome.Invalid(new() { ["password"] = ["Enter your password to delete your account."] });
        }
        if (await CheckCurrentPasswordAsync(context, user, password, cancellationToken) is { } refused)
        {
            return refused;
        }
        // False when a deletion from another device got there first: gone either way, so this one is signed out too.
        await erasure.EraseAsync(user.Id, cancellationToken);
        await signIn.SignOutAsync();
        return AccountOutcome.Ok(user);
    }

    /// <summary>Ends every session of the signed-in user but the current one; returns how many.</summary>
    public async Task<int> SignOutOthersAsync(HttpContext context, CancellationToken cancellationToken) =>
        UserIdOf(context) is { } userId ? await sessions.RevokeAllAsync(userId, keep: SessionRecords.SessionIdOf(context.User), cancellationToken) : 0;

    /// <summary>Ends every session of the signed-in user, this one included, and clears this browser's cookie.</summary>
    public async Task<int> SignOutEverywhereAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var ended = UserIdOf(context) is { } userId ? await sessions.RevokeAllAsync(userId, keep: null, cancellationToken) : 0;
        await signIn.SignOutAsync();
        return ended;
    }

    /// <summary>Ends one of the signed-in user's sessions (this one too: then it is a sign-out); false when they have no such session.</summary>
    public async Task<bool> RevokeAsync(HttpContext context, string? sessionId, CancellationToken cancellationToken)
    {
        if (UserIdOf(context) is not { } userId || string.IsNullOrEmpty(sessionId) || !await sessions.RevokeAsync(userId, sessionId, cancellationToken))
        {
            return false;
        }
        if (sessionId == SessionRecords.SessionIdOf(context.User))
        {
            await signIn.SignOutAsync();
        }
        return true;
    }

    private string? UserIdOf(HttpContext context) => users.GetUserId(context.User);

    /// <summary>
    /// The signed-in user's password, given again: null when right, else the refusal. Counted towards the lockout like a
    /// sign-in (per email and address): a stolen session must not become a password oracle, nor a way to lock the owner
    /// out from everywhere.
    /// </summary>
    private async Task<AccountOutcome?> CheckCurrentPasswordAsync(HttpContext context, TaskChatUser user, string password, CancellationToken cancellationToken)
    {
        var email = user.Email ?? "";
        var address = ClientAddress.Of(context);
        if (await lockout.LockedForAsync(email, address, cancellationToken) is { } locked)
        {
            return AccountOutcome.LockedOut(locked);
        }
        // No password is longer than the rules allow: a megabyte is refused unhashed, and counted like any wrong one.
        var check = password.Length > PasswordRules.MaxLength
            ? SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (check.IsLockedOut && await users.GetLockoutEndDateAsync(user) is { } end)
        {
            return AccountOutcome.LockedOut(end - clock.GetUtcNow()); // Locked by Identity itself (by hand).
        }
        if (!check.Succeeded)
        {
            if (await lockout.CountFailureAsync(email, address, web.AuthLimits.LockoutFailures, web.AuthLimits.LockoutPeriod, cancellationToken) is { } nowLocked)
            {
                return AccountOutcome.LockedOut(nowLocked);
            }
            return new AccountOutcome(null, StatusCodes.Status403Forbidden, ProblemCodes.WrongPassword, WrongPasswordText);
        }
        await lockout.ClearAsync(email, address, cancellationToken);
        return null;
    }
}
