using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Launcher.Deployed;

/// <summary>
/// The checks that need no network: the URLs doctor was given and the deployment's variables are
/// well formed, not loopback in production, and consistent with each other (the issuer is the web,
/// CORS names the web, the api's MCP_SERVER_URL is not the api).
/// </summary>
internal static class UrlChecks
{
    private static readonly string[] ServiceUrlVariables = ["AUTH_ISSUER", "AUTH_JWKS_URL", "API_URL", "MCP_SERVER_URL"];

    public static void Run(DeployedSystem system, DoctorReport report)
    {
        report.Section("URLs");
        PublicUrl(report, system, "web", system.Web);
        PublicUrl(report, system, "api", system.Api);
        if (system.Mcp is { } mcp)
        {
            PublicUrl(report, system, "mcp", mcp);
        }
        if (system.Mcp is { } m && SameAuthority(m, system.Api))
        {
            report.Fail($"the mcp URL {m} is the api's", "give --mcp the mcp service's own address (or leave it out when the mcp is private).");
        }
        if (system.Variables.Count == 0)
        {
            report.Note("no --env file: the services' variables are judged by their behaviour only");
            return;
        }

        foreach (var name in ServiceUrlVariables)
        {
            if (system.Variable(name) is { } value)
            {
                VariableUrl(report, system, name, value);
            }
        }
        if (system.Variable("CORS_ORIGINS") is { } cors)
        {
            foreach (var origin in cors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                VariableUrl(report, system, "CORS_ORIGINS", origin);
            }
        }

        var web = Origin(system.Web);
        if (system.Variable("AUTH_ISSUER") is { } issuer && Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri))
        {
            if (Origin(issuerUri) == web)
            {
                report.Pass($"AUTH_ISSUER {issuer} is the web's URL");
            }
            else
            {
                report.Fail($"AUTH_ISSUER is {issuer}, but the web is at {web} (a stale URL?)",
                    $"set AUTH_ISSUER={web} for every service: tokens carry the web's iss and the api and the mcp accept only AUTH_ISSUER's.");
            }
        }
        if (system.Variable("CORS_ORIGINS") is { } origins)
        {
            var listed = origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (listed.Any(o => Uri.TryCreate(o, UriKind.Absolute, out var u) && Origin(u) == web))
            {
                report.Pass($"CORS_ORIGINS names the web ({web})");
            }
            else
            {
                report.Fail($"CORS_ORIGINS ({origins}) does not name the web ({web})", $"set the api's CORS_ORIGINS={web} (comma-separate other browser origins).");
            }
        }
        if (system.Variable("MCP_SERVER_URL") is { } mcpUrl && Uri.TryCreate(mcpUrl, UriKind.Absolute, out var mcpUri))
        {
            var apiUrls = new[] { system.Api }.Concat(system.Variable("API_URL") is { } a && Uri.TryCreate(a, UriKind.Absolute, out var apiUri) ? [apiUri] : []);
            if (apiUrls.Any(api => SameAuthority(api, mcpUri)) || IsApiService(mcpUri))
            {
                report.Fail($"MCP_SERVER_URL {mcpUrl} points at the api itself",
                    "set MCP_SERVER_URL to the mcp service (http://mcp:8001 in Compose, http://taskchat-mcp:8001 in Kubernetes, MCP_SERVER_HOSTPORT from the mcp on Render): an api that calls itself hangs under load.");
            }
            else
            {
                report.Pass($"MCP_SERVER_URL {mcpUrl} is not the api");
            }
        }
    }

    public static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>The services' own rule (localhost., 0.0.0.0 and [::] included), so that doctor and start-up agree.</summary>
    public static bool IsLoopback(string host) => SettingsReader.IsLoopback(host);

    private static bool SameAuthority(Uri a, Uri b) =>
        a.Host.Equals(b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>The api's conventional private names (Compose, Kubernetes, Render).</summary>
    private static bool IsApiService(Uri uri) => uri.Host is "api" or "taskchat-api";

    private static void PublicUrl(DoctorReport report, DeployedSystem system, string name, Uri url)
    {
        if (system.IsProduction && IsLoopback(url.Host))
        {
            report.Fail($"{name} URL {url} names {url.Host} in production", $"pass the {name}'s public URL, the one browsers and clients use.");
        }
        else if (system.IsProduction && url.Scheme != Uri.UriSchemeHttps)
        {
            report.Fail($"{name} URL {url} is not https", "terminate TLS in front of the service and use its https:// URL: session cookies are Secure in production.");
        }
        else
        {
            report.Pass($"{name} URL {url} is well formed");
        }
    }

    private static void VariableUrl(DoctorReport report, DeployedSystem system, string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            report.Fail($"{name} ({value}) is not an absolute http(s) URL", $"set {name} to a URL such as https://host or http://service:port.");
        }
        else if (system.IsProduction && IsLoopback(uri.Host))
        {
            report.Fail($"{name} names {uri.Host} in production, which inside a container is the container itself",
                $"set {name} to the address the service is reached by in this deployment (a service name such as http://mcp:8001, or a public https URL); the services refuse to start otherwise.");
        }
        else
        {
            report.Pass($"{name} {value} is well formed{(system.IsProduction ? " and not loopback" : "")}");
        }
    }
}
