using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// mcp, api and web as real processes on free ports over one migrated temp SQLite file, wired the
/// way the launcher wires them, and one headless Chromium. One per test class.
/// </summary>
public sealed class RunningTaskChat : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly string _directory = Directory.CreateTempSubdirectory("taskchat-browser-").FullName;
    private readonly Dictionary<string, int> _ports = new() { ["mcp"] = LoopbackServer.UnusedPort(), ["api"] = LoopbackServer.UnusedPort(), ["web"] = LoopbackServer.UnusedPort() };
    private readonly Dictionary<string, ServiceProcess> _services = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>What the user opens (localhost, as AUTH_ISSUER and CORS_ORIGINS name it).</summary>
    public string WebUrl => $"http://localhost:{_ports["web"]}";

    private string DatabasePath => Path.Combine(_directory, "taskchat.db");

    public async Task InitializeAsync()
    {
        // Migrate first, as the launcher does, so three services starting at once never race to create the schema.
        await DatabaseMigrator.MigrateAsync(DatabaseUrl.Parse("sqlite:" + DatabasePath, DatabasePath));
        foreach (var (name, project) in new[] { ("mcp", "TaskChat.Mcp"), ("api", "TaskChat.Api"), ("web", "TaskChat.Web") })
        {
            _services[name] = ServiceProcess.Start(name, project, VariablesFor(name));
        }
        await Task.WhenAll(_services.Keys.Select(WaitUntilReadyAsync));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Stops a service the way an outage would (SIGKILL).</summary>
    public void Kill(string service) => _services[service].Kill();

    /// <summary>Every service's output, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _services.Values.Select(s => $"--- {s.Name} ---{Environment.NewLine}{s.Output}"));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        foreach (var service in _services.Values)
        {
            service.Dispose();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned eventually.
        }
    }

    private Dictionary<string, string> VariablesFor(string service) => new()
    {
        ["ENVIRONMENT"] = "development",
        ["HOST"] = "127.0.0.1",
        ["PORT"] = _ports[service].ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DATABASE_URL"] = "sqlite:" + DatabasePath,
        ["AUTH_ISSUER"] = WebUrl,
        ["AUTH_AUDIENCE"] = "taskchat",
        ["AUTH_JWKS_URL"] = WebUrl + "/api/auth/jwks",
        ["API_URL"] = $"http://localhost:{_ports["api"]}",
        ["MCP_SERVER_URL"] = $"http://localhost:{_ports["mcp"]}",
        ["CORS_ORIGINS"] = WebUrl,
    };

    private async Task WaitUntilReadyAsync(string service)
    {
        var url = $"http://127.0.0.1:{_ports[service]}/health/ready";
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (_services[service].HasExited)
            {
                throw new InvalidOperationException($"{service} exited before it was ready.{Environment.NewLine}{Output}");
            }
            try
            {
                using var response = await Http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{service} was not ready at {url} within {Patience.TotalSeconds} s.{Environment.NewLine}{Output}");
            }
            await Task.Delay(250);
        }
    }
}
