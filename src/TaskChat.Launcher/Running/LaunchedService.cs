using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Launcher.Running;

/// <summary>A service the launcher starts as a child process.</summary>
/// <param name="Kind">Which service of the system it is (its wiring).</param>
/// <param name="Name">Short name: the log prefix, and the stem of its port override (MCP_PORT).</param>
/// <param name="Project">Project folder under src/ and the name of its built dll.</param>
/// <param name="DefaultPort">PORT unless &lt;NAME&gt;_PORT overrides it.</param>
/// <param name="UrlPath">What to print for people to open (the MCP endpoint, the home page).</param>
/// <param name="HealthPath">The full health report, printed next to the URL.</param>
/// <param name="ReadyPath">Polled until it answers 2xx before the service counts as started.</param>
/// <param name="Variables">Extra variables for this service only; the user's environment still wins.</param>
internal sealed record LaunchedService(
    TaskChatService Kind,
    string Name,
    string Project,
    int DefaultPort,
    string UrlPath = "/",
    string HealthPath = "/health",
    string ReadyPath = "/health/ready",
    IReadOnlyDictionary<string, string>? Variables = null)
{
    /// <summary>
    /// Every service the launcher starts (all at once; this order is only the order of their lines). Adding one is one line here (its project is
    /// built by the conditional reference in TaskChat.Launcher.csproj):
    /// e.g. new(TaskChatService.Web, "web", "TaskChat.Web", 3000, HealthPath: "/api/health").
    /// </summary>
    public static readonly LaunchedService[] All =
    [
        new(TaskChatService.Mcp, "mcp", "TaskChat.Mcp", SystemWiring.DefaultPort(TaskChatService.Mcp), UrlPath: "/mcp"),
        new(TaskChatService.Api, "api", "TaskChat.Api", SystemWiring.DefaultPort(TaskChatService.Api), UrlPath: "/scalar"),
        new(TaskChatService.Web, "web", "TaskChat.Web", SystemWiring.DefaultPort(TaskChatService.Web), HealthPath: "/api/health"),
    ];

    /// <summary>The variable that moves this service to another port.</summary>
    public string PortVariable => SystemWiring.PortVariable(Kind);
}
