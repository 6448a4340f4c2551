using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TaskChat.Web.OAuth;

/// <summary>How a client came to be known: its metadata document (CIMD) or dynamic registration (RFC 7591).</summary>
public enum ClientRegistration
{
    MetadataDocument,
    Dynamic,
}

/// <summary>What a client says about itself, checked (<see cref="ClientMetadataRules"/>).</summary>
public sealed record ClientMetadata(string ClientName, IReadOnlyList<string> RedirectUris, Uri? ClientUri);

/// <summary>
/// The OAuth clients (OpenIddict applications): every one public (no secret; PKCE proves the code's
/// owner), with explicit consent, allowed the code and refresh flows, the task scopes and the mcp as resource.
/// </summary>
internal sealed class OAuthClients(IOpenIddictApplicationManager applications, OAuthSettings settings, TimeProvider clock)
{
    /// <summary>An application property: how the client registered, and when it was last (re)read.</summary>
    public const string RegistrationProperty = "taskchat_registration";
    public const string RefreshedAtProperty = "taskchat_refreshed_at";

    public async Task<string> RegisterDynamicAsync(ClientMetadata metadata, CancellationToken cancellationToken)
    {
        // 32 random bytes: nobody can guess another client's id, though it is no secret.
        var clientId = "tc_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        await applications.CreateAsync(Describe(clientId, metadata, ClientRegistration.Dynamic), cancellationToken);
        return clientId;
    }

    /// <summary>Creates or updates the application of a metadata document's client.</summary>
    public async Task SaveMetadataDocumentClientAsync(string clientId, ClientMetadata metadata, CancellationToken cancellationToken)
    {
        var descriptor = Describe(clientId, metadata, ClientRegistration.MetadataDocument);
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    private OpenIddictApplicationDescriptor Describe(string clientId, ClientMetadata metadata, ClientRegistration registration)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Explicit,
            ApplicationType = ApplicationTypes.Native,
            DisplayName = metadata.ClientName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Resource + settings.Resource,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in OAuthScopes.All)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        foreach (var uri in metadata.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        descriptor.Properties[RegistrationProperty] = JsonSerializer.SerializeToElement(registration.ToString());
        descriptor.Properties[RefreshedAtProperty] = JsonSerializer.SerializeToElement(clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return descriptor;
    }
}

/// <summary>The limits and rules on what a client says about itself, for DCR and metadata documents alike.</summary>
public static class ClientMetadataRules
{
    /// <summary>RFC 7591's error codes (OpenIddict has no constants for them).</summary>
    public const string InvalidClientMetadata = "invalid_client_metadata";
    public const string InvalidRedirectUri = "invalid_redirect_uri";

    public const int MaxRedirectUris = 10;
    public const int MaxClientNameLength = 100;
    public const int MaxDocumentBytes = 16 * 1024;

    /// <summary>The grant types a client may name; anything else is refused rather than silently dropped.</summary>
    public static readonly IReadOnlySet<string> GrantTypes = new HashSet<string>(StringComparer.Ordinal) { "authorization_code", "refresh_token" };

    /// <summary>Reads the fields TaskChat uses from a client's JSON metadata; null and an error description when it is not acceptable.</summary>
    public static (ClientMetadata? Metadata, string? ErrorCode, string? Error) Read(JsonElement json, string fallbackName)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return Fail(InvalidClientMetadata, "The client metadata must be a JSON object.");
        }
        if (!json.TryGetProperty("redirect_uris", out var redirects) || redirects.ValueKind != JsonValueKind.Array || redirects.GetArrayLength() == 0)
        {
            return Fail(InvalidRedirectUri, "redirect_uris must be a non-empty array.");
        }
        if (redirects.GetArrayLength() > MaxRedirectUris)
        {
            return Fail(InvalidRedirectUri, $"At most {MaxRedirectUris} redirect_uris.");
        }
        var uris = new List<string>();
        foreach (var item in redirects.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !LoopbackRedirectUris.IsAllowed(item.GetString()))
            {
                return Fail(InvalidRedirectUri,
                    "Each redirect URI must be https, or http on 127.0.0.1, [::1] or localhost (RFC 8252), without a fragment.");
            }
            uris.Add(item.GetString()!);
        }
        // Every client is registered public ("none", PKCE). A request for a client secret is served as a
        // public client rather than refused: RFC 7591 lets the server replace requested metadata and the
        // response says what was registered. The official C# MCP SDK always asks for client_secret_post
        // and uses what the response names; refusing it would lock that client out.
        if (Text(json, "token_endpoint_auth_method") is { } method && method is not ("none" or "client_secret_post" or "client_secret_basic"))
        {
            return Fail(InvalidClientMetadata, "Only public clients are supported: token_endpoint_auth_method must be \"none\".");
        }
        if (json.TryGetProperty("grant_types", out var grants))
        {
            if (grants.ValueKind != JsonValueKind.Array || grants.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String || !GrantTypes.Contains(g.GetString()!)))
            {
                return Fail(InvalidClientMetadata, "grant_types may name authorization_code and refresh_token only.");
            }
        }
        if (json.TryGetProperty("response_types", out var responses)
            && (responses.ValueKind != JsonValueKind.Array || responses.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String || r.GetString() != "code")))
        {
            return Fail(InvalidClientMetadata, "response_types may name code only.");
        }
        var name = Text(json, "client_name")?.Trim();
        if (name is { Length: > MaxClientNameLength } || (name is not null && name.Any(char.IsControl)))
        {
            return Fail(InvalidClientMetadata, $"client_name must be at most {MaxClientNameLength} characters, without control characters.");
        }
        Uri? clientUri = null;
        if (Text(json, "client_uri") is { } link && (!Uri.TryCreate(link, UriKind.Absolute, out clientUri) || clientUri.Scheme != Uri.UriSchemeHttps || link.Length > LoopbackRedirectUris.MaxLength))
        {
            return Fail(InvalidClientMetadata, "client_uri must be an https URL.");
        }
        return (new ClientMetadata(string.IsNullOrEmpty(name) ? fallbackName : name, uris, clientUri), null, null);
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (ClientMetadata?, string?, string?) Fail(string code, string error) => (null, code, error);
}
