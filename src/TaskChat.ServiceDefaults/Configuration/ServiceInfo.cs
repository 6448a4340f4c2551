namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>What a service tells the defaults about itself.</summary>
/// <param name="Name">The name in health reports and logs ("mcp-server", "backend", "frontend").</param>
/// <param name="DefaultPort">PORT when unset.</param>
/// <param name="DefaultDbPoolMax">DB_POOL_MAX when unset.</param>
/// <param name="ValidatesTokens">Whether it validates JWTs from AUTH_JWKS_URL (api, mcp).</param>
/// <param name="IsIssuer">Whether AUTH_ISSUER is this service's own public URL (the web), whose host it must answer to.</param>
public sealed record ServiceInfo(string Name, int DefaultPort, int DefaultDbPoolMax, bool ValidatesTokens, bool IsIssuer = false);
