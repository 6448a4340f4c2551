using TaskChat.Data;
using TaskChat.Mcp.Security;
using TaskChat.Mcp.Tools;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

// The mcp service: the task tools over MCP Streamable HTTP at /mcp, for the api's agent and any
// MCP client, each call acting as the user of its bearer token.
try
{
    var builder = WebApplication.CreateBuilder(TaskChatHost.Options(args));
    builder.AddServiceDefaults(TaskChatService.Mcp);
    builder.AddTaskChatDatabase();
    builder.AddJwtValidation();
    builder.AddTaskTools();

    var app = builder.Build();
    app.UseServiceDefaults();
    // Before authentication: a foreign page gets 403 whether or not it has a token.
    app.UseOriginCheck();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapDefaultEndpoints();
    app.MapTaskTools();
    await app.RunAsync();
    return 0;
}
catch (InvalidConfigurationException e)
{
    // Start-up refused: every bad variable by name (never a secret value), no stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

/// <summary>The entry point, public so that tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
