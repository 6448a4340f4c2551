using System.Net;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace TaskChat.Web.OAuth;

/// <summary>
/// Which redirect URIs a client may register (DCR, metadata documents), and how a loopback one
/// matches: RFC 8252 §7.3 has desktop clients (Claude Code, VS Code, the MCP Inspector) listen on
/// any free port, so http://127.0.0.1:PORT/callback matches a registered http://127.0.0.1/callback
/// or another port. Everything else must match exactly (OAuth 2.1).
/// </summary>
public static class LoopbackRedirectUris
{
    public const int MaxLength = 2000;

    /// <summary>True for an https URL, or http on a loopback host (127.0.0.1, [::1], localhost); no fragment, no credentials.</summary>
    public static bool IsAllowed(string? text) =>
        text is { Length: > 0 and <= MaxLength }
        && !text.Any(char.IsControl)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Fragment.Length == 0 && text.IndexOf('#') < 0
        && uri.UserInfo.Length == 0
        && !string.IsNullOrEmpty(uri.Host)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri.Host)));

    public static bool IsLoopback(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri.Host);

    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Whether <paramref name="requested"/> is <paramref name="registered"/> but for the port, both loopback.</summary>
    public static bool MatchesIgnoringPort(string registered, string requested) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var a) && Uri.TryCreate(requested, UriKind.Absolute, out var b)
        && IsLoopback(a) && IsLoopback(b)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.PathAndQuery, b.PathAndQuery, StringComparison.Ordinal);
}

/// <summary>OpenIddict's application manager, with the loopback redirect rule of <see cref="LoopbackRedirectUris"/>.</summary>
internal sealed class TaskChatApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(OpenIddictEntityFrameworkCoreApplication application, string uri, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken))
        {
            return true;
        }
        var registered = await GetRedirectUrisAsync(application, cancellationToken);
        return registered.Any(r => LoopbackRedirectUris.MatchesIgnoringPort(r, uri));
    }
}
