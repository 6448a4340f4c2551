using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TaskChat.Web.OAuth;

/// <summary>What /oauth/register answers (RFC 7591 §3.2.1), and its errors (§3.2.2).</summary>
public sealed record RegisteredClient(
    string client_id,
    long client_id_issued_at,
    string client_name,
    IReadOnlyList<string> redirect_uris,
    string token_endpoint_auth_method,
    IReadOnlyList<string> grant_types,
    IReadOnlyList<string> response_types,
    string scope);

public sealed record RegistrationError(string error, string error_description);

/// <summary>
/// Dynamic Client Registration (RFC 7591) for MCP clients that predate metadata documents: public
/// clients only (no secret is ever issued), https or loopback redirect URIs, at most 10 of them, a
/// 16 KB body, and a per-address budget (OAUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR).
/// </summary>
public static class RegistrationEndpoint
{
    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthorizeEndpoint();
        endpoints.MapPost(OAuthPaths.Register, RegisterAsync).RequireRateLimiting(OAuthServerExtensions.RegistrationPolicy).WithTags("OAuth");
        return endpoints;
    }

    internal static async Task<Results<Created<RegisteredClient>, BadRequest<RegistrationError>, StatusCodeHttpResult>> RegisterAsync(
        HttpContext context, OAuthClients clients, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > ClientMetadataRules.MaxDocumentBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (!context.Request.HasJsonContentType())
        {
            return Invalid(ClientMetadataRules.InvalidClientMetadata, "The registration request must be JSON (application/json).");
        }
        JsonDocument document;
        try
        {
            using var limited = new MemoryStream();
            await context.Request.Body.CopyToAsync(limited, cancellationToken);
            if (limited.Length > ClientMetadataRules.MaxDocumentBytes)
            {
                return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            document = JsonDocument.Parse(limited.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return Invalid(ClientMetadataRules.InvalidClientMetadata, "The registration request is not valid JSON.");
        }
        using (document)
        {
            var (metadata, code, problem) = ClientMetadataRules.Read(document.RootElement, "Unnamed app");
            if (metadata is null)
            {
                return Invalid(code!, problem!);
            }
            var clientId = await clients.RegisterDynamicAsync(metadata, cancellationToken);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Created((string?)null, new RegisteredClient(
                clientId,
                clock.GetUtcNow().ToUnixTimeSeconds(),
                metadata.ClientName,
                metadata.RedirectUris,
                "none",
                [.. ClientMetadataRules.GrantTypes.Order(StringComparer.Ordinal)],
                ["code"],
                string.Join(' ', OAuthScopes.All)));
        }
    }

    private static BadRequest<RegistrationError> Invalid(string code, string description) =>
        TypedResults.BadRequest(new RegistrationError(code, description));
}
