namespace TaskChat.UnitTests.Configuration;

public class SettingsSummaryTests
{
    [Theory]
    [InlineData("postgres://app:Hunter2Secret@db.example.com:5432/tasks?sslmode=require")]
    [InlineData("Host=db.example.com;Database=tasks;Username=app;Password=Hunter2Secret;SSL Mode=Require")]
    public void SummaryShowsWhereTheDatabaseIsButNoPassword(string databaseUrl)
    {
        var variables = Settings.Production();
        variables["DATABASE_URL"] = databaseUrl;

        var summary = Settings.Read(Settings.Api, variables).Summary;

        Assert.Contains("database=[postgresql db.example.com:5432/tasks ssl=require pool=30]", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SummaryShowsTheTelemetryEndpointWithoutItsCredentials()
    {
        var variables = Settings.Production();
        variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = "https://otel:OtlpToken123@collector.example.com:4318/v1/traces";

        var summary = Settings.Read(Settings.Api, variables).Summary;

        Assert.Contains("otel=https://collector.example.com:4318", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("OtlpToken123", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryIsOneLineDescribingTheService()
    {
        var summary = Settings.Read(Settings.Mcp, Settings.Production()).Summary;

        Assert.Equal(
            "mcp-server environment=production listen=0.0.0.0:8001 " +
            "issuer=https://tasks.example.com audience=taskchat jwks=https://tasks.example.com/api/auth/jwks " +
            "allowed_hosts=localhost,127.0.0.1,[::1] log_format=json otel=off trusted_proxies=none database=[postgresql db.example.com:5432/tasks ssl=require pool=15]",
            summary);
    }

    [Fact]
    public void SummaryLeavesOutTheJwksUrlForAServiceThatDoesNotValidateTokens() =>
        Assert.DoesNotContain("jwks=", Settings.Read(Settings.Web, Settings.Production()).Summary, StringComparison.Ordinal);
}
