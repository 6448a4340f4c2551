using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.UnitTests.Configuration;

public class ProductionSettingsTests
{
    [Theory]
    [InlineData("production")]
    [InlineData("Production")]
    [InlineData("prod")]
    public void CompleteProductionConfigurationIsAccepted(string environment)
    {
        var variables = Settings.Production();
        variables["ENVIRONMENT"] = environment;

        var read = Settings.Read(Settings.Api, variables);

        Assert.Empty(read.Problems);
        Assert.True(read.Settings.IsProduction);
        Assert.Equal(DatabaseProvider.Postgres, read.Database.Provider);
    }

    [Fact]
    public void ProductionListensOnEveryInterfaceAndLogsJson()
    {
        var settings = Settings.Read(Settings.Api, Settings.Production()).Settings;

        Assert.Equal("0.0.0.0", settings.Host);
        Assert.Equal(LogFormat.Json, settings.LogFormat);
    }

    [Theory]
    [InlineData("AUTH_ISSUER", "http://localhost:3000")]
    [InlineData("AUTH_ISSUER", "http://127.0.0.1:3000")]
    [InlineData("AUTH_ISSUER", "http://[::1]:3000")]
    [InlineData("AUTH_ISSUER", "http://web.localhost")]
    [InlineData("AUTH_JWKS_URL", "http://localhost:3000/api/auth/jwks")]
    [InlineData("AUTH_JWKS_URL", "http://127.0.0.2:3000/api/auth/jwks")]
    [InlineData("AUTH_JWKS_URL", "http://[::1]:3000/api/auth/jwks")]
    [InlineData("AUTH_ISSUER", "http://localhost.:3000")]
    [InlineData("AUTH_ISSUER", "http://LOCALHOST.:3000")]
    [InlineData("AUTH_ISSUER", "http://web.localhost.")]
    [InlineData("AUTH_ISSUER", "http://0.0.0.0:3000")]
    [InlineData("AUTH_JWKS_URL", "http://[::]:3000/api/auth/jwks")]
    [InlineData("AUTH_JWKS_URL", "http://[::ffff:127.0.0.1]:3000/api/auth/jwks")]
    [InlineData("AUTH_JWKS_URL", "http://127.1:3000/api/auth/jwks")]
    public void LoopbackServiceUrlIsRefusedNamingTheVariable(string name, string value)
    {
        var variables = Settings.Production();
        variables[name] = value;

        var problem = Assert.Single(Settings.Read(Settings.Api, variables).Problems);

        Assert.StartsWith(name + " names ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost.", true)]
    [InlineData("api.localhost.", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("[::]", true)]
    [InlineData("[::ffff:127.0.0.1]", true)]
    [InlineData("localhost.example.com", false)]
    [InlineData("mylocalhost", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("web.", false)]
    public void TheLoopbackRuleKnowsEveryNameOfThisMachine(string host, bool loopback) =>
        Assert.Equal(loopback, SettingsReader.IsLoopback(host));

    [Fact]
    public void WebDoesNotFetchTheJwksSoItsLoopbackUrlIsNoProblem()
    {
        var variables = Settings.Production();
        variables["AUTH_JWKS_URL"] = "http://localhost:3000/api/auth/jwks";

        Assert.Empty(Settings.Read(Settings.Web, variables).Problems);
    }

    [Fact]
    public void MissingDatabaseUrlIsRefused()
    {
        var variables = Settings.Production();
        variables.Remove("DATABASE_URL");

        Assert.Equal("DATABASE_URL must be set in production (a PostgreSQL URL).", Assert.Single(Settings.Read(Settings.Api, variables).Problems));
    }

    [Theory]
    [InlineData("sqlite:/var/lib/taskchat/tasks.db")]
    [InlineData("/var/lib/taskchat/tasks.db")]
    public void SqliteIsRefused(string databaseUrl)
    {
        var variables = Settings.Production();
        variables["DATABASE_URL"] = databaseUrl;

        var problem = Assert.Single(Settings.Read(Settings.Api, variables).Problems);

        Assert.StartsWith("DATABASE_URL must be PostgreSQL in production", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableDatabaseUrlIsReportedOnceForWhatItIs()
    {
        var variables = Settings.Production();
        variables["DATABASE_URL"] = "postgres://app:Hunter2Secret@db.example.com:port/tasks";

        var problem = Assert.Single(Settings.Read(Settings.Api, variables).Problems);

        Assert.StartsWith("DATABASE_URL is not a valid PostgreSQL URI", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionWithDevelopmentDefaultsListsEveryProblem()
    {
        var problems = Settings.Read(Settings.Api, ("ENVIRONMENT", "production")).Problems;

        Assert.Equal(["AUTH_ISSUER", "AUTH_JWKS_URL", "DATABASE_URL"], problems.Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void IssuerAnswersToItsPublicHostAndTheRenderHostname()
    {
        var variables = Settings.Production();
        variables["RENDER_EXTERNAL_HOSTNAME"] = "taskchat-web.onrender.com";

        var hosts = Settings.Read(Settings.Web, variables).Settings.AllowedHosts;

        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "tasks.example.com", "taskchat-web.onrender.com"], hosts);
    }

    [Fact]
    public void ApiAnswersToTheRenderHostnameButNotToTheIssuersHost()
    {
        var variables = Settings.Production();
        variables["RENDER_EXTERNAL_HOSTNAME"] = "taskchat-api.onrender.com";

        var hosts = Settings.Read(Settings.Api, variables).Settings.AllowedHosts;

        Assert.Contains("taskchat-api.onrender.com", hosts);
        Assert.DoesNotContain("tasks.example.com", hosts);
    }

    [Theory]
    [InlineData("API_URL", "https://api.tasks.example.com", "api.tasks.example.com")]
    [InlineData("MCP_SERVER_URL", "http://mcp:8001/mcp", "mcp")]
    public void ServiceAnswersToTheHostTheOthersReachItBy(string variable, string url, string host)
    {
        var variables = Settings.Production();
        variables[variable] = url;

        var hosts = Settings.Read(variable == "API_URL" ? Settings.Api : Settings.Mcp, variables).Settings.AllowedHosts;

        Assert.Contains(host, hosts);
    }

    [Fact]
    public void AllowedHostNamedTwiceIsListedOnce()
    {
        var variables = Settings.Production();
        variables["ALLOWED_HOSTS"] = "TASKS.example.com,tasks.example.com";

        Assert.Equal(["TASKS.example.com"], Settings.Read(Settings.Web, variables).Settings.AllowedHosts);
    }
}
