using System.Net;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Api;

public enum LlmProvider
{
    Offline,
    OpenAI,
}

/// <summary>The api's own variables (docs/configuration.md), read and validated with the shared ones.</summary>
public sealed record ApiSettings
{
    public const int DefaultChatTurnsPerMinute = 30;

    public const int DefaultMaxConversationsPerUser = 1000;

    /// <summary>The MCP endpoint: MCP_SERVER_URL + "/mcp" (a URL already ending in /mcp is taken as is).</summary>
    public required Uri McpEndpoint { get; init; }

    /// <summary>The mcp's own health report, next to the endpoint.</summary>
    public Uri McpHealthUrl => new(McpEndpoint, "/health");

    public required IReadOnlyList<string> CorsOrigins { get; init; }
    public required LlmProvider LlmProvider { get; init; }
    public string? OpenAIApiKey { get; init; }
    public required string OpenAIModel { get; init; }
    public Uri? OpenAIBaseUrl { get; init; }
    public required TimeSpan McpTimeout { get; init; }
    public required int ChatTurnsPerMinute { get; init; }

    /// <summary>MAX_CONVERSATIONS_PER_USER: a chat that would start one more is refused (409 conversation_limit_reached).</summary>
    public required int MaxConversationsPerUser { get; init; }

    /// <summary>One line for the start-up log, without the API key.</summary>
    public string Summary() =>
        $"mcp={McpEndpoint} llm={LlmProvider.ToString().ToLowerInvariant()}" +
        (LlmProvider == LlmProvider.OpenAI ? $" model={OpenAIModel} base_url={(OpenAIBaseUrl is { } url ? $"{url.Scheme}://{url.Host}:{url.Port}" : "openai")}" : "") +
        $" cors={string.Join(",", CorsOrigins)} mcp_timeout={McpTimeout.TotalSeconds}s chat_turns_per_minute={ChatTurnsPerMinute}" +
        $" max_conversations_per_user={MaxConversationsPerUser}";

    public static ApiSettings Read(SettingsReader reader, TaskChatSettings shared)
    {
        var mcp = reader.Url("MCP_SERVER_URL", "http://localhost:8001", isServiceUrl: true);
        var endpoint = mcp.AbsolutePath.TrimEnd('/').EndsWith("/mcp", StringComparison.OrdinalIgnoreCase)
            ? new Uri(mcp.GetLeftPart(UriPartial.Path).TrimEnd('/'))
            : new Uri(mcp.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/mcp");
        if (PointsAtItself(mcp, shared))
        {
            reader.Problem("MCP_SERVER_URL", $"points at this api's own address ({mcp.Authority}): it must name the mcp service, or every chat would call back into the api.");
        }

        var key = reader.Text("OPENAI_API_KEY", "");
        var settings = new ApiSettings
        {
            McpEndpoint = endpoint,
            CorsOrigins = ReadOrigins(reader),
            LlmProvider = reader.Choice("LLM_PROVIDER", key.Length > 0 ? LlmProvider.OpenAI : LlmProvider.Offline),
            OpenAIApiKey = key.Length > 0 ? key : null,
            OpenAIModel = reader.Text("OPENAI_MODEL", "gpt-4o-mini"),
            OpenAIBaseUrl = reader.OptionalUrl("OPENAI_BASE_URL"),
            McpTimeout = TimeSpan.FromSeconds(reader.Number("MCP_TIMEOUT_SECONDS", 30, 1, 600)),
            ChatTurnsPerMinute = reader.Number("CHAT_TURNS_PER_MINUTE", DefaultChatTurnsPerMinute, 1, 10_000),
            MaxConversationsPerUser = reader.Number("MAX_CONVERSATIONS_PER_USER", DefaultMaxConversationsPerUser, 1, 1_000_000),
        };
        if (settings.LlmProvider == LlmProvider.OpenAI && settings.OpenAIApiKey is null && settings.OpenAIBaseUrl is null)
        {
            reader.Problem("OPENAI_API_KEY", "is required when LLM_PROVIDER is openai (or set OPENAI_BASE_URL for a local server that needs no key).");
        }
        return settings;
    }

    private static List<string> ReadOrigins(SettingsReader reader)
    {
        var origins = new List<string>();
        foreach (var text in reader.Text("CORS_ORIGINS", "http://localhost:3000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https") || origin.PathAndQuery != "/" || text.EndsWith('/'))
            {
                reader.Problem("CORS_ORIGINS", $"takes exact origins like https://app.example.com, comma-separated (got '{(text.Length <= 40 ? text : text[..40] + "…")}').");
                continue;
            }
            if (reader.IsProduction && SettingsReader.IsLoopback(origin.Host))
            {
                reader.Problem("CORS_ORIGINS", $"names {origin.Host}, which in production is no browser's origin: list the web's public URL.");
            }
            origins.Add(origin.GetLeftPart(UriPartial.Authority));
        }
        return origins;
    }

    /// <summary>Same port, and a host that is this machine (or the api's own public host).</summary>
    private static bool PointsAtItself(Uri mcp, TaskChatSettings shared)
    {
        if (mcp.Port != shared.Port)
        {
            return false;
        }
        var host = mcp.Host.Trim('[', ']');
        return SettingsReader.IsLoopback(host)
            || host.Equals(shared.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(shared.Host.Trim('[', ']'), out var bind) && (bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any)))
                && shared.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
    }
}
