using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.ServiceDefaults.Authentication;

/// <summary>
/// Data Protection for a service that only validates bearer tokens (the api, the mcp). AddAuthentication
/// brings it along, but nothing in these services protects data that must outlive the process (no
/// cookies, no antiforgery): keys live in memory and are never written to a container's disk.
/// </summary>
internal static class ProcessDataProtection
{
    /// <summary>
    /// Ephemeral keys, and no key ring at start. Data Protection's own hosted service reads the key ring
    /// before the host starts, so that the first request need not: here that created a key, as XML, for
    /// a key manager that the ephemeral provider never uses. Without it the api and the mcp hold 6–7 MB
    /// less at idle (System.Xml's pages, the key's code; docs/performance.md). Call after the last
    /// AddAuthentication of the service: each one adds that hosted service again.
    /// </summary>
    public static IServiceCollection AddProcessDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.Configure<KeyManagementOptions>(options =>
        {
            // Only in case something asks the key manager after all: then too, nothing leaves memory.
            options.XmlRepository = new InMemoryXmlRepository();
            options.XmlEncryptor = new NullXmlEncryptor(); // Never leaves memory: nothing to encrypt.
        });
        services.RemoveInternal<IHostedService>("Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
        return services;
    }
}
