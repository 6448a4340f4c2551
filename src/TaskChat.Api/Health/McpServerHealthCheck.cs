using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaskChat.Api.Health;

/// <summary>
/// The mcp's own /health, for the api's /health ("mcp_server": "connected" or "error: ..."). Not
/// part of readiness: the api serves REST while the mcp is down, and restarting or unrouting it
/// because a peer is down is how one outage becomes many.
/// </summary>
internal sealed class McpServerHealthCheck(IHttpClientFactory httpClients, ApiSettings settings) : IHealthCheck
{
    public const string HttpClientName = "mcp-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(settings.McpHealthUrl, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy("connected")
                : HealthCheckResult.Unhealthy($"error: unhealthy ({(int)response.StatusCode})");
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Unhealthy("error: " + ShortReason(e));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("error: timeout");
        }
    }

    private static string ShortReason(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain } => "host not found",
        SocketException => "unreachable",
        _ => "unreachable",
    };
}
