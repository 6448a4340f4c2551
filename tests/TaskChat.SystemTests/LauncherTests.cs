using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TaskChat.SystemTests.Processes;
using TaskChat.TestSupport;

namespace TaskChat.SystemTests;

/// <summary>The launcher (`dotnet run --project src/TaskChat.Launcher`), run from its built dll on a free port.</summary>
public sealed partial class LauncherTests
{
    [Fact]
    public async Task Launcher_starts_the_mcp_the_api_and_the_web_prints_their_urls_prefixes_their_logs_and_stops_them_on_SIGTERM()
    {
        await using var database = new SqliteTestDatabase();
        var port = LoopbackServer.UnusedPort();
        var apiPort = LoopbackServer.UnusedPort();
        var webPort = LoopbackServer.UnusedPort();
        using var launcher = StartLauncher(database, port, apiPort, webPort);

        Assert.Contains($"http://localhost:{port}/mcp", await launcher.WaitForLineAsync("/mcp "), StringComparison.Ordinal);
        Assert.Contains($"http://localhost:{apiPort}/scalar", await launcher.WaitForLineAsync("/scalar"), StringComparison.Ordinal);
        using var health = await Listening.GetAsync(Listening.Url(port, "/health"), launcher);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"status\":\"healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The api was given the mcp's address: its own health reaches it.
        using var apiHealth = await Listening.GetAsync(Listening.Url(apiPort, "/health"), launcher);
        Assert.Equal(HttpStatusCode.OK, apiHealth.StatusCode);
        Assert.Contains("\"mcp_server\":\"connected\"", await apiHealth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The web was given the api's address, and issues the keys the others are told to fetch.
        using var webHealth = await Listening.GetAsync(Listening.Url(webPort, "/api/health"), launcher);
        Assert.Equal("""{"status":"healthy","service":"frontend","backend":"connected"}""", await webHealth.Content.ReadAsStringAsync());
        using var jwks = await Listening.GetAsync(Listening.Url(webPort, "/api/auth/jwks"), launcher);
        Assert.Contains("\"kty\":\"EC\"", await jwks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(launcher.Stdout.Split('\n'), line => line.StartsWith("mcp | ", StringComparison.Ordinal) && line.Contains("Now listening", StringComparison.Ordinal));
        var mcpId = await McpProcessIdAsync(launcher);

        launcher.Terminate();

        Assert.Equal(0, await launcher.WaitForExitAsync());
        Assert.True(HasExited(mcpId), "The mcp outlived the launcher.");
        Assert.Contains("All services stopped", launcher.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launcher_exits_non_zero_naming_the_service_that_died()
    {
        await using var database = new SqliteTestDatabase();
        using var launcher = StartLauncher(database, LoopbackServer.UnusedPort());
        await launcher.WaitForLineAsync("TaskChat is running");

        using (var mcp = Process.GetProcessById(await McpProcessIdAsync(launcher)))
        {
            mcp.Kill();
        }

        Assert.Equal(1, await launcher.WaitForExitAsync());
        Assert.Matches("mcp exited unexpectedly with code", launcher.Stderr);
    }

    [Fact]
    public async Task Launcher_passes_the_users_variables_on_and_exits_non_zero_when_a_service_refuses_them()
    {
        await using var database = new SqliteTestDatabase();
        using var launcher = TestProcess.Start(BuiltService.Launcher, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = database.Url,
            ["MCP_PORT"] = LoopbackServer.UnusedPort().ToString(CultureInfo.InvariantCulture),
            ["API_PORT"] = LoopbackServer.UnusedPort().ToString(CultureInfo.InvariantCulture),
            ["WEB_PORT"] = LoopbackServer.UnusedPort().ToString(CultureInfo.InvariantCulture),
            ["LOG_FORMAT"] = "xml",
        });

        Assert.Equal(1, await launcher.WaitForExitAsync());
        Assert.Contains("mcp exited with code 2 before it was ready", launcher.Stderr, StringComparison.Ordinal);
        Assert.Contains(launcher.Stderr.Split('\n'), line => line.StartsWith("mcp | ", StringComparison.Ordinal) && line.Contains("LOG_FORMAT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Launcher_refuses_an_invalid_port_override_with_2_naming_it()
    {
        using var launcher = TestProcess.Start(BuiltService.Launcher, new Dictionary<string, string> { ["MCP_PORT"] = "eighty" });

        Assert.Equal(2, await launcher.WaitForExitAsync());
        Assert.Contains("MCP_PORT", launcher.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_passes_on_a_migrated_database_and_a_free_port_and_fails_before_migrate()
    {
        await using var database = new SqliteTestDatabase();
        var variables = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = database.Url,
            ["MCP_PORT"] = LoopbackServer.UnusedPort().ToString(CultureInfo.InvariantCulture),
            ["API_PORT"] = LoopbackServer.UnusedPort().ToString(CultureInfo.InvariantCulture),
            ["WEB_PORT"] = LoopbackServer.UnusedPort().ToString(CultureInfo.InvariantCulture),
        };

        using (var before = TestProcess.Start(BuiltService.Launcher, variables, "doctor"))
        {
            Assert.Equal(1, await before.WaitForExitAsync());
            Assert.Contains("not created yet", before.Stdout, StringComparison.Ordinal);
        }
        using (var migrate = TestProcess.Start(BuiltService.Launcher, variables, "migrate"))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync());
        }
        using var after = TestProcess.Start(BuiltService.Launcher, variables, "doctor");
        Assert.Equal(0, await after.WaitForExitAsync());
        Assert.Contains("All checks passed", after.Stdout, StringComparison.Ordinal);
    }

    private static TestProcess StartLauncher(TestDatabase database, int port, int? apiPort = null, int? webPort = null) =>
        TestProcess.Start(BuiltService.Launcher, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = database.Url,
            ["MCP_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["API_PORT"] = (apiPort ?? LoopbackServer.UnusedPort()).ToString(CultureInfo.InvariantCulture),
            ["WEB_PORT"] = (webPort ?? LoopbackServer.UnusedPort()).ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>The launcher prints each child's pid as it starts it: "mcp | started (pid 1234): ...".</summary>
    private static async Task<int> McpProcessIdAsync(TestProcess launcher)
    {
        var line = await launcher.WaitForLineAsync("mcp | started (pid ");
        return int.Parse(StartedPid().Match(line).Groups["pid"].Value, CultureInfo.InvariantCulture);
    }

    private static bool HasExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    [GeneratedRegex(@"\(pid (?<pid>\d+)\)")]
    private static partial Regex StartedPid();
}
