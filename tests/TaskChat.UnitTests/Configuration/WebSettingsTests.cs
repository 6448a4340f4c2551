using Microsoft.Extensions.Configuration;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
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
    public void SessionsDefaultToSevenIdleDaysThirtyInAllAndAMinuteBetweenChecks()
    {
        var (web, problems) = Read(new Dictionary<string, string?>());

        Assert.Empty(problems);
        Assert.Equal(new TaskChat.Web.Sessions.SessionLifetime(TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromMinutes(1)), web.Sessions);
        Assert.Contains("session_idle_days=7 session_max_days=30 session_revalidation_seconds=60", web.Summary(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AUTH_SESSION_IDLE_DAYS", "0")]
    [InlineData("AUTH_SESSION_IDLE_DAYS", "91")]
    [InlineData("AUTH_SESSION_MAX_DAYS", "0")]
    [InlineData("AUTH_SESSION_MAX_DAYS", "a month")]
    [InlineData("AUTH_SESSION_REVALIDATION_SECONDS", "0")]
    [InlineData("AUTH_SESSION_REVALIDATION_SECONDS", "301")]
    public void ASessionSettingOutOfRangeIsRefusedByName(string variable, string value)
    {
        var (_, problems) = Read(new Dictionary<string, string?> { [variable] = value });

        Assert.Contains(problems, p => p.StartsWith(variable + " must be a whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void SessionSettingsAreRead()
    {
        var (web, problems) = Read(new Dictionary<string, string?>
        {
            ["AUTH_SESSION_IDLE_DAYS"] = "2", ["AUTH_SESSION_MAX_DAYS"] = "14", ["AUTH_SESSION_REVALIDATION_SECONDS"] = "5",
        });

        Assert.Empty(problems);
        Assert.Equal(new TaskChat.Web.Sessions.SessionLifetime(TimeSpan.FromDays(2), TimeSpan.FromDays(14), TimeSpan.FromSeconds(5)), web.Sessions);
    }

    [Fact]
    public void InProductionApiUrlMustNotBeLoopback()
    {
        var variables = Settings.Production();
        variables["API_URL"] = "http://localhost:8000";

        var (_, problems) = Read(variables);

        Assert.Contains(problems, p => p.StartsWith("API_URL names localhost", StringComparison.Ordinal));
    }

    [Fact]
    public void InProductionAMissingKeyRingCertificateRefusesStartUp()
    {
        var (web, problems) = Read(Settings.Production());

        Assert.Null(web.KeyRing);
        Assert.Contains(problems, p => p.StartsWith("KEY_RING_CERTIFICATE is required in production", StringComparison.Ordinal));
    }

    [Fact]
    public void InDevelopmentNoKeyRingCertificateMeansAnUnencryptedKeyRing()
    {
        var (web, problems) = Read(new Dictionary<string, string?>());

        Assert.Empty(problems);
        Assert.Null(web.KeyRing);
        Assert.Contains("key_ring=unencrypted", web.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRingCertificateWithItsPasswordAndPreviousCertificatesIsRead()
    {
        using var current = TestCertificate.Create("pfx-Secret-42");
        using var previous = TestCertificate.Create("pfx-Secret-42");
        var variables = Settings.Production();
        variables["API_URL"] = "https://api.example.com";
        variables["KEY_RING_CERTIFICATE"] = current.Path;
        variables["KEY_RING_CERTIFICATE_PASSWORD"] = "pfx-Secret-42";
        variables["KEY_RING_PREVIOUS_CERTIFICATES"] = " " + previous.Path + " ,";

        var (web, problems) = Read(variables);

        Assert.Empty(problems);
        Assert.Equal(current.Thumbprint, web.KeyRing!.Current.Thumbprint);
        Assert.Equal([previous.Thumbprint], web.KeyRing.Previous.Select(c => c.Thumbprint));
        Assert.DoesNotContain("pfx-Secret-42", web.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRingCertificateThatCannotBeReadIsAProblemNamingTheVariable()
    {
        var variables = Settings.Production();
        variables["KEY_RING_CERTIFICATE"] = "/nowhere/key-ring.pfx";
        variables["KEY_RING_PREVIOUS_CERTIFICATES"] = "/nowhere/old.pfx";

        var (_, problems) = Read(variables);

        Assert.Contains(problems, p => p.StartsWith("KEY_RING_CERTIFICATE names '/nowhere/key-ring.pfx', which cannot be read", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("KEY_RING_PREVIOUS_CERTIFICATES names '/nowhere/old.pfx', which cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void AWrongKeyRingPasswordIsAProblemThatNeverShowsThePassword()
    {
        using var certificate = TestCertificate.Create("the-right-one");
        var variables = Settings.Production();
        variables["KEY_RING_CERTIFICATE"] = certificate.Path;
        variables["KEY_RING_CERTIFICATE_PASSWORD"] = "Wrong-Hunter2";

        var (_, problems) = Read(variables);

        var problem = Assert.Single(problems, p => p.StartsWith("KEY_RING_CERTIFICATE ", StringComparison.Ordinal));
        Assert.Contains("KEY_RING_CERTIFICATE_PASSWORD", problem, StringComparison.Ordinal);
        Assert.All(problems, p => Assert.DoesNotContain("Wrong-Hunter2", p, StringComparison.Ordinal));
    }

    [Fact]
    public void AKeyRingCertificateWithoutItsPrivateKeyIsAProblem()
    {
        using var certificate = TestCertificate.Create(withPrivateKey: false);
        var variables = Settings.Production();
        variables["KEY_RING_CERTIFICATE"] = certificate.Path;

        var (_, problems) = Read(variables);

        Assert.Contains(problems, p => p.StartsWith("KEY_RING_CERTIFICATE names", StringComparison.Ordinal) && p.Contains("no RSA private key", StringComparison.Ordinal));
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
