using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaskChat.ServiceDefaults.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (restart it if not). <c>/health/ready</c>: its own hard
/// dependency, the database, works (route traffic to it). <c>/health</c>: everything it talks to, in the
/// reference architecture's shape, e.g. {"status":"healthy","service":"mcp-server","database":"connected"}.
/// Liveness checks nothing else on purpose: restarting a healthy process because a peer is down is
/// how one outage becomes a cascade of restarts.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Checks with this tag decide readiness; every check is part of <c>/health</c>.</summary>
    public const string ReadyTag = "ready";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Whether <paramref name="path"/> is one of the health endpoints (they are not host-filtered): /health..., and the web's /api/health.</summary>
    public static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints, string serviceName, string path = "/health")
    {
        endpoints.MapHealthChecks(path + "/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, report) => Write(context, serviceName, report, includeEntries: false),
        }).WithMetadata(new HttpMethodMetadata(Methods)).DisableHttpMetrics();

        endpoints.MapHealthChecks(path + "/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = (context, report) => Write(context, serviceName, report, includeEntries: true),
        }).WithMetadata(new HttpMethodMetadata(Methods)).DisableHttpMetrics();

        endpoints.MapHealthReport(path, serviceName);
        return endpoints;
    }

    /// <summary>
    /// A full report at <paramref name="path"/> in the reference's shape: every check (or those
    /// <paramref name="predicate"/> picks), 503 when one fails.
    /// </summary>
    public static IEndpointConventionBuilder MapHealthReport(this IEndpointRouteBuilder endpoints, string path, string serviceName, Func<HealthCheckRegistration, bool>? predicate = null) =>
        endpoints.MapHealthChecks(path, new HealthCheckOptions
        {
            Predicate = predicate,
            ResponseWriter = (context, report) => Write(context, serviceName, report, includeEntries: true),
        }).WithMetadata(new HttpMethodMetadata(Methods)).DisableHttpMetrics();

    private static Task Write(HttpContext context, string serviceName, HealthReport report, bool includeEntries)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy");
            json.WriteString("service", serviceName);
            if (includeEntries)
            {
                foreach (var (name, entry) in report.Entries)
                {
                    // A check's description is its short, safe verdict: "connected" or "error: <reason>".
                    json.WriteString(name, entry.Description ?? (entry.Status == HealthStatus.Healthy ? "connected" : "error: unavailable"));
                }
            }
            json.WriteEndObject();
        }
        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
