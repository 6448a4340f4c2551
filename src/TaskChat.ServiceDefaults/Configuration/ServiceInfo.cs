namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>What a service tells the defaults about itself.</summary>
/// <param name="Name">The name in health reports and logs ("mcp-server", "backend", "frontend").</param>
/// <param name="DefaultPort">PORT when unset.</param>
/// <param name="DefaultDbPoolMax">DB_POOL_MAX when unset.</param>
/// <param name="ValidatesTokens">Whether it validates JWTs from AUTH_JWKS_URL (api, mcp).</param>
/// <param name="OwnUrlVariable">
/// The variable the other parts use to reach this service (AUTH_ISSUER for the web, API_URL for the
/// api, MCP_SERVER_URL for the mcp): in production the service also answers to that URL's host, so
/// that `http://mcp:8001` in Docker Compose works without listing "mcp" in ALLOWED_HOSTS.
/// </param>
/// <param name="PublicUrlVariable">
/// The variable naming the URL outside clients use, when it may differ from <paramref name="OwnUrlVariable"/>
/// (MCP_PUBLIC_URL for the mcp, the OAuth resource): in production its host is answered to as well.
/// </param>
public sealed record ServiceInfo(string Name, int DefaultPort, int DefaultDbPoolMax, bool ValidatesTokens, string? OwnUrlVariable = null, string? PublicUrlVariable = null)
{
    /// <summary>The contract's description of each service (docs/configuration.md).</summary>
    public static ServiceInfo Of(TaskChatService service) => service switch
    {
        TaskChatService.Mcp => new("mcp-server", SystemWiring.DefaultPort(service), DefaultDbPoolMax: 15, ValidatesTokens: true, OwnUrlVariable: "MCP_SERVER_URL", PublicUrlVariable: "MCP_PUBLIC_URL"),
        TaskChatService.Api => new("backend", SystemWiring.DefaultPort(service), DefaultDbPoolMax: 30, ValidatesTokens: true, OwnUrlVariable: "API_URL"),
        TaskChatService.Web => new("frontend", SystemWiring.DefaultPort(service), DefaultDbPoolMax: 30, ValidatesTokens: false, OwnUrlVariable: "AUTH_ISSUER"),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };
}
