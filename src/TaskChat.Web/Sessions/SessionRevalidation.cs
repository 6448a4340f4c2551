using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using TaskChat.Data.Connection;

namespace TaskChat.Web.Sessions;

/// <summary>
/// An open page (a Blazor circuit) asks every AUTH_SESSION_REVALIDATION_SECONDS whether its session is
/// still alive. A circuit has no cookie to present again, so without this a revoked session's open tab
/// would keep working; with it the page sees the user signed out and goes to the sign-in page, which
/// ends the circuit.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, SessionRecords sessions, WebSettings settings)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<SessionRevalidation>();

    protected override TimeSpan RevalidationInterval => settings.Sessions.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            return await sessions.IsActiveAsync(authenticationState.User, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            // Not knowing is not a revocation: an outage must not sign every open page out. The next check decides.
            _logger.LogWarning("Could not check a page's session: {Reason}", DatabaseErrors.ShortReason(e));
            return true;
        }
    }
}
