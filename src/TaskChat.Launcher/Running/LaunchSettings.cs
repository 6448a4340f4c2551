using System.Globalization;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Launcher.Running;

/// <summary>
/// Everything the launcher decides before it starts anything: the checkout, the shared database,
/// the bind address and each service's port, and from those the variables every child gets.
/// </summary>
internal sealed class LaunchSettings
{
    // Peers that are not launched (yet) are still named at their contract ports, so the variables a
    // service sees do not change when another service joins the table.
    private static readonly Dictionary<string, int> ContractPorts = new()
    {
        ["web"] = SystemWiring.DefaultPort(TaskChatService.Web),
        ["api"] = SystemWiring.DefaultPort(TaskChatService.Api),
        ["mcp"] = SystemWiring.DefaultPort(TaskChatService.Mcp),
    };

    private LaunchSettings(Checkout checkout, LaunchDatabase database, string host, IReadOnlyList<LaunchedService> services, Dictionary<string, int> ports, TimeSpan longestRestartWait)
    {
        Checkout = checkout;
        LongestRestartWait = longestRestartWait;
        Database = database;
        Host = host;
        Services = services;
        Ports = ports;
    }

    public Checkout Checkout { get; }

    public LaunchDatabase Database { get; }

    /// <summary>HOST as the services bind it.</summary>
    public string Host { get; }

    public IReadOnlyList<LaunchedService> Services { get; }

    private Dictionary<string, int> Ports { get; }

    /// <summary>The restart back-off's longest wait (<see cref="RestartBackoff"/>).</summary>
    public TimeSpan LongestRestartWait { get; }

    /// <exception cref="LaunchConfigurationException">Lists every invalid variable by name.</exception>
    public static LaunchSettings Read(IReadOnlyList<LaunchedService> services)
    {
        var checkout = Checkout.Locate();
        List<string> problems = [];
        LaunchDatabase? database = null;
        try
        {
            database = LaunchDatabase.FromEnvironment(checkout);
        }
        catch (InvalidDatabaseUrlException e)
        {
            problems.Add(e.Message);
        }
        var ports = new Dictionary<string, int>(ContractPorts);
        foreach (var service in services)
        {
            ports[service.Name] = ReadPort(service, problems);
        }
        foreach (var clash in services.GroupBy(s => ports[s.Name]).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", clash.Select(s => s.PortVariable))} give the same port {clash.Key}.");
        }
        var longestRestartWait = ReadLongestRestartWait(problems);
        if (problems.Count > 0)
        {
            throw new LaunchConfigurationException(problems);
        }
        var host = Environment.GetEnvironmentVariable("HOST")?.Trim();
        return new LaunchSettings(checkout, database!, string.IsNullOrEmpty(host) ? "127.0.0.1" : host, services, ports, longestRestartWait);
    }

    public int PortOf(LaunchedService service) => Ports[service.Name];

    /// <summary>Where the launcher reaches a service: a wildcard bind address is reached over loopback.</summary>
    public Uri ProbeUrl(LaunchedService service, string path)
    {
        var host = Host.Trim('[', ']') switch
        {
            "0.0.0.0" => "127.0.0.1",
            "::" => "[::1]",
            var h when h.Contains(':', StringComparison.Ordinal) => "[" + h + "]",
            var h => h,
        };
        return new Uri($"http://{host}:{PortOf(service)}{path}");
    }

    /// <summary>What people open: localhost, as in the contract's URLs, when the service listens on this machine only or on all addresses.</summary>
    public Uri BrowserUrl(LaunchedService service, string path) =>
        Host.Trim('[', ']') is "127.0.0.1" or "::1" or "localhost" or "0.0.0.0" or "::"
            ? new Uri($"http://localhost:{PortOf(service)}{path}")
            : ProbeUrl(service, path);

    /// <summary>
    /// The child's variables: the contract's development values wired to the ports in use, unless
    /// the user set them. PORT and DATABASE_URL are always the launcher's: PORT differs per service,
    /// and DATABASE_URL must be the very file the launcher migrated.
    /// </summary>
    public IReadOnlyDictionary<string, string> VariablesFor(LaunchedService service)
    {
        var defaults = new Dictionary<string, string>(Wiring.VariablesFor(service.Kind));
        foreach (var (name, value) in service.Variables ?? new Dictionary<string, string>())
        {
            defaults[name] = value;
        }
        var variables = defaults
            .Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v.Key)))
            .ToDictionary();
        variables["PORT"] = PortOf(service).ToString(CultureInfo.InvariantCulture);
        variables[DatabaseUrl.VariableName] = Database.UrlForServices;
        return variables;
    }

    /// <summary>The system as the launcher wires it: the contract's development values on the ports in use.</summary>
    public SystemWiring Wiring => new()
    {
        DatabaseUrl = Database.UrlForServices,
        Host = Host,
        McpPort = Ports["mcp"],
        ApiPort = Ports["api"],
        WebPort = Ports["web"],
    };

    private static TimeSpan ReadLongestRestartWait(List<string> problems)
    {
        var text = Environment.GetEnvironmentVariable(RestartBackoff.LongestVariable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return RestartBackoff.DefaultLongest;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= RestartBackoff.LongestSecondsAllowed)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        problems.Add($"{RestartBackoff.LongestVariable} must be a whole number of seconds from 1 to {RestartBackoff.LongestSecondsAllowed} (got '{Shortened(text)}').");
        return RestartBackoff.DefaultLongest;
    }

    private static string Shortened(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static int ReadPort(LaunchedService service, List<string> problems)
    {
        var text = Environment.GetEnvironmentVariable(service.PortVariable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return service.DefaultPort;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }
        problems.Add($"{service.PortVariable} must be a port number from 1 to 65535 (got '{Shortened(text)}').");
        return service.DefaultPort;
    }
}
