using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using TaskChat.Data;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web.Auth.Throttling;
using TaskChat.Web.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TaskChat.Web.OAuth;

/// <summary>
/// The web as an OAuth 2.1 authorization server for outside MCP clients (Claude, VS Code, the MCP
/// Inspector), with OpenIddict: authorization code with PKCE S256 only, the mcp as the one resource
/// (RFC 8707, bound into <c>aud</c>), short-lived JWT access tokens signed with the same key ring as
/// the api tokens and published in the same JWKS, rotating refresh tokens, clients from metadata
/// documents (CIMD) or dynamic registration (RFC 7591). docs/architecture.md, "Outside MCP clients".
/// </summary>
public static class OAuthServerExtensions
{
    /// <summary>The rate limiter policy of /oauth/register (OAUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR).</summary>
    public const string RegistrationPolicy = "oauth-registration";

    public static WebApplicationBuilder AddOAuthServer(this WebApplicationBuilder builder, WebSettings web)
    {
        var shared = builder.GetServiceConfiguration().Shared;
        var oauth = web.OAuth;
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<TaskChatDbContext>()
                .Services.AddScoped<TaskChatApplicationManager>())
            .AddCore(core => core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, TaskChatApplicationManager>())
            .AddServer(server =>
            {
                // The same issuer as the api tokens: the mcp validates both kinds with one configuration.
                server.SetIssuer(IssuerUri(shared.Auth.Issuer));
                server.SetAuthorizationEndpointUris(OAuthPaths.Authorize[1..])
                    .SetTokenEndpointUris(OAuthPaths.Token[1..])
                    .SetRevocationEndpointUris(OAuthPaths.Revoke[1..])
                    .SetConfigurationEndpointUris(OAuthPaths.AuthorizationServerMetadata[1..], OAuthPaths.OpenIdConfiguration[1..]);
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. OAuthScopes.All]);
                server.RegisterResources(oauth.Resource);
                server.SetAccessTokenLifetime(oauth.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(oauth.RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2))
                    // No grace period: a refresh token used twice is a stolen one, and its whole grant is revoked.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // Access tokens are plain signed JWTs that the mcp validates against the JWKS.
                server.DisableAccessTokenEncryption();
                // Codes and refresh tokens are Data Protection payloads, whose keys every replica shares
                // (in the database); access tokens stay JWTs.
                server.UseDataProtection().PreferDefaultAccessTokenFormat();
                // OpenIddict insists on one encryption and one asymmetric signing key at start-up. Neither is
                // used: codes and refresh tokens go through Data Protection, access tokens are not encrypted,
                // and KeyRingSigning signs every token with the key ring's current key. So the cheapest kinds:
                // the default RSA pair cost 2-4 s of this machine's CPU on the first request (issue 13's start-up).
                server.AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW)
                    .AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256);
                server.AddEventHandler(KeyRingSigning.Descriptor)
                    .AddEventHandler(KeyRingValidation.Descriptor)
                    .AddEventHandler(DiscoveryMetadata.Descriptor)
                    .AddEventHandler(ClientMetadataDocumentResolution.Descriptor);
                server.Configure(options =>
                {
                    // PKCE with S256 only: "plain" sends the verifier's equal in the front channel.
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    // TLS ends at the proxy in front (docs/deploy.md); the issuer URL, https in production, is what clients use.
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddSingleton(oauth);
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<OAuthClients>();
        builder.Services.AddScoped<ConnectedApps>();
        builder.Services.AddScoped<OAuthFormTargets>();
        builder.AddClientMetadataDocuments(oauth);
        var registrations = AuthThrottle.Bucket(oauth.RegistrationsPerAddressPerHour, TimeSpan.FromHours(1));
        builder.Services.Configure<RateLimiterOptions>(options => options.AddPolicy(RegistrationPolicy,
            context => RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context), _ => registrations)));
        // OpenIddict answers /oauth/token and /oauth/revoke inside the authentication middleware, before routing
        // reaches an endpoint, so an endpoint policy never sees them: a global limiter (UseRateLimiter runs before
        // UseAuthentication) gives them the same per-address budget as the other auth requests
        // (AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE), in a bucket of their own. Code guessing, refresh-token
        // guessing and revocation floods all go through here.
        var tokenRequests = AuthThrottle.Bucket(web.AuthLimits.AuthRequestsPerAddressPerMinute, TimeSpan.FromMinutes(1));
        builder.Services.Configure<RateLimiterOptions>(options => options.GlobalLimiter =
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsTokenOrRevocation(context.Request)
                ? RateLimitPartition.GetTokenBucketLimiter("oauth " + ClientAddress.Of(context), _ => tokenRequests)
                : RateLimitPartition.GetNoLimiter(string.Empty)));
        // OpenIddict logs each request's parameters at Information; what it redacts is its choice, ours is to keep them out.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        return builder;
    }

    private static bool IsTokenOrRevocation(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals(OAuthPaths.Token, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(OAuthPaths.Revoke, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// AUTH_ISSUER exactly as written: the api tokens' <c>iss</c> is "https://web.example" and so must
    /// these tokens' and the metadata's be, while a normalized Uri would add a trailing slash
    /// ("https://web.example/"), which a validator comparing strings would refuse.
    /// </summary>
    internal static Uri IssuerUri(string issuer) =>
        new(issuer, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    /// <summary>Signs every token OpenIddict issues with the web's current ring key (ES256, its kid in the JWKS).</summary>
    internal sealed class KeyRingSigning(SigningKeyRing keys) : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<KeyRingSigning>()
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(GenerateTokenContext context)
        {
            var ring = await keys.GetAsync(context.CancellationToken);
            context.SigningCredentials = new SigningCredentials(ring.SigningKey, SigningKeyRing.Algorithm);
        }
    }

    /// <summary>Validates the JWTs OpenIddict reads back (an access token sent to /oauth/revoke) against every published ring key.</summary>
    internal sealed class KeyRingValidation(SigningKeyRing keys) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<KeyRingValidation>()
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            var ring = await keys.GetAsync(context.CancellationToken);
            context.TokenValidationParameters.IssuerSigningKeys = ring.PublishedKeys;
        }
    }

    /// <summary>
    /// The metadata document's additions: the web's existing JWKS as jwks_uri (OpenIddict's own JWKS
    /// endpoint is off: one key set), the registration endpoint, and CIMD support.
    /// </summary>
    internal sealed class DiscoveryMetadata(TaskChatSettings settings) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryMetadata>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachAdditionalMetadata.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

        public ValueTask HandleAsync(HandleConfigurationRequestContext context)
        {
            // Behind a proxy the request's own host is an internal one: every URL is the public issuer's.
            var issuer = settings.Auth.Issuer.TrimEnd('/');
            context.AuthorizationEndpoint = new Uri(issuer + OAuthPaths.Authorize, UriKind.Absolute);
            context.TokenEndpoint = new Uri(issuer + OAuthPaths.Token, UriKind.Absolute);
            context.RevocationEndpoint = new Uri(issuer + OAuthPaths.Revoke, UriKind.Absolute);
            context.JsonWebKeySetEndpoint = new Uri(issuer + OAuthPaths.Jwks, UriKind.Absolute);
            context.Metadata["registration_endpoint"] = issuer + OAuthPaths.Register;
            context.Metadata["client_id_metadata_document_supported"] = true;
            // Every client is public: it proves itself with PKCE, never with a secret.
            context.TokenEndpointAuthenticationMethods.Clear();
            context.TokenEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.None);
            context.RevocationEndpointAuthenticationMethods.Clear();
            context.RevocationEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.None);
            // Identity tokens (scope openid) are signed like everything else, by the key ring.
            context.IdTokenSigningAlgorithms.Clear();
            context.IdTokenSigningAlgorithms.Add(SigningKeyRing.Algorithm);
            return default;
        }
    }
}
