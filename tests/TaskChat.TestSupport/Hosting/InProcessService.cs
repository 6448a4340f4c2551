extern alias api;
extern alias mcp;
extern alias web;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport.Processes;

namespace TaskChat.TestSupport.Hosting;

/// <summary>
/// A service built by its own Program in the test process (WebApplicationFactory), listening on real
/// Kestrel sockets, so that tests call it over HTTP and may still reach into its services.
/// </summary>
internal sealed class InProcessService : RunningService
{
    private readonly IAsyncDisposable _factory;
    private readonly IServiceProvider _services;
    private int _disposed;

    private InProcessService(TaskChatService service, Uri baseAddress, IAsyncDisposable factory, IServiceProvider services)
        : base(service, baseAddress)
    {
        _factory = factory;
        _services = services;
    }

    public override IServiceProvider Services => _services;

    /// <param name="service">Which service.</param>
    /// <param name="variables">Its whole configuration, over the test process's environment.</param>
    /// <param name="testServices">Replaces some of its services after its own (a fake clock).</param>
    public static Task<InProcessService> StartAsync(TaskChatService service, IReadOnlyDictionary<string, string> variables, Action<IServiceCollection>? testServices) =>
        service switch
        {
            TaskChatService.Mcp => StartAsync(service, new ServiceFactory<mcp::Program>(service, variables, testServices)),
            TaskChatService.Api => StartAsync(service, new ServiceFactory<api::Program>(service, variables, testServices)),
            TaskChatService.Web => StartAsync(service, new ServiceFactory<web::Program>(service, variables, testServices)),
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };

    public override Task KillAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _factory.DisposeAsync();
        }
    }

    private static async Task<InProcessService> StartAsync<TEntryPoint>(TaskChatService service, ServiceFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        try
        {
            // Kestrel, not the in-memory TestServer: peers and MCP clients need a real socket. The
            // service binds HOST and PORT itself, as in production (PORT 0: a free port).
            factory.UseKestrel();
            await Task.Run(factory.StartServer);
            var address = factory.Host?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException($"The {service} did not start: its configuration was refused (see the test output).");
            return new InProcessService(service, new Uri(address + "/"), factory, factory.Host.Services);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    private sealed class ServiceFactory<TEntryPoint>(TaskChatService service, IReadOnlyDictionary<string, string> variables, Action<IServiceCollection>? testServices)
        : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
    {
        public IHost? Host { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Its project folder, as under the launcher, whatever the current folder (the bench runs from anywhere).
            builder.UseContentRoot(BuiltService.ProjectDirectory(service));
            // Settings, not app configuration: WebApplicationFactory hands settings to Program as
            // command-line arguments, so its builder reads them with everything else at start-up.
            foreach (var (name, value) in variables)
            {
                builder.UseSetting(name, value);
            }
            if (testServices is not null)
            {
                builder.ConfigureTestServices(testServices);
            }
        }

        protected override IHost CreateHost(IHostBuilder builder) => Host = base.CreateHost(builder);
    }
}
