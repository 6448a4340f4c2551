using TaskChat.Contract;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Mcp.Security;

/// <summary>
/// Rejects (403) a request whose Origin header names a host this server does not answer to. Host
/// filtering already refuses a foreign Host header; this closes the other half of DNS rebinding:
/// a page on another site that makes a browser talk to a local MCP server. Requests without an
/// Origin (MCP clients, curl, the api) are not browsers and pass.
/// </summary>
public static class OriginCheck
{
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app)
    {
        var allowed = app.ApplicationServices.GetRequiredService<TaskChatSettings>().AllowedHosts
            .Select(h => h.Trim('[', ']'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var allowAny = allowed.Contains("*");

        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            // The protected-resource metadata is public and read by browser-based MCP clients on their own origin.
            if (origin.Length == 0 || allowAny || IsAllowed(origin, allowed)
                || context.Request.Path.StartsWithSegments(OAuth.McpResourceSettings.MetadataPathPrefix))
            {
                await next(context);
                return;
            }
            await ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemCodes.ForbiddenOrigin,
                "Requests from this origin are not allowed.");
        });
        return app;
    }

    private static bool IsAllowed(string origin, HashSet<string> allowed) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && (allowed.Contains(uri.Host.Trim('[', ']')) || allowed.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            && uri.Host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)));
}
