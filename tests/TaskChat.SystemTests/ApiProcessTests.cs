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
}
