using TaskChat.Data.Model;

namespace TaskChat.Web.Auth;

/// <summary>Sign-up. <c>time_zone</c>: the browser's IANA zone (Intl.DateTimeFormat().resolvedOptions().timeZone); absent or unknown is UTC.</summary>
public sealed record SignUpRequest(string? Email, string? Password, string? Name, string? TimeZone = null);

public sealed record SignInRequest(string? Email, string? Password);

public sealed record PasswordResetRequest(string? Email);

/// <summary>The new password and the <c>token</c> of the mailed link (its <c>?token=</c>).</summary>
public sealed record ResetPasswordRequest(string? Token, string? NewPassword);

/// <summary>What request-password-reset and reset-password answer (Better Auth's <c>{status: true}</c>), with words for a person.</summary>
public sealed record PasswordResetStatus(bool Status, string Message);

/// <summary>A user as the auth endpoints show it; <c>email_verified</c>: its email was confirmed by the mailed link (Better Auth's emailVerified).</summary>
public sealed record UserView(string Id, string Email, string Name, DateTime CreatedAt, bool EmailVerified)
{
    public static UserView From(TaskChatUser user) => new(user.Id, user.Email ?? "", user.Name, user.CreatedAt, user.EmailConfirmed);
}

/// <summary>verify-email: the <c>token</c> of the mailed link (its <c>?token=</c>).</summary>
public sealed record VerifyEmailRequest(string? Token);

/// <summary>What send-verification-email and verify-email answer (Better Auth's <c>{status: true}</c>), with words for a person.</summary>
public sealed record EmailConfirmationStatus(bool Status, string Message);

/// <summary>What sign-up and sign-in answer (Better Auth also sends a session token; ours stays in the HttpOnly cookie).</summary>
public sealed record SignedIn(UserView User);

public sealed record SessionInfo(string UserId, DateTimeOffset? ExpiresAt);

/// <summary>get-session's answer when signed in (null when not, as Better Auth does).</summary>
public sealed record SessionView(UserView User, SessionInfo Session);

public sealed record SignedOut(bool Success);

public sealed record TokenView(string Token);
