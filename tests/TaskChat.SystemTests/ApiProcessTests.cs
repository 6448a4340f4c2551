using System.Net;
using System.Net.Sockets;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using TaskChat.TestSupport.Processes;

namespace TaskChat.SystemTests;

/// <summary>The api as its deployments run it: `dotnet TaskChat.Api.dll` configured by variables alone.</summary>
public sealed class ApiProcessTests
{
    [Fact]
    public async Task An_mcp_url_naming_the_api_itself_stops_start_up_with_2_naming_it_with_the_other_bad_variables()
    {
        var port = LoopbackServer.UnusedPort();
        // The mcp "found" on the api's own port: every chat would call back into the api.
        var wiring = new SystemWiring { DatabaseUrl = "sqlite:unused.db" }
            .WithPort(TaskChatService.Api, port)
            .WithPort(TaskChatService.Mcp, port);
        var variables = new Dictionary<string, string>(wiring.VariablesFor(TaskChatService.Api)) { ["LOG_FORMAT"] = "xml" };
        using var api = TestProcess.Start(BuiltService.Api, variables);

        Assert.Equal(2, await api.WaitForExitAsync());
        Assert.Contains("MCP_SERVER_URL points at this api's own address", api.Stderr, StringComparison.Ordinal);
        Assert.Contains("LOG_FORMAT", api.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", api.AllOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// Its port taken by another program: one plain line and exit code 1. Before, the process also ended on an
    /// unhandled exception (SIGABRT, a second stack trace), and its background jobs, cancelled by the failed start,
    /// were logged as crashing ("BackgroundService failed", critical): seen in the launcher's output in CI.
    /// </summary>
    [Theory]
    [InlineData(TaskChatService.Mcp)]
    [InlineData(TaskChatService.Api)]
    [InlineData(TaskChatService.Web)]
    public async Task A_port_already_in_use_stops_start_up_with_1_and_says_so_plainly(TaskChatService service)
    {
        await using var database = new SqliteTestDatabase();
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        using var process = TestProcess.Start(BuiltService.Dll(service), new SystemWiring { DatabaseUrl = database.Url }.WithPort(service, port).VariablesFor(service));

        Assert.Equal(1, await process.WaitForExitAsync());
        Assert.Contains($"127.0.0.1:{port}: address already in use. Another program (or another copy of this service) is listening there", process.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", process.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("BackgroundService failed", process.AllOutput, StringComparison.Ordinal);
    }
}
