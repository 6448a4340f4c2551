using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace TaskChat.TestSupport;

/// <summary>
/// A reverse proxy (YARP) in front of the replicas of one service, as a deployment's load balancer:
/// round robin, an active health check on /health/ready that takes a stopped replica out within
/// seconds, and, for the web, cookie affinity (a Blazor Server circuit lives in one replica).
/// </summary>
public sealed class ReplicaFront : IAsyncDisposable
{
    /// <summary>The affinity cookie the front sets when <see cref="StartAsync"/> is asked for affinity.</summary>
    public const string AffinityCookie = "taskchat.replica";

    private readonly WebApplication _app;

    private ReplicaFront(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>Where the front listens on loopback; peers and clients are given this address.</summary>
    public int Port { get; }

    /// <param name="port">Its port (chosen before the replicas start: they are wired to it).</param>
    /// <param name="replicaPorts">Where the replicas listen, on 127.0.0.1.</param>
    /// <param name="cookieAffinity">Keeps a client on the replica it first reached (the web).</param>
    public static async Task<ReplicaFront> StartAsync(int port, IReadOnlyList<int> replicaPorts, bool cookieAffinity = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var cluster = new ClusterConfig
        {
            ClusterId = "replicas",
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = replicaPorts.Select((p, i) => (p, i)).ToDictionary(
                d => $"replica-{d.i}", d => new DestinationConfig { Address = $"http://127.0.0.1:{d.p}" }),
            SessionAffinity = cookieAffinity ? new SessionAffinityConfig { Enabled = true, Policy = "Cookie", AffinityKeyName = AffinityCookie } : null,
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromSeconds(1),
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = "ConsecutiveFailures",
                    Path = "/health/ready",
                },
            },
        };
        var route = new RouteConfig { RouteId = "all", ClusterId = cluster.ClusterId, Match = new RouteMatch { Path = "{**rest}" } };
        builder.Services.AddReverseProxy().LoadFromMemory([route], [cluster]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new ReplicaFront(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
