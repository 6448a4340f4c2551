using Microsoft.Extensions.Configuration;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.UnitTests.Configuration;

/// <summary>Reads settings the way a service does at start-up, from the given flat variables only.</summary>
internal static class Settings
{
    public static readonly ServiceInfo Web = new("frontend", 3000, 30, ValidatesTokens: false, OwnUrlVariable: "AUTH_ISSUER");
    public static readonly ServiceInfo Api = new("backend", 8000, 30, ValidatesTokens: true, OwnUrlVariable: "API_URL");
    public static readonly ServiceInfo Mcp = new("mcp-server", 8001, 15, ValidatesTokens: true, OwnUrlVariable: "MCP_SERVER_URL");

    /// <summary>A production configuration that passes every rule; tests override one variable at a time.</summary>
    public static Dictionary<string, string?> Production() => new()
    {
        ["ENVIRONMENT"] = "production",
        ["DATABASE_URL"] = "postgres://app:Hunter2Secret@db.example.com:5432/tasks?sslmode=require",
        ["AUTH_ISSUER"] = "https://tasks.example.com",
        ["AUTH_JWKS_URL"] = "https://tasks.example.com/api/auth/jwks",
    };

    public static (TaskChatSettings Settings, IReadOnlyList<string> Problems) Read(ServiceInfo service, IDictionary<string, string?> variables)
    {
        var reader = new SettingsReader(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        var settings = reader.ReadShared(service);
        var error = Record.Exception(reader.ThrowIfInvalid);
        return (settings, error is InvalidConfigurationException invalid ? invalid.Problems : []);
    }

    public static (TaskChatSettings Settings, IReadOnlyList<string> Problems) Read(ServiceInfo service, params (string Name, string Value)[] variables) =>
        Read(service, variables.ToDictionary(v => v.Name, v => (string?)v.Value));
}
