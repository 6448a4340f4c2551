namespace TaskChat.Web.Sessions;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record RevokeSessionRequest(string? Id);

/// <summary>delete-account: the account's current password, asked again.</summary>
public sealed record DeleteAccountRequest(string? Password);

/// <summary>What delete-account answers: the account is gone, and this client signed out.</summary>
public sealed record AccountDeleted(bool Success);

/// <summary>One live session in list-sessions (Better Auth's list, without the token: ours never leaves the cookie).</summary>
public sealed record SessionView(string Id, string Device, string? UserAgent, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt, bool Current)
{
    public static SessionView From(SessionSummary session, string? currentId) =>
        new(session.Id, DeviceNames.Describe(session.UserAgent), session.UserAgent, session.CreatedAt, session.LastSeenAt, session.ExpiresAt, session.Id == currentId);
}

/// <summary>What the revoke endpoints answer: done, and how many sessions ended.</summary>
public sealed record SessionsRevoked(bool Success, int Revoked);
