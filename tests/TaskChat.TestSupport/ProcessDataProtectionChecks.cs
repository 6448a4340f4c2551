using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace TaskChat.TestSupport;

/// <summary>
/// What the api and the mcp promise about Data Protection, which AddAuthentication brings along
/// (ProcessDataProtection in ServiceDefaults): no key ring read at start, and keys that live in memory.
/// Checked on each service's own running host, since the promise depends on the order of its registrations.
/// </summary>
public static class ProcessDataProtectionChecks
{
    public static void AssertNoKeyRingIsReadAtStart(RunningService service)
    {
        var hosted = service.Services.GetServices<IHostedService>().Select(hostedService => hostedService.GetType().FullName).ToList();

        Assert.NotEmpty(hosted);
        Assert.DoesNotContain("Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService", hosted);
    }

    public static void AssertDataIsProtectedWithKeysInMemory(RunningService service)
    {
        var provider = service.Services.GetRequiredService<IDataProtectionProvider>();
        var protector = provider.CreateProtector("test");

        var secret = protector.Protect("milk");

        Assert.NotEqual("milk", secret);
        Assert.Equal("milk", protector.Unprotect(secret));
        Assert.Equal("EphemeralDataProtectionProvider", provider.GetType().Name);
    }
}
