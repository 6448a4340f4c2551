using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.OAuth;

/// <summary>
/// The authorization server's variables (docs/configuration.md, "Outside MCP clients (OAuth)").
/// </summary>
public sealed record OAuthSettings
{
    public const string McpPublicUrlVariable = "MCP_PUBLIC_URL";
    public const string AllowPrivateMetadataHostsVariable = "OAUTH_ALLOW_PRIVATE_METADATA_HOSTS";

    /// <summary>
    /// The mcp's canonical URL as outside clients reach it (MCP_PUBLIC_URL, e.g. https://mcp.example.com/mcp):
    /// the one resource (RFC 8707) tokens are issued for, and their <c>aud</c>. By default MCP_SERVER_URL + /mcp.
    /// </summary>
    public required Uri McpResource { get; init; }

    /// <summary>
    /// How long an access token for the mcp lives (OAUTH_ACCESS_TOKEN_MINUTES, 10 by default): at most
    /// 15 minutes, the longest-lived token the mcp accepts from this issuer (JwtAuthenticationExtensions.MaxTokenLifetime).
    /// </summary>
    public required TimeSpan AccessTokenLifetime { get; init; }

    /// <summary>How long an unused refresh token lives (OAUTH_REFRESH_TOKEN_DAYS, 30 by default); each use replaces it.</summary>
    public required TimeSpan RefreshTokenLifetime { get; init; }

    /// <summary>
    /// Whether client metadata documents (CIMD) may be fetched from loopback and private addresses
    /// (OAUTH_ALLOW_PRIVATE_METADATA_HOSTS, false by default; refused in production): for tests and a
    /// client under development on this machine. Otherwise such a client_id is refused, so that
    /// nobody can make the web request its own network.
    /// </summary>
    public required bool AllowPrivateMetadataHosts { get; init; }

    /// <summary>Dynamic client registrations per client address per hour (OAUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR, 20 by default).</summary>
    public required int RegistrationsPerAddressPerHour { get; init; }

    /// <summary>The mcp's resource as clients write it: without a trailing slash on a bare host.</summary>
    public string Resource => McpResource.AbsoluteUri;

    public string Summary() =>
        $"oauth_resource={Resource} oauth_access_minutes={AccessTokenLifetime.TotalMinutes:0} oauth_refresh_days={RefreshTokenLifetime.TotalDays:0}" +
        $" oauth_registrations_per_address={RegistrationsPerAddressPerHour}/h" +
        (AllowPrivateMetadataHosts ? " oauth_private_metadata_hosts=allowed" : "");

    public static OAuthSettings Read(SettingsReader reader)
    {
        var mcpServer = reader.Raw("MCP_SERVER_URL")?.Trim().TrimEnd('/') is { Length: > 0 } server ? server : "http://localhost:8001";
        // Checked like a service URL only when set: a deploy that predates outside clients still starts
        // (its tokens name the mcp's internal URL, which no outside client asks for) until it sets it.
        var resource = reader.Url(McpPublicUrlVariable, mcpServer + "/mcp", isServiceUrl: !string.IsNullOrWhiteSpace(reader.Raw(McpPublicUrlVariable)));
        if (resource.Query.Length > 0 || resource.Fragment.Length > 0)
        {
            reader.Problem(McpPublicUrlVariable, "must have no query and no fragment (RFC 8707 resource indicator).");
        }
        var allowPrivate = reader.Choice(AllowPrivateMetadataHostsVariable, Switch.False) == Switch.True;
        if (allowPrivate && reader.IsProduction)
        {
            reader.Problem(AllowPrivateMetadataHostsVariable, "must not be true in production: it would let anyone make the web fetch addresses on its own network.");
        }
        return new OAuthSettings
        {
            McpResource = resource,
            AccessTokenLifetime = TimeSpan.FromMinutes(reader.Number("OAUTH_ACCESS_TOKEN_MINUTES", 10, 1, (int)JwtAuthenticationExtensions.MaxTokenLifetime.TotalMinutes)),
            RefreshTokenLifetime = TimeSpan.FromDays(reader.Number("OAUTH_REFRESH_TOKEN_DAYS", 30, 1, 365)),
            AllowPrivateMetadataHosts = allowPrivate,
            RegistrationsPerAddressPerHour = reader.Number("OAUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR", 20, 1, 100_000),
        };
    }

    private enum Switch
    {
        False,
        True,
    }
}
