using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using TaskChat.TestSupport.Processes;

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
        // Where a password-reset link goes without a mail server (SMTP_URL unset): the checkout's .data/mail.
        Assert.Matches(@"^  mail +/.+/\.data/mail \(each message a file; set SMTP_URL to send them\)$", await launcher.WaitForLineAsync("set SMTP_URL to send them"));
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
        // A fresh file: the launcher migrated it while the services started, and they waited for it
        // (a service that had met a half-migrated schema would have warned that it could not migrate).
        Assert.Contains("Applied ", launcher.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not migrate", launcher.AllOutput, StringComparison.Ordinal);
        var mcpId = await ProcessIdAsync(launcher, "mcp");

        launcher.Terminate();

        Assert.Equal(0, await launcher.WaitForExitAsync());
        Assert.True(HasExited(mcpId), "The mcp outlived the launcher.");
        Assert.Contains("All services stopped", launcher.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launcher_restarts_a_service_that_died_says_so_and_keeps_the_others_running()
    {
        await using var database = new SqliteTestDatabase();
        await using var system = await new SystemBuilder(database.Url).UnderLauncher().StartAsync();
        var launcher = system.Launcher;
        var mcpId = await ProcessIdAsync(launcher, "mcp");
        var apiId = await ProcessIdAsync(launcher, "api");
        var linesBefore = launcher.Lines().Count;

        await system.Api.KillAsync();

        await launcher.WaitForLineAsync("api is ready again", after: linesBefore);
        Assert.Contains("api exited unexpectedly with code 137: restarting it in 1 s.", launcher.Stderr, StringComparison.Ordinal);
        using var health = await Listening.GetAsync(new Uri(system.Api.BaseAddress, "health"), launcher);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotEqual(apiId, await ProcessIdAsync(launcher, "api"));
        Assert.Equal(mcpId, await ProcessIdAsync(launcher, "mcp"));
        Assert.False(HasExited(mcpId), "The mcp was stopped with the api.");
        Assert.False(launcher.HasExited, "The launcher stopped when the api died.");
    }

    [Fact]
    public async Task Launcher_passes_the_users_variables_on_and_exits_non_zero_when_a_service_refuses_them()
    {
        await using var database = new SqliteTestDatabase();
        var variables = new Dictionary<string, string>(FreePorts(database.Url).VariablesForLauncher()) { ["LOG_FORMAT"] = "xml" };
        using var launcher = TestProcess.Start(BuiltService.Launcher, variables);

        Assert.Equal(1, await launcher.WaitForExitAsync());
        // The three start at once and all refuse it: whichever exits first is named, and the others are stopped.
        var failed = Regex.Match(launcher.Stderr, "(mcp|api|web) exited with code 2 before it was ready");
        Assert.True(failed.Success, launcher.Stderr);
        var service = failed.Groups[1].Value;
        Assert.Contains(launcher.Stderr.Split('\n'), line => line.StartsWith($"{service} | ", StringComparison.Ordinal) && line.Contains("LOG_FORMAT", StringComparison.Ordinal));
        Assert.Contains("All services stopped", launcher.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launcher_that_cannot_migrate_says_why_exits_1_and_stops_the_services_it_started()
    {
        // The services start while the launcher migrates: when it cannot, none of them may outlive it.
        using var database = new UnreachableDatabase(DatabaseProvider.Postgres);
        using var launcher = TestProcess.Start(BuiltService.Launcher, FreePorts(database.Url).VariablesForLauncher());

        Assert.Equal(1, await launcher.WaitForExitAsync());
        Assert.Contains("Could not migrate", launcher.Stderr, StringComparison.Ordinal);
        Assert.Contains("connection refused", launcher.Stderr, StringComparison.Ordinal);
        Assert.Contains("All services stopped", launcher.Stdout, StringComparison.Ordinal);
        var started = StartedPid().Matches(launcher.Stdout).Select(m => int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, started.Count);
        Assert.All(started, pid => Assert.True(HasExited(pid), $"Process {pid} outlived the launcher."));
    }

    [Theory]
    [InlineData("MCP_PORT", "eighty")]
    [InlineData("LAUNCHER_RESTART_MAX_SECONDS", "0")]
    [InlineData("LAUNCHER_RESTART_MAX_SECONDS", "1.5")]
    public async Task Launcher_refuses_an_invalid_port_override_or_restart_wait_with_2_naming_it(string variable, string value)
    {
        using var launcher = TestProcess.Start(BuiltService.Launcher, new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, await launcher.WaitForExitAsync());
        Assert.Contains(variable, launcher.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_passes_on_a_migrated_database_and_a_free_port_and_fails_before_migrate()
    {
        await using var database = new SqliteTestDatabase();
        var variables = FreePorts(database.Url).VariablesForLauncher();

        using (var before = TestProcess.Start(BuiltService.Launcher, variables, ["doctor"]))
        {
            Assert.Equal(1, await before.WaitForExitAsync());
            Assert.Contains("not created yet", before.Stdout, StringComparison.Ordinal);
        }
        using (var migrate = TestProcess.Start(BuiltService.Launcher, variables, ["migrate"]))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync());
        }
        using var after = TestProcess.Start(BuiltService.Launcher, variables, ["doctor"]);
        Assert.Equal(0, await after.WaitForExitAsync());
        Assert.Contains("All checks passed", after.Stdout, StringComparison.Ordinal);
    }

    private static TestProcess StartLauncher(TestDatabase database, int port, int apiPort, int webPort) =>
        TestProcess.Start(BuiltService.Launcher, new SystemWiring { DatabaseUrl = database.Url }
            .WithPort(TaskChatService.Mcp, port)
            .WithPort(TaskChatService.Api, apiPort)
            .WithPort(TaskChatService.Web, webPort)
            .VariablesForLauncher());

    /// <summary>The development wiring over the database at <paramref name="databaseUrl"/>, every service on a free port.</summary>
    private static SystemWiring FreePorts(string databaseUrl) => new SystemWiring { DatabaseUrl = databaseUrl }
        .WithPort(TaskChatService.Mcp, LoopbackServer.UnusedPort())
        .WithPort(TaskChatService.Api, LoopbackServer.UnusedPort())
        .WithPort(TaskChatService.Web, LoopbackServer.UnusedPort());

    /// <summary>The launcher prints each child's pid as it starts it: "mcp | started (pid 1234): ..."; the latest one.</summary>
    private static async Task<int> ProcessIdAsync(TestProcess launcher, string service)
    {
        await launcher.WaitForLineAsync($"{service} | started (pid ");
        var line = launcher.Lines().Last(l => l.StartsWith($"{service} | started (pid ", StringComparison.Ordinal));
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
