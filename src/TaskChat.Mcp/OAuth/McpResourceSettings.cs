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

    public ProtectedResource Protected => new(Resource.AbsoluteUri, MetadataUrl, McpScopes.All);

    public string Summary() => $"mcp_public_url={Resource} authorization_server={AuthorizationServer}";

    /// <summary>
    /// MCP_PUBLIC_URL, taken as it is written (the web reads the same variable and must issue tokens
    /// for exactly this URL), which must therefore name the MCP endpoint itself (its path ends with
    /// /mcp). Unset: MCP_SERVER_URL + /mcp (a URL already ending in /mcp is taken as is), else this
    /// service on localhost. No query, no fragment: a resource indicator has none (RFC 8707).
    /// </summary>
    public static McpResourceSettings Read(SettingsReader reader, TaskChatSettings shared)
    {
        const string Name = "MCP_PUBLIC_URL";
        Uri resource;
        if (reader.Raw(Name) is { Length: > 0 })
        {
            resource = reader.Url(Name, "http://localhost/mcp", isServiceUrl: true);
            if (!resource.AbsolutePath.EndsWith(Tools.TaskToolsExtensions.McpPath, StringComparison.Ordinal))
            {
                reader.Problem(Name, $"must be the URL of the MCP endpoint itself, ending in {Tools.TaskToolsExtensions.McpPath} (e.g. https://mcp.example.com/mcp).");
            }
            if (resource.Query.Length > 0 || resource.Fragment.Length > 0)
            {
                reader.Problem(Name, "must have no query and no fragment (RFC 8707 resource indicator).");
            }
        }
        else
        {
            var port = shared.Port == 0 ? SystemWiring.DefaultPort(TaskChatService.Mcp) : shared.Port;
            var server = (reader.Raw("MCP_SERVER_URL")?.Trim() is { Length: > 0 } configured ? configured : $"http://localhost:{port}").TrimEnd('/');
            resource = Uri.TryCreate(server.EndsWith(Tools.TaskToolsExtensions.McpPath, StringComparison.OrdinalIgnoreCase) ? server : server + Tools.TaskToolsExtensions.McpPath, UriKind.Absolute, out var derived)
                ? derived
                : new Uri($"http://localhost:{port}{Tools.TaskToolsExtensions.McpPath}");
        }
        return new McpResourceSettings
        {
            Resource = resource,
            AuthorizationServer = shared.Auth.Issuer,
            FirstPartyAudience = shared.Auth.Audience,
        };
    }
}
