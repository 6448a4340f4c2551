namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>
/// Fills the contract's URL variables from the pieces a platform hands out, so that a deployment
/// wires services by reference instead of by hand-copied URLs. Render's blueprint references give a
/// peer's private address as <c>host:port</c> (no scheme, no path) and cannot concatenate, so:
/// <list type="bullet">
/// <item><c>MCP_SERVER_HOSTPORT</c> → <c>MCP_SERVER_URL=http://host:port</c></item>
/// <item><c>API_HOSTPORT</c> → <c>API_URL=http://host:port</c></item>
/// <item><c>AUTH_JWKS_HOSTPORT</c> → <c>AUTH_JWKS_URL=http://host:port/api/auth/jwks</c></item>
/// <item><c>TASKCHAT_WEB_URL</c> (the web's public URL, typed once) → <c>AUTH_ISSUER</c> and <c>CORS_ORIGINS</c></item>
/// </list>
/// A variable that is already set always wins; nothing is derived from a blank value.
/// </summary>
public static class DeploymentVariables
{
    /// <returns>The variables to set: only those that are unset and derivable.</returns>
    public static IReadOnlyDictionary<string, string> Derive(Func<string, string?> variable)
    {
        var derived = new Dictionary<string, string>();
        void From(string target, string source, Func<string, string> build)
        {
            if (string.IsNullOrWhiteSpace(variable(target)) && variable(source)?.Trim() is { Length: > 0 } value)
            {
                derived[target] = build(value);
            }
        }
        From("MCP_SERVER_URL", "MCP_SERVER_HOSTPORT", hostPort => $"http://{hostPort}");
        From("API_URL", "API_HOSTPORT", hostPort => $"http://{hostPort}");
        From("AUTH_JWKS_URL", "AUTH_JWKS_HOSTPORT", hostPort => $"http://{hostPort}/api/auth/jwks");
        From("AUTH_ISSUER", "TASKCHAT_WEB_URL", url => url.TrimEnd('/'));
        From("CORS_ORIGINS", "TASKCHAT_WEB_URL", url => url.TrimEnd('/'));
        return derived;
    }
}
