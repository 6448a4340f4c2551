using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TaskChat.TestSupport;

/// <summary>
/// A service built exactly as its Program builds it, listening on a free loopback port (real
/// Kestrel, real HTTP), with the test's variables layered over the environment.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private RunningService(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="build">The service's Build(args, configure) method.</param>
    /// <param name="variables">Flat variables (DATABASE_URL, AUTH_JWKS_URL...); HOST and PORT default to a free loopback port.</param>
    public static async Task<RunningService> StartAsync(
        Func<string[], Action<IConfigurationBuilder>?, WebApplication> build,
        IDictionary<string, string?> variables)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HOST"] = "127.0.0.1",
            ["PORT"] = "0",
            ["ENVIRONMENT"] = "development",
            // Tests read results, not logs: keep the output readable.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in variables)
        {
            settings[key] = value;
        }
        var app = build([], configuration => configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningService(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
