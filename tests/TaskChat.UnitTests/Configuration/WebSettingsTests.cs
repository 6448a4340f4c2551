using Microsoft.Extensions.Configuration;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web;

namespace TaskChat.UnitTests.Configuration;

/// <summary>The web's own variables: API_URL and AUTH_KEY_ROTATION_DAYS.</summary>
public sealed class WebSettingsTests
{
    [Fact]
    public void DefaultsAreTheContractsDevelopmentValues()
    {
        var (web, problems) = Read(new Dictionary<string, string?>());

        Assert.Empty(problems);
        Assert.Equal(new Uri("http://localhost:8000"), web.ApiUrl);
        Assert.Equal(new Uri("http://localhost:8000/health/live"), web.ApiHealthUrl);
        Assert.Equal(30, web.KeyRotationDays);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("a month")]
    public void ARotationPeriodOutsideADayToAYearIsRefused(string days)
    {
        var (_, problems) = Read(new Dictionary<string, string?> { ["AUTH_KEY_ROTATION_DAYS"] = days });

        Assert.Contains(problems, p => p.StartsWith("AUTH_KEY_ROTATION_DAYS must be a whole number from 1 to 365", StringComparison.Ordinal));
    }

    [Fact]
    public void InProductionApiUrlMustNotBeLoopback()
    {
        var variables = Settings.Production();
        variables["API_URL"] = "http://localhost:8000";

        var (_, problems) = Read(variables);

        Assert.Contains(problems, p => p.StartsWith("API_URL names localhost", StringComparison.Ordinal));
    }

    private static (WebSettings Web, IReadOnlyList<string> Problems) Read(IDictionary<string, string?> variables)
    {
        var reader = new SettingsReader(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        reader.ReadShared(ServiceInfo.Of(TaskChatService.Web));
        var web = WebSettings.Read(reader);
        var error = Record.Exception(reader.ThrowIfInvalid);
        return (web, error is InvalidConfigurationException invalid ? invalid.Problems : []);
    }
}
