using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using TaskChat.Api.Extensions;
using TaskChat.Data;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Api.FunctionalTests;

/// <summary>The api's own variables, read as its Program reads them: a bad one stops start-up and is named.</summary>
public sealed class ApiConfigurationTests : IDisposable
{
    private const string ApiKey = "sk-test-Hunter2SecretKeyValue";

    private readonly string _directory = Directory.CreateTempSubdirectory("taskchat-config-").FullName;

    [Theory]
    [InlineData("http://localhost:8123")]
    [InlineData("http://localhost:8123/")]
    [InlineData("http://127.0.0.1:8123/mcp")]
    [InlineData("http://[::1]:8123")]
    [InlineData("http://127.0.0.2:8123")]
    [InlineData("http://api.localhost:8123")]
    public void AnMcpUrlThatIsTheApisOwnAddressIsRefused(string url)
    {
        var error = BuildFails(("PORT", "8123"), ("MCP_SERVER_URL", url));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("MCP_SERVER_URL ", problem, StringComparison.Ordinal);
        Assert.Contains("own address", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnMcpUrlNamingTheBindAddressIsRefused() =>
        Assert.StartsWith("MCP_SERVER_URL ", Assert.Single(BuildFails(("HOST", "0.0.0.0"), ("PORT", "8123"), ("MCP_SERVER_URL", "http://localhost:8123")).Problems), StringComparison.Ordinal);

    [Theory]
    [InlineData("8123", "http://localhost:8001", "http://localhost:8001/mcp")]
    [InlineData("8123", "http://localhost:8001/mcp", "http://localhost:8001/mcp")]
    [InlineData("8123", "http://mcp.internal:8123", "http://mcp.internal:8123/mcp")]
    [InlineData("8000", "https://mcp.example.com/tools/", "https://mcp.example.com/tools/mcp")]
    [InlineData("8000", "", "http://localhost:8001/mcp")]
    public void AnMcpUrlElsewhereIsAccepted(string port, string url, string endpoint)
    {
        var settings = BuildSucceeds(("PORT", port), ("MCP_SERVER_URL", url));

        Assert.Equal(new Uri(endpoint), settings.McpEndpoint);
    }

    [Theory]
    [InlineData("http://localhost:3000/")]
    [InlineData("http://localhost:3000/app")]
    [InlineData("http://localhost:3000?x=1")]
    [InlineData("*")]
    [InlineData("localhost:3000")]
    [InlineData("ftp://files.example.com")]
    [InlineData("https://app.example.com,*")]
    public void ACorsOriginThatIsNotAnExactOriginIsRefused(string origins)
    {
        var problem = Assert.Single(BuildFails(("CORS_ORIGINS", origins)).Problems);

        Assert.StartsWith("CORS_ORIGINS ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CorsOriginsAreReadAsACommaSeparatedList()
    {
        var settings = BuildSucceeds(("CORS_ORIGINS", " http://a.test:3000 , https://B.test,https://c.test:443"));

        Assert.Equal(["http://a.test:3000", "https://b.test", "https://c.test"], settings.CorsOrigins);
    }

    [Theory]
    [InlineData("LLM_PROVIDER", "banana")]
    [InlineData("LLM_PROVIDER", "1")]
    [InlineData("MCP_TIMEOUT_SECONDS", "0")]
    [InlineData("MCP_TIMEOUT_SECONDS", "601")]
    [InlineData("MCP_TIMEOUT_SECONDS", "thirty")]
    [InlineData("CHAT_TURNS_PER_MINUTE", "0")]
    [InlineData("OPENAI_BASE_URL", "localhost:11434")]
    public void AnInvalidValueIsRefusedNamingTheVariable(string name, string value) =>
        Assert.StartsWith(name + " ", Assert.Single(BuildFails((name, value)).Problems), StringComparison.Ordinal);

    [Fact]
    public void OpenAIWithoutAKeyOrAServerIsRefusedNamingTheKey()
    {
        var problem = Assert.Single(BuildFails(("LLM_PROVIDER", "openai")).Problems);

        Assert.StartsWith("OPENAI_API_KEY ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "offline")]
    [InlineData("", ApiKey, "openai")]
    [InlineData("offline", ApiKey, "offline")]
    [InlineData("OpenAI", ApiKey, "openai")]
    public void TheProviderDefaultsToOpenAIWhenAKeyIsSet(string provider, string key, string expected)
    {
        var settings = BuildSucceeds(("LLM_PROVIDER", provider), ("OPENAI_API_KEY", key));

        Assert.Equal(expected, settings.LlmProvider.ToString().ToLowerInvariant());
        Assert.DoesNotContain(ApiKey, settings.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAIWithALocalServerNeedsNoKey()
    {
        var settings = BuildSucceeds(("LLM_PROVIDER", "openai"), ("OPENAI_BASE_URL", "http://localhost:11434/v1"));

        Assert.Equal(LlmProvider.OpenAI, settings.LlmProvider);
        Assert.Null(settings.OpenAIApiKey);
    }

    [Fact]
    public void TheApiKeyIsNeverInTheMessage()
    {
        var error = BuildFails(("OPENAI_API_KEY", ApiKey), ("LLM_PROVIDER", "banana"), ("OPENAI_BASE_URL", "nowhere"),
            ("MCP_TIMEOUT_SECONDS", "0"), ("CORS_ORIGINS", "*"), ("PORT", "8123"), ("MCP_SERVER_URL", "http://localhost:8123"));

        Assert.Equal(["CORS_ORIGINS", "LLM_PROVIDER", "MCP_SERVER_URL", "MCP_TIMEOUT_SECONDS", "OPENAI_BASE_URL"],
            error.Problems.Select(p => p.Split(' ')[0]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MCP_SERVER_URL", "http://localhost:8001")]
    [InlineData("MCP_SERVER_URL", "http://127.0.0.1:8001/mcp")]
    [InlineData("CORS_ORIGINS", "http://localhost:3000")]
    [InlineData("CORS_ORIGINS", "https://tasks.example.com,http://127.0.0.1:3000")]
    public void InProductionALoopbackServiceUrlIsRefused(string name, string value)
    {
        var problem = Assert.Single(BuildFails(Production((name, value))).Problems);

        Assert.StartsWith(name + " ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AProductionConfigurationWithRealUrlsIsAccepted()
    {
        var settings = BuildSucceeds(Production());

        Assert.Equal(new Uri("http://mcp.internal:8001/mcp"), settings.McpEndpoint);
        Assert.Equal(["https://tasks.example.com"], settings.CorsOrigins);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (string, string)[] Production(params (string Name, string Value)[] overrides) =>
    [
        ("ENVIRONMENT", "production"),
        ("DATABASE_URL", "postgres://app:Hunter2Secret@db.example.com:5432/tasks"),
        ("AUTH_ISSUER", "https://tasks.example.com"),
        ("AUTH_JWKS_URL", "https://tasks.example.com/api/auth/jwks"),
        ("MCP_SERVER_URL", "http://mcp.internal:8001"),
        ("CORS_ORIGINS", "https://tasks.example.com"),
        .. overrides,
    ];

    private InvalidConfigurationException BuildFails(params (string Name, string Value)[] variables) =>
        Assert.Throws<InvalidConfigurationException>(() => Build(variables));

    private ApiSettings BuildSucceeds(params (string Name, string Value)[] variables) => Build(variables);

    /// <summary>
    /// Configures (never starts) the api the way its Program does, up to the check UseServiceDefaults
    /// makes: these variables over the api's development wiring, nothing from the environment.
    /// </summary>
    private ApiSettings Build((string Name, string Value)[] variables)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (name, value) in new SystemWiring { DatabaseUrl = "sqlite:" + Path.Combine(_directory, "taskchat.db") }.VariablesFor(TaskChatService.Api))
        {
            settings[name] = value;
        }
        foreach (var (name, value) in variables)
        {
            settings[name] = value;
        }
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(TaskChatService.Api);
        builder.AddTaskChatDatabase();
        var api = builder.AddApiSettings();
        builder.GetServiceConfiguration().ThrowIfInvalid();
        return api;
    }
}
