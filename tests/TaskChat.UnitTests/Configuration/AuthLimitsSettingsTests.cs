using System.Net;
using Microsoft.Extensions.Configuration;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web;

namespace TaskChat.UnitTests.Configuration;

/// <summary>The auth limits (AUTH_SIGN_IN_..., AUTH_LOCKOUT_...) and TRUSTED_PROXIES: defaults, and bad values named.</summary>
public sealed class AuthLimitsSettingsTests
{
    [Fact]
    public void The_defaults_throttle_sign_in_sign_up_and_lock_out_and_trust_no_proxy()
    {
        var (web, shared, problems) = Read(new Dictionary<string, string?>());

        Assert.Empty(problems);
        Assert.Equal(20, web.AuthLimits.SignInsPerAddressPerMinute);
        Assert.Equal(10, web.AuthLimits.SignInsPerEmailPerMinute);
        Assert.Equal(10, web.AuthLimits.SignUpsPerAddressPerHour);
        Assert.Equal(300, web.AuthLimits.AuthRequestsPerAddressPerMinute);
        Assert.Equal(5, web.AuthLimits.LockoutFailures);
        Assert.Equal(TimeSpan.FromMinutes(5), web.AuthLimits.LockoutPeriod);
        Assert.Empty(shared.TrustedProxies);
        Assert.Contains("trusted_proxies=none", shared.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Trusted_proxies_take_addresses_and_ranges_of_both_families()
    {
        var (_, shared, problems) = Read(new Dictionary<string, string?> { ["TRUSTED_PROXIES"] = " 10.0.0.0/8, 192.168.1.7 ,fd00::/8,[::1]" });

        Assert.Empty(problems);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.1.7/32"), IPNetwork.Parse("fd00::/8"), IPNetwork.Parse("::1/128")], shared.TrustedProxies);
    }

    [Theory]
    [InlineData("AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE", "0")]
    [InlineData("AUTH_SIGN_IN_PER_EMAIL_PER_MINUTE", "-1")]
    [InlineData("AUTH_SIGN_UP_PER_ADDRESS_PER_HOUR", "ten")]
    [InlineData("AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE", "1.5")]
    [InlineData("AUTH_LOCKOUT_FAILURES", "lots")]
    [InlineData("AUTH_LOCKOUT_MINUTES", "0")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.0/99")]
    [InlineData("TRUSTED_PROXIES", "proxy.example.com")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.1,*")]
    public void A_bad_value_is_a_problem_naming_its_variable(string variable, string value)
    {
        var (_, _, problems) = Read(new Dictionary<string, string?> { [variable] = value });

        Assert.Contains(problems, p => p.StartsWith(variable + " ", StringComparison.Ordinal));
    }

    private static (WebSettings Web, TaskChatSettings Shared, IReadOnlyList<string> Problems) Read(IDictionary<string, string?> variables)
    {
        var reader = new SettingsReader(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        var shared = reader.ReadShared(ServiceInfo.Of(TaskChatService.Web));
        var web = WebSettings.Read(reader);
        var error = Record.Exception(reader.ThrowIfInvalid);
        return (web, shared, error is InvalidConfigurationException invalid ? invalid.Problems : []);
    }
}
