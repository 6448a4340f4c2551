using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// Loads the Data Protection key ring beside the start-up instead of before it. Data Protection's own
/// hosted service reads the key ring before the service listens: in the web a database query and a
/// certificate decryption per key, about 0.6 s of every start on the path to ready (issue 13). This one
/// starts the same read on a thread-pool thread and returns at once; a request that needs the key ring
/// before it is loaded waits for that one load (the key ring provider lets one caller load it), and a
/// load that fails here is retried by the first request, as it would be after the framework's failed
/// read.
/// </summary>
internal sealed partial class KeyRingWarmUp(IDataProtectionProvider dataProtection, ILogger<KeyRingWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try
            {
                // Protecting anything makes the provider read the ring (and create the first key on a fresh database).
                dataProtection.CreateProtector(typeof(KeyRingWarmUp).FullName!).Protect([]);
            }
            catch (Exception e)
            {
                // The type only: a provider's message may name its database.
                LogNotLoaded(logger, e.GetType().Name);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the Data Protection key ring at start-up ({Reason}); the first request that needs it tries again")]
    private static partial void LogNotLoaded(ILogger logger, string reason);
}

public static class KeyRingWarmUpExtensions
{
    /// <summary>Replaces Data Protection's key ring load before start-up with <see cref="KeyRingWarmUp"/>; call after AddDataProtection.</summary>
    public static IServiceCollection LoadKeyRingBesideStartUp(this IServiceCollection services)
    {
        foreach (var loader in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(loader);
        }
        services.AddHostedService<KeyRingWarmUp>();
        return services;
    }
}
