using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// The api validates tokens and protects nothing that must outlive it: Data Protection (which
/// AddAuthentication brings along) keeps its keys in memory and reads no key ring at start.
/// </summary>
public sealed class DataProtectionTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    [Fact]
    public void NoKeyRingIsReadAtStart()
    {
        var hosted = server.Server.Services.GetServices<IHostedService>().Select(service => service.GetType().FullName).ToList();

        Assert.NotEmpty(hosted);
        Assert.DoesNotContain("Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService", hosted);
    }

    [Fact]
    public void DataIsStillProtectedWithKeysThatLiveInMemory()
    {
        var provider = server.Server.Services.GetRequiredService<IDataProtectionProvider>();
        var protector = provider.CreateProtector("test");

        var secret = protector.Protect("milk");

        Assert.NotEqual("milk", secret);
        Assert.Equal("milk", protector.Unprotect(secret));
        Assert.Equal("EphemeralDataProtectionProvider", provider.GetType().Name);
    }
}
