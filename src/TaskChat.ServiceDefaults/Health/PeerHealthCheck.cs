using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaskChat.ServiceDefaults.Health;

/// <summary>
/// Another service's health endpoint, for this service's /health ("mcp_server" in the api's,
/// "backend" in the web's: "connected" or "error: ..."). Never part of readiness: a service keeps
/// serving what it can while a peer is down, and restarting or unrouting it because a peer is down
/// is how one outage becomes many.
/// </summary>
public sealed class PeerHealthCheck(HttpClient httpClient, Uri healthUrl) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await httpClient.GetAsync(healthUrl, cancellationToken);
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
        _ => "unreachable",
    };
}

public static class PeerHealthCheckExtensions
{
    /// <summary>Adds <paramref name="name"/> to /health: a GET of <paramref name="healthUrl"/> that must answer 2xx within 5 seconds.</summary>
    public static IHealthChecksBuilder AddPeer(this IHealthChecksBuilder checks, string name, Uri healthUrl)
    {
        var client = "health-" + name;
        checks.Services.AddHttpClient(client, http => http.Timeout = PeerHealthCheck.Timeout);
        return checks.Add(new HealthCheckRegistration(
            name,
            services => new PeerHealthCheck(services.GetRequiredService<IHttpClientFactory>().CreateClient(client), healthUrl),
            failureStatus: null,
            tags: null,
            timeout: PeerHealthCheck.Timeout));
    }
}
