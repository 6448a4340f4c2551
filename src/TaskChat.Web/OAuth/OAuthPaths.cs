namespace TaskChat.Web.OAuth;

/// <summary>The authorization server's endpoints (docs/architecture.md, "Outside MCP clients").</summary>
public static class OAuthPaths
{
    public const string Authorize = "/oauth/authorize";
    public const string Token = "/oauth/token";
    public const string Revoke = "/oauth/revoke";
    public const string Register = "/oauth/register";
    public const string Consent = "/oauth/consent";

    /// <summary>RFC 8414's metadata path, which MCP clients try first; OpenID discovery serves the same document.</summary>
    public const string AuthorizationServerMetadata = "/.well-known/oauth-authorization-server";
    public const string OpenIdConfiguration = "/.well-known/openid-configuration";

    /// <summary>The JWKS the web already publishes for its api tokens: one key set for both kinds of token.</summary>
    public const string Jwks = "/api/auth/jwks";

    /// <summary>The "Connected apps" page, where a person sees and disconnects the clients with access.</summary>
    public const string ConnectedApps = "/account/apps";
}
