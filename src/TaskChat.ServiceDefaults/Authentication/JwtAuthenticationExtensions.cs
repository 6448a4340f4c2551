using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.ServiceDefaults.Authentication;

public static class JwtAuthenticationExtensions
{
    /// <summary>The only algorithms accepted: asymmetric, so a JWKS can never be used to forge (no none, no HS*).</summary>
    public static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The lifetime of the web's tokens, and the longest a validator accepts (plus <see cref="ClockSkew"/>):
    /// a leaked signing key can then mint tokens that last minutes, not a year.
    /// </summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest subject accepted: the contract's user id (tasks.user_id holds 255 characters).
    /// A longer one could never own a task, so its token is refused here rather than failing later.
    /// </summary>
    public const int MaxSubjectLength = 255;

    /// <summary>
    /// Bearer authentication for tokens from the web's issuer (AUTH_ISSUER, AUTH_AUDIENCE, keys from
    /// AUTH_JWKS_URL): signature, issuer, audience and lifetime checked, <c>sub</c> required (it is
    /// the user id). A rejected request gets 401 with <c>WWW-Authenticate: Bearer</c> and a problem
    /// details body. The pipeline still needs <c>UseAuthentication()</c> and <c>UseAuthorization()</c>.
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="resource">
    /// For a service outside OAuth clients call (the mcp): its canonical URL is accepted as a second
    /// audience (tokens the web issued for that resource, RFC 8707), and every 401 names its
    /// protected-resource metadata and scopes (RFC 9728, RFC 6750) so that a client can find where to
    /// sign in. Null: first-party tokens only, and a bare <c>Bearer</c> challenge (the api).
    /// </param>
    public static WebApplicationBuilder AddJwtValidation(this WebApplicationBuilder builder, ProtectedResource? resource = null)
    {
        var services = builder.Services;
        var auth = builder.GetServiceConfiguration().Shared.Auth;
        services.AddHttpClient(nameof(JwksKeyCache), client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton(sp => new JwksKeyCache(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JwksKeyCache)),
            auth.JwksUrl,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JwksKeyCache>>()));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // After AddAuthentication, which brings Data Protection along (the mcp's AddMcp comes before this).
        services.AddProcessDataProtection();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwksKeyCache, TimeProvider>((options, keys, clock) =>
            {
                options.MapInboundClaims = false;
                options.RequireHttpsMetadata = false;
                options.RefreshOnIssuerKeyNotFound = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    // AUTH_ISSUER is kept without a trailing slash; issuers differ on whether `iss` has one.
                    ValidIssuers = [auth.Issuer, auth.Issuer + "/"],
                    // Exactly these: the first-party audience and, for a protected resource, its own URL.
                    // No trailing-slash leniency: `aud` is compared as the resource indicator was sent.
                    ValidAudiences = resource is null ? [auth.Audience] : [auth.Audience, resource.Resource],
                    IgnoreTrailingSlashWhenValidatingAudience = false,
                    ValidAlgorithms = AllowedAlgorithms,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    RequireAudience = true,
                    ClockSkew = ClockSkew,
                    NameClaimType = "name",
                    IssuerSigningKeyResolver = (_, _, kid, _) => keys.KeysFor(kid),
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context => PrepareKeysAsync(context, keys),
                    OnTokenValidated = context => RequireSubjectAndShortLifetime(context, clock),
                    OnChallenge = context => WriteChallengeAsync(context, resource),
                };
            });
        services.AddAuthorization();
        return builder;
    }

    /// <summary>The user id of an authenticated request: the token's subject.</summary>
    public static string? GetUserId(this System.Security.Claims.ClaimsPrincipal? user) =>
        user?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;

    /// <summary>
    /// The user's IANA time zone from the token's standard OIDC `zoneinfo` claim ("Europe/Paris"), or
    /// null when the token has none; the task rules read an unknown one as UTC.
    /// </summary>
    public static string? GetTimeZoneId(this System.Security.Claims.ClaimsPrincipal? user) =>
        user?.FindFirst(TimeZoneClaim)?.Value;

    /// <summary>
    /// The user's language and region from the token's standard OIDC `locale` claim ("en-GB"), or null
    /// when the token has none; the agent reads 12/5 in its order.
    /// </summary>
    public static string? GetLocale(this System.Security.Claims.ClaimsPrincipal? user) =>
        user?.FindFirst(LocaleClaim)?.Value;

    /// <summary>The OIDC standard claim of the user's time zone ("Europe/Paris").</summary>
    public const string TimeZoneClaim = "zoneinfo";

    /// <summary>The OIDC standard claim of the user's language and region ("en-GB").</summary>
    public const string LocaleClaim = "locale";

    /// <summary>The request's token could not be checked because the issuer's keys could not be fetched (<see cref="JwksKeyCache.CannotCheck"/>).</summary>
    private const string IssuerUnavailableItem = "TaskChat.IssuerUnavailable";

    // The key resolver is synchronous; fetching happens here, before validation, where we can await.
    private static async Task PrepareKeysAsync(MessageReceivedContext context, JwksKeyCache keys)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(header, out var parsed)
            || !string.Equals(parsed.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(parsed.Parameter))
        {
            return;
        }
        context.Token = parsed.Parameter;
        string? keyId;
        try
        {
            keyId = new JsonWebToken(parsed.Parameter).Kid;
        }
        catch (ArgumentException)
        {
            return; // Not a JWT at all: validation will reject it without a key fetch.
        }
        try
        {
            await keys.EnsureKeyAsync(keyId, context.HttpContext.RequestAborted);
            if (keys.CannotCheck(keyId))
            {
                context.HttpContext.Items[IssuerUnavailableItem] = true; // Said by the challenge: 503, not 401.
                context.NoResult();
            }
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away while the keys were being fetched: nobody waits for the answer. Thrown on, the
            // cancellation reached JwtBearer, which logged it as an error with its stack ("Exception occurred while
            // processing message"): seen in the mcp's log when the api calling it was killed mid-call.
            context.NoResult();
        }
    }

    private static Task RequireSubjectAndShortLifetime(TokenValidatedContext context, TimeProvider clock)
    {
        var subject = context.Principal.GetUserId();
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            context.Fail("The token has no valid subject.");
        }
        else if (context.SecurityToken is JsonWebToken token && IsTooLongLived(token, clock.GetUtcNow().UtcDateTime))
        {
            context.Fail("The token lives longer than the issuer's tokens do.");
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether a token outlives what the issuer ever signs: from <c>iat</c> to <c>exp</c>, and from
    /// now to <c>exp</c> (so that an <c>iat</c> set in the future buys no extra time).
    /// </summary>
    public static bool IsTooLongLived(JsonWebToken token, DateTime utcNow)
    {
        var allowed = MaxTokenLifetime + ClockSkew;
        var hasIssuedAt = token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out _);
        return token.ValidTo - utcNow > allowed || (hasIssuedAt && token.ValidTo - token.IssuedAt > allowed);
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context, ProtectedResource? resource)
    {
        context.HandleResponse();
        var response = context.Response;
        if (context.HttpContext.Items.ContainsKey(IssuerUnavailableItem))
        {
            response.Headers.RetryAfter = "5";
            await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, ProblemCodes.IssuerUnavailable,
                "Your sign-in could not be checked just now: the sign-in service's keys could not be fetched. Try again in a moment.");
            return;
        }
        var expired = context.AuthenticateFailure is SecurityTokenExpiredException;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        List<string> parameters = context.AuthenticateFailure is null
            ? []
            : ["error=\"invalid_token\"", $"error_description=\"{(expired ? "The token expired" : "The token is invalid")}\""];
        if (resource is not null)
        {
            parameters.AddRange(resource.ChallengeParameters(resource.Scopes));
        }
        response.Headers.WWWAuthenticate = parameters.Count == 0 ? "Bearer" : "Bearer " + string.Join(", ", parameters);
        var detail = context.AuthenticateFailure is null
            ? "A bearer token is required."
            : expired ? "The token has expired: sign in again." : "The token is invalid.";
        await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, detail);
    }
}
