using Microsoft.Extensions.Configuration;
using TaskChat.Data.Connection;
using TaskChat.Data.Hosting;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.UnitTests.Configuration;

/// <summary>Reads settings the way a service does at start-up (the shared variables, then the database's), from the given flat variables only.</summary>
internal static class Settings
{
    public static readonly ServiceInfo Web = ServiceInfo.Of(TaskChatService.Web);
    public static readonly ServiceInfo Api = ServiceInfo.Of(TaskChatService.Api);
    public static readonly ServiceInfo Mcp = ServiceInfo.Of(TaskChatService.Mcp);

    /// <summary>A production configuration that passes every rule; tests override one variable at a time.</summary>
    public static Dictionary<string, string?> Production() => new()
    {
        ["ENVIRONMENT"] = "production",
        ["DATABASE_URL"] = "postgres://app:Hunter2Secret@db.example.com:5432/tasks?sslmode=require",
        ["AUTH_ISSUER"] = "https://tasks.example.com",
        ["AUTH_JWKS_URL"] = "https://tasks.example.com/api/auth/jwks",
    };

    public static ReadSettings Read(ServiceInfo service, IDictionary<string, string?> variables)
    {
        var configuration = new ServiceConfiguration(new ConfigurationBuilder().AddInMemoryCollection(variables).Build(), service);
        var database = configuration.ReadDatabase();
        var error = Record.Exception(configuration.ThrowIfInvalid);
        return new ReadSettings(configuration.Shared, database, configuration.Summary, error is InvalidConfigurationException invalid ? invalid.Problems : []);
    }

    public static ReadSettings Read(ServiceInfo service, params (string Name, string Value)[] variables) =>
        Read(service, variables.ToDictionary(v => v.Name, v => (string?)v.Value));
}

/// <summary>What a service read: the shared settings, its database, the start-up summary line, and every problem.</summary>
internal sealed record ReadSettings(TaskChatSettings Settings, DatabaseConnection Database, string Summary, IReadOnlyList<string> Problems)
{
    public void Deconstruct(out TaskChatSettings settings, out IReadOnlyList<string> problems)
    {
        settings = Settings;
        problems = Problems;
    }
}
