namespace TaskChat.Data.Model;

/// <summary>
/// One signed-in browser or client: the server side of a session cookie. The cookie holds only this
/// row's id (encrypted); the sign-in itself (the authentication ticket) lives here, so deleting the
/// row ends the session at once on every web replica, whoever still holds a copy of the cookie.
/// </summary>
public sealed class UserSession
{
    /// <summary>A random, unguessable key (the ticket store's key), carried in the encrypted cookie.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The serialized authentication ticket, protected with Data Protection (never in the clear).</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>The User-Agent it signed in with (truncated), to tell sessions apart on the account page.</summary>
    public string? UserAgent { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When it was last used, updated at most once a minute (so not every request writes).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The absolute end, fixed at sign-in: however active, the session ends here.</summary>
    public DateTime ExpiresAt { get; set; }
}
