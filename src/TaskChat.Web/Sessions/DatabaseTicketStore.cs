using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace TaskChat.Web.Sessions;

/// <summary>
/// The session cookie's server side (CookieAuthenticationOptions.SessionStore): the cookie carries
/// only a session id, the sign-in itself is a user_sessions row. So signing out, changing the password
/// or revoking a session ends it for every copy of the cookie at once, on every replica.
/// The ticket is stored protected with Data Protection: it holds the security stamp, which a copy of
/// the database must not reveal.
/// </summary>
internal sealed class DatabaseTicketStore(SessionRecords sessions, IDataProtectionProvider dataProtection, ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("TaskChat.Web.Sessions.Ticket.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = SessionRecords.NewId();
        var userId = UserIdOf(ticket) ?? throw new InvalidOperationException("A session is for a signed-in user.");
        await sessions.CreateAsync(id, userId, Protect(ticket, id), httpContext?.Request.Headers.UserAgent.ToString(), cancellationToken);
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken) =>
        UserIdOf(ticket) is { } userId ? sessions.RenewAsync(key, userId, Protect(ticket, key), cancellationToken) : Task.CompletedTask;

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        if (await sessions.FindActiveAsync(key, cancellationToken) is not { } session)
        {
            return null;
        }
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The key that protected it is gone (a lost key ring): the session cannot be read, so it ends.
            logger.LogWarning("A session's ticket could not be unprotected ({Reason}); the session ends.", e.GetType().Name);
            await sessions.DeleteAsync(key, cancellationToken);
            return null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken) => sessions.DeleteAsync(key, cancellationToken);

    /// <summary>
    /// Serialized with its session id as a claim, so that the signed-in principal (and a Blazor
    /// circuit's, which has no cookie to read) knows which session it is.
    /// </summary>
    private byte[] Protect(AuthenticationTicket ticket, string sessionId)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionRecords.SessionIdClaim).ToList())
            {
                identity.RemoveClaim(old);
            }
            identity.AddClaim(new Claim(SessionRecords.SessionIdClaim, sessionId));
        }
        return _protector.Protect(TicketSerializer.Default.Serialize(ticket));
    }

    private static string? UserIdOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
}

/// <summary>Puts <see cref="DatabaseTicketStore"/> under Identity's session cookie.</summary>
internal sealed class UseDatabaseTicketStore(DatabaseTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}
