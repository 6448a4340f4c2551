using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaskChat.TestSupport;

/// <summary>A small stand-in server (an issuer, a collector, a scripted peer) on a free loopback port.</summary>
public static class LoopbackServer
{
    /// <param name="map">Maps the stand-in's endpoints.</param>
    /// <param name="port">The loopback port to take (a service's own, to stand in for it there); a free one when 0.</param>
    /// <returns>The started app (dispose it) and its base address, without a trailing slash.</returns>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> map, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    /// <summary>A loopback port nothing listens on (bound, read, released): where a peer is "down".</summary>
    public static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
