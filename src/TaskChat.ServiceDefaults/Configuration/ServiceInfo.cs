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
public sealed record ServiceInfo(string Name, int DefaultPort, int DefaultDbPoolMax, bool ValidatesTokens, string? OwnUrlVariable = null);
