using TaskChat.Contract;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Mcp.OAuth;

/// <summary>
/// The mcp as an OAuth protected resource (docs/connect-mcp-clients.md): its canonical URL
/// (MCP_PUBLIC_URL), the web as its authorization server (AUTH_ISSUER, the web's public URL) and
/// the scopes it checks per tool.
/// </summary>
public sealed record McpResourceSettings
{
    /// <summary>Where RFC 9728 puts the metadata: this prefix, then the resource's path.</summary>
    public const string MetadataPathPrefix = "/.well-known/oauth-protected-resource";

    /// <summary>The canonical URL of the MCP endpoint, as outside clients use it: the RFC 8707 resource, and `aud` of their tokens.</summary>
    public required Uri Resource { get; init; }

    /// <summary>The authorization server's issuer identifier: AUTH_ISSUER.</summary>
    public required string AuthorizationServer { get; init; }

    /// <summary>The first-party audience (AUTH_AUDIENCE): the api's tokens, which carry the user's full authority.</summary>
    public required string FirstPartyAudience { get; init; }

    /// <summary>The metadata URL of <see cref="Resource"/>: the well-known prefix between its authority and its path.</summary>
    public Uri MetadataUrl => new(Resource.GetLeftPart(UriPartial.Authority) + MetadataPathPrefix + Resource.AbsolutePath.TrimEnd('/'));

    /// <summary>The metadata's path, as this service serves it.</summary>
    public string MetadataPath => MetadataUrl.AbsolutePath;

    public ProtectedResource Protected => new(Resource.ToString(), MetadataUrl, OAuthScopes.All);

    public string Summary() => $"mcp_public_url={Resource} authorization_server={AuthorizationServer}";

    /// <summary>
    /// MCP_PUBLIC_URL, else MCP_SERVER_URL, else this service on localhost; "/mcp" is appended unless
    /// the URL already ends with it (as MCP_SERVER_URL is read by the api). No query, no fragment:
    /// a resource indicator must not carry them (RFC 8707).
    /// </summary>
    public static McpResourceSettings Read(SettingsReader reader, TaskChatSettings shared)
    {
        var name = reader.Raw("MCP_PUBLIC_URL") is { Length: > 0 } ? "MCP_PUBLIC_URL" : "MCP_SERVER_URL";
        var fallback = $"http://localhost:{(shared.Port == 0 ? SystemWiring.DefaultPort(TaskChatService.Mcp) : shared.Port)}";
        var url = reader.Raw(name) is { Length: > 0 } ? reader.Url(name, fallback, isServiceUrl: name == "MCP_PUBLIC_URL") : new Uri(fallback);
        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            reader.Problem(name, "must not have a query or a fragment: it is the OAuth resource identifier of the mcp.");
        }
        var path = url.AbsolutePath.TrimEnd('/');
        var endpoint = path.EndsWith(Tools.TaskToolsExtensions.McpPath, StringComparison.OrdinalIgnoreCase) ? path : path + Tools.TaskToolsExtensions.McpPath;
        return new McpResourceSettings
        {
            Resource = new Uri(url.GetLeftPart(UriPartial.Authority) + endpoint),
            AuthorizationServer = shared.Auth.Issuer,
            FirstPartyAudience = shared.Auth.Audience,
        };
    }
}
