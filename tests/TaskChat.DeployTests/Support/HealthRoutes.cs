using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.ServiceDefaults.Health;

namespace TaskChat.DeployTests.Support;

/// <summary>
/// The health endpoints every service maps (ServiceDefaults' MapHealthEndpoints), hosted on a
/// loopback port: a probe path in a deploy file "exists" when this answers it with anything but 404.
/// </summary>
internal static class HealthRoutes
{
    private static readonly Lazy<Task<Uri>> Host = new(StartAsync);

    public static async Task<bool> ExistsAsync(string path)
    {
        var baseUrl = await Host.Value;
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(baseUrl, path));
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private static async Task<Uri> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHealthChecks();
        builder.Services.AddRouting();
        var app = builder.Build();
        app.MapHealthEndpoints("probe-target");
        await app.StartAsync();
        return new Uri(app.Urls.First());
    }
}
