using TaskChat.Mcp.Security;
using TaskChat.Mcp.Tools;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Mcp;

/// <summary>The mcp service's shape; tests build it the same way Program does, with their own settings.</summary>
public static class McpApp
{
    public static readonly ServiceInfo Service = new("mcp-server", DefaultPort: 8001, DefaultDbPoolMax: 15, ValidatesTokens: true, OwnUrlVariable: "MCP_SERVER_URL");

    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Adds configuration before it is read (tests supply their variables here).</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = TaskChatHost.CreateBuilder(args, configure);

        builder.AddServiceDefaults(Service);
        builder.AddTaskTools();

        var app = builder.Build();
        // Before authentication: a foreign page gets 403 whether or not it has a token.
        app.UseServiceDefaults(beforeAuthentication: pipeline => pipeline.UseOriginCheck());
        app.MapDefaultEndpoints();
        app.MapTaskTools();
        return app;
    }
}
