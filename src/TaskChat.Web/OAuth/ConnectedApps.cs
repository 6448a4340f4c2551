using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TaskChat.Web.OAuth;

/// <summary>One client with access to a person's tasks, as the "Connected apps" page lists it.</summary>
public sealed record ConnectedApp(
    string ApplicationId,
    string Name,
    string ClientId,
    IReadOnlyList<string> RedirectHosts,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? Since,
    DateTimeOffset? LastUsed);

/// <summary>
/// The clients a person has allowed (their valid permanent authorizations), and disconnecting one:
/// its authorizations and every token issued under them are revoked at once, so its refresh tokens
/// fail with invalid_grant from then on (its access tokens live out their 10 minutes at most).
/// </summary>
internal sealed class ConnectedApps(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens)
{
    public async Task<IReadOnlyList<ConnectedApp>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var byApplication = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            if (await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken)
                && await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is { } applicationId)
            {
                (byApplication.TryGetValue(applicationId, out var list) ? list : byApplication[applicationId] = []).Add(authorization);
            }
        }
        var apps = new List<ConnectedApp>();
        foreach (var (applicationId, grants) in byApplication)
        {
            if (await applications.FindByIdAsync(applicationId, cancellationToken) is not { } application)
            {
                continue;
            }
            var scopes = new SortedSet<string>(StringComparer.Ordinal);
            DateTimeOffset? since = null, lastUsed = null;
            foreach (var grant in grants)
            {
                scopes.UnionWith(await authorizations.GetScopesAsync(grant, cancellationToken));
                since = Earliest(since, await authorizations.GetCreationDateAsync(grant, cancellationToken));
                var grantId = await authorizations.GetIdAsync(grant, cancellationToken);
                await foreach (var token in tokens.FindByAuthorizationIdAsync(grantId!, cancellationToken))
                {
                    lastUsed = Latest(lastUsed, await tokens.GetCreationDateAsync(token, cancellationToken));
                }
            }
            var redirectHosts = (await applications.GetRedirectUrisAsync(application, cancellationToken))
                .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : u)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            apps.Add(new ConnectedApp(
                applicationId,
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? "Unnamed app",
                (await applications.GetClientIdAsync(application, cancellationToken))!,
                redirectHosts,
                [.. OAuthScopes.Tasks.Where(scopes.Contains)],
                since,
                lastUsed));
        }
        return [.. apps.OrderByDescending(a => a.LastUsed ?? a.Since)];
    }

    /// <summary>Revokes every authorization of <paramref name="userId"/> for the application, and their tokens.</summary>
    /// <returns>How many authorizations were revoked (0: nothing of this user's to revoke).</returns>
    public async Task<int> RevokeAsync(string userId, string? applicationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(applicationId))
        {
            return 0;
        }
        var revoked = 0;
        var grants = new List<object>();
        await foreach (var authorization in authorizations.FindAsync(userId, applicationId, status: null, type: null, scopes: null, cancellationToken))
        {
            grants.Add(authorization);
        }
        foreach (var grant in grants)
        {
            var grantId = (await authorizations.GetIdAsync(grant, cancellationToken))!;
            await tokens.RevokeByAuthorizationIdAsync(grantId, cancellationToken);
            if (await authorizations.TryRevokeAsync(grant, cancellationToken))
            {
                revoked++;
            }
        }
        return revoked;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
