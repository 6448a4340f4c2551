using System.Globalization;

namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>
/// How the services of one TaskChat system find each other: one database, one issuer, and each
/// service's port, turned into the flat variables every service reads. The launcher and the tests
/// both start services from this one description, so they cannot drift apart.
/// </summary>
public sealed record SystemWiring
{
    /// <summary>DATABASE_URL, shared by every service (an absolute SQLite path or a PostgreSQL URL).</summary>
    public required string DatabaseUrl { get; init; }

    /// <summary>ENVIRONMENT: development or production.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>HOST: the address every service binds.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The host name peers and browsers use in URLs (AUTH_ISSUER, API_URL, ...).</summary>
    public string PublicHost { get; init; } = "localhost";

    public int McpPort { get; init; } = DefaultPort(TaskChatService.Mcp);

    public int ApiPort { get; init; } = DefaultPort(TaskChatService.Api);

    public int WebPort { get; init; } = DefaultPort(TaskChatService.Web);

    /// <summary>AUTH_ISSUER; the web's own URL unless another issuer signs (tests without a web).</summary>
    public string? Issuer { get; init; }

    /// <summary>AUTH_JWKS_URL; the web's JWKS unless another issuer signs.</summary>
    public string? JwksUrl { get; init; }

    /// <summary>AUTH_AUDIENCE.</summary>
    public string Audience { get; init; } = "taskchat";

    /// <summary>CORS_ORIGINS; the web's origin unless set.</summary>
    public string? CorsOrigins { get; init; }

    /// <summary>The contract's port for a service (PORT when nothing else says).</summary>
    public static int DefaultPort(TaskChatService service) => service switch
    {
        TaskChatService.Mcp => 8001,
        TaskChatService.Api => 8000,
        TaskChatService.Web => 3000,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    public int PortOf(TaskChatService service) => service switch
    {
        TaskChatService.Mcp => McpPort,
        TaskChatService.Api => ApiPort,
        TaskChatService.Web => WebPort,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>The same wiring with <paramref name="service"/> on <paramref name="port"/>.</summary>
    public SystemWiring WithPort(TaskChatService service, int port) => service switch
    {
        TaskChatService.Mcp => this with { McpPort = port },
        TaskChatService.Api => this with { ApiPort = port },
        TaskChatService.Web => this with { WebPort = port },
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>The service's base address as peers and browsers reach it, without a trailing slash.</summary>
    public string UrlOf(TaskChatService service) =>
        string.Create(CultureInfo.InvariantCulture, $"http://{PublicHost}:{PortOf(service)}");

    public string IssuerUrl => Issuer ?? UrlOf(TaskChatService.Web);

    public string JwksUrlOrDefault => JwksUrl ?? UrlOf(TaskChatService.Web) + "/api/auth/jwks";

    /// <summary>The launcher's variable that moves a service to another port: MCP_PORT, API_PORT, WEB_PORT.</summary>
    public static string PortVariable(TaskChatService service) => service.ToString().ToUpperInvariant() + "_PORT";

    /// <summary>
    /// The launcher's own variables that make it start this wiring: the database and each service's
    /// port (it derives every service's variables from them, as <see cref="VariablesFor"/> does).
    /// </summary>
    public IReadOnlyDictionary<string, string> VariablesForLauncher() => new Dictionary<string, string>
    {
        ["DATABASE_URL"] = DatabaseUrl,
        ["HOST"] = Host,
        [PortVariable(TaskChatService.Mcp)] = McpPort.ToString(CultureInfo.InvariantCulture),
        [PortVariable(TaskChatService.Api)] = ApiPort.ToString(CultureInfo.InvariantCulture),
        [PortVariable(TaskChatService.Web)] = WebPort.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Every coordinated variable for one service. Each service reads what it needs and ignores the
    /// rest, so every service gets the same table but for PORT.
    /// </summary>
    public IReadOnlyDictionary<string, string> VariablesFor(TaskChatService service) => new Dictionary<string, string>
    {
        ["ENVIRONMENT"] = Environment,
        ["HOST"] = Host,
        ["PORT"] = PortOf(service).ToString(CultureInfo.InvariantCulture),
        ["DATABASE_URL"] = DatabaseUrl,
        ["AUTH_ISSUER"] = IssuerUrl,
        ["AUTH_AUDIENCE"] = Audience,
        ["AUTH_JWKS_URL"] = JwksUrlOrDefault,
        ["API_URL"] = UrlOf(TaskChatService.Api),
        ["MCP_SERVER_URL"] = UrlOf(TaskChatService.Mcp),
        ["CORS_ORIGINS"] = CorsOrigins ?? UrlOf(TaskChatService.Web),
    };
}
