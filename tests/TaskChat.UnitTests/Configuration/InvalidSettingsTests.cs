using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.UnitTests.Configuration;

public class InvalidSettingsTests
{
    [Theory]
    [InlineData("PORT", "eighty")]
    [InlineData("PORT", "70000")]
    [InlineData("PORT", "-1")]
    [InlineData("ENVIRONMENT", "staging")]
    [InlineData("LOG_FORMAT", "xml")]
    [InlineData("LOG_FORMAT", "1")]
    [InlineData("HOST", "tasks.example.com")]
    [InlineData("DB_POOL_MAX", "0")]
    [InlineData("DB_POOL_MAX", "lots")]
    [InlineData("AUTH_ISSUER", "tasks.example.com")]
    [InlineData("AUTH_JWKS_URL", "ftp://tasks.example.com/jwks")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("ALLOWED_HOSTS", "https://tasks.example.com")]
    [InlineData("ALLOWED_HOSTS", "tasks.example.com:443")]
    public void InvalidValueIsRefusedNamingTheVariable(string name, string value)
    {
        var problems = Settings.Read(Settings.Api, (name, value)).Problems;

        var problem = Assert.Single(problems);
        Assert.StartsWith(name + " ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PORT", "eighty")]
    [InlineData("ENVIRONMENT", "staging")]
    [InlineData("LOG_FORMAT", "xml")]
    public void RefusalShowsAValueThatCannotBeASecret(string name, string value) =>
        Assert.Contains($"'{value}'", Assert.Single(Settings.Read(Settings.Api, (name, value)).Problems), StringComparison.Ordinal);

    [Theory]
    [InlineData("AUTH_ISSUER", "https://admin:Hunter2Secret@tasks.example.com")]
    [InlineData("AUTH_JWKS_URL", "https://admin:Hunter2Secret@tasks.example.com/api/auth/jwks")]
    public void CredentialsInAServiceUrlAreRefusedWithoutRepeatingThem(string name, string value)
    {
        var problem = Assert.Single(Settings.Read(Settings.Api, (name, value)).Problems);

        Assert.Equal($"{name} must not carry credentials in the URL.", problem);
    }

    [Fact]
    public void InvalidDatabaseUrlIsRefusedWithoutItsPassword()
    {
        var problem = Assert.Single(Settings.Read(Settings.Api, ("DATABASE_URL", "postgres://app:Hunter2Secret@db.example.com:port/tasks")).Problems);

        Assert.StartsWith("DATABASE_URL ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var (_, problems) = Settings.Read(Settings.Api,
            ("PORT", "eighty"), ("HOST", "anywhere"), ("LOG_FORMAT", "xml"), ("DB_POOL_MAX", "0"), ("DATABASE_URL", "not a url"));

        Assert.Equal(["DATABASE_URL", "DB_POOL_MAX", "HOST", "LOG_FORMAT", "PORT"], problems.Select(p => p.Split(' ')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExceptionMessageListsEveryProblemOnItsOwnLine()
    {
        var error = new InvalidConfigurationException(["PORT must be a whole number", "HOST must be an IP address"]);

        Assert.Equal(
            string.Join(Environment.NewLine, "Invalid configuration:", "  - PORT must be a whole number", "  - HOST must be an IP address"),
            error.Message);
    }
}
