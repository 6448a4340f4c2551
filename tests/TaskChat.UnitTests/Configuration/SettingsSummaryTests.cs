namespace TaskChat.UnitTests.Configuration;

public class SettingsSummaryTests
{
    [Theory]
    [InlineData("postgres://app:Hunter2Secret@db.example.com:5432/tasks?sslmode=require")]
    [InlineData("Host=db.example.com;Database=tasks;Username=app;Password=Hunter2Secret;SSL Mode=Require")]
    public void Summary_shows_where_the_database_is_but_no_password(string databaseUrl)
    {
        var variables = Settings.Production();
        variables["DATABASE_URL"] = databaseUrl;

        var summary = Settings.Read(Settings.Api, variables).Settings.Summary();

        Assert.Contains("database=[postgresql db.example.com:5432/tasks ssl=require pool=30]", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Summary_shows_the_telemetry_endpoint_without_its_credentials()
    {
        var variables = Settings.Production();
        variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = "https://otel:OtlpToken123@collector.example.com:4318/v1/traces";

        var summary = Settings.Read(Settings.Api, variables).Settings.Summary();

        Assert.Contains("otel=https://collector.example.com:4318", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("OtlpToken123", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_is_one_line_describing_the_service()
    {
        var summary = Settings.Read(Settings.Mcp, Settings.Production()).Settings.Summary();

        Assert.Equal(
            "mcp-server environment=production listen=0.0.0.0:8001 database=[postgresql db.example.com:5432/tasks ssl=require pool=15] " +
            "issuer=https://tasks.example.com audience=taskchat jwks=https://tasks.example.com/api/auth/jwks " +
            "allowed_hosts=localhost,127.0.0.1,[::1] log_format=json otel=off",
            summary);
    }

    [Fact]
    public void Summary_leaves_out_the_jwks_url_for_a_service_that_does_not_validate_tokens() =>
        Assert.DoesNotContain("jwks=", Settings.Read(Settings.Web, Settings.Production()).Settings.Summary(), StringComparison.Ordinal);
}
