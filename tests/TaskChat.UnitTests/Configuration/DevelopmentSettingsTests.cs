using Npgsql;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.UnitTests.Configuration;

public class DevelopmentSettingsTests
{
    public static TheoryData<ServiceInfo, int> DefaultPorts => new()
    {
        { Settings.Web, 3000 },
        { Settings.Api, 8000 },
        { Settings.Mcp, 8001 },
    };

    [Theory]
    [MemberData(nameof(DefaultPorts))]
    public void EachServiceHasItsOwnDefaultPort(ServiceInfo service, int port) =>
        Assert.Equal(port, Settings.Read(service).Settings.Port);

    [Fact]
    public void UnsetVariablesGiveAWorkingLocalSetup()
    {
        var (settings, problems) = Settings.Read(Settings.Api);

        Assert.Empty(problems);
        Assert.False(settings.IsProduction);
        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(new AuthSettings("http://localhost:3000", "taskchat", new Uri("http://localhost:3000/api/auth/jwks")), settings.Auth);
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], settings.AllowedHosts);
        Assert.Equal(LogFormat.Text, settings.LogFormat);
        Assert.Null(settings.OtlpEndpoint);
    }

    [Fact]
    public void UnsetDatabaseUrlMeansTheSqliteFileUnderTheRepositoryRoot()
    {
        var database = Settings.Read(Settings.Mcp).Database;

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal("sqlite " + DatabaseUrl.DefaultSqlitePath(), database.Summary);
        Assert.EndsWith(Path.Combine(".data", "taskchat.db"), database.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("development")]
    [InlineData("Development")]
    [InlineData("dev")]
    [InlineData("")]
    public void DevelopmentIsSpelledSeveralWays(string environment) =>
        Assert.False(Settings.Read(Settings.Api, ("ENVIRONMENT", environment)).Settings.IsProduction);

    [Fact]
    public void VariablesThatAreSetOverrideTheDefaults()
    {
        var (settings, problems) = Settings.Read(Settings.Api,
            ("HOST", "0.0.0.0"), ("PORT", "9000"), ("AUTH_ISSUER", "https://tasks.example.com/"), ("AUTH_AUDIENCE", "taskchat-test"),
            ("ALLOWED_HOSTS", "tasks.test, api.tasks.test"), ("LOG_FORMAT", "JSON"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));

        Assert.Empty(problems);
        Assert.Equal(("0.0.0.0", 9000), (settings.Host, settings.Port));
        Assert.Equal(("https://tasks.example.com", "taskchat-test"), (settings.Auth.Issuer, settings.Auth.Audience));
        Assert.Equal(["tasks.test", "api.tasks.test"], settings.AllowedHosts);
        Assert.Equal(LogFormat.Json, settings.LogFormat);
        Assert.Equal(new Uri("http://collector:4318"), settings.OtlpEndpoint);
    }

    [Theory]
    [InlineData(30, null)]
    [InlineData(12, "12")]
    public void DatabasePoolMaxComesFromDbPoolMaxOrTheServiceDefault(int expected, string? poolMax)
    {
        var variables = new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://app:pw@db.example.com/tasks", ["DB_POOL_MAX"] = poolMax };

        var database = Settings.Read(Settings.Api, variables).Database;

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public void McpOpensFewerConnectionsThanTheApiByDefault()
    {
        var variables = new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://app:pw@db.example.com/tasks" };

        var database = Settings.Read(Settings.Mcp, variables).Database;

        Assert.Equal(15, new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public void RenderHostnameIsNotAddedOutsideProduction() =>
        Assert.DoesNotContain("taskchat.onrender.com",
            Settings.Read(Settings.Api, ("RENDER_EXTERNAL_HOSTNAME", "taskchat.onrender.com")).Settings.AllowedHosts);
}
