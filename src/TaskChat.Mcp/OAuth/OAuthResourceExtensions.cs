using Microsoft.AspNetCore.Authentication.JwtBearer;
using ModelContextProtocol.Authentication;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Mcp.OAuth;

public static class OAuthResourceExtensions
{
    /// <summary>
    /// Bearer authentication for the mcp as an OAuth protected resource: first-party tokens and
    /// tokens issued for MCP_PUBLIC_URL, 401 challenges that name the metadata and the scopes, and the
    /// RFC 9728 metadata document, served by the MCP SDK's handler (<c>AddMcp</c>) at
    /// <c>/.well-known/oauth-protected-resource/mcp</c> and at the root form.
    /// </summary>
    public static WebApplicationBuilder AddOAuthProtectedResource(this WebApplicationBuilder builder)
    {
        var configuration = builder.GetServiceConfiguration();
        var settings = McpResourceSettings.Read(configuration.Reader, configuration.Shared);
        configuration.Summarize(settings.Summary());
        builder.Services.AddSingleton(settings);

        // Only the metadata endpoint of this scheme is used: the JwtBearer scheme stays the default for
        // authenticating and challenging (its challenge already carries resource_metadata and scope,
        // with our problem-details body and invalid_token errors, which the SDK's challenge has not).
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddMcp(options =>
        {
            options.ResourceMetadata = new ProtectedResourceMetadata
            {
                Resource = settings.Resource.AbsoluteUri,
                AuthorizationServers = [settings.AuthorizationServer],
                ScopesSupported = [.. McpScopes.All],
                BearerMethodsSupported = ["header"],
                ResourceName = "TaskChat tasks",
            };
            options.Events.OnResourceMetadataRequest = context =>
            {
                // The handler answers any path under the prefix; only the resource's own and the root form exist.
                var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
                if (!string.Equals(path, settings.MetadataPath, StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(path, McpResourceSettings.MetadataPathPrefix + Tools.TaskToolsExtensions.McpPath, StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(path, McpResourceSettings.MetadataPathPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    context.SkipHandler();
                    return Task.CompletedTask;
                }
                // Public facts, read by browser-based clients (the MCP Inspector) from another origin.
                context.Response.Headers.AccessControlAllowOrigin = "*";
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return Task.CompletedTask;
            };
        });
        // Last: it sets up Data Protection after the last AddAuthentication (ProcessDataProtection).
        builder.AddJwtValidation(settings.Protected);
        return builder;
    }
}
