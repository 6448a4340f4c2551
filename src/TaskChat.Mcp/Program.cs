using TaskChat.Data;
using TaskChat.Data.Operations;
using TaskChat.Mcp.OAuth;
using TaskChat.Mcp.Security;
using TaskChat.Mcp.Tools;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

// The mcp service: the task tools over MCP Streamable HTTP at /mcp, for the api's agent and any
// MCP client, each call acting as the user of its bearer token.
// `migrate` and `probe` are what its container image runs besides serving (docs/deploy.md).
if (await ServiceCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = TaskChatHost.CreateBuilder(args);
builder.AddServiceDefaults(TaskChatService.Mcp);
builder.AddTaskChatDatabase();
// Bearer tokens (first-party, and OAuth tokens issued for MCP_PUBLIC_URL) and the RFC 9728 metadata.
builder.AddOAuthProtectedResource();
builder.AddTaskTools();

var app = builder.Build();
app.UseServiceDefaults();
// Before authentication: a foreign page gets 403 whether or not it has a token.
app.UseOriginCheck();
app.UseAuthentication();
app.UseAuthorization();
// Not JSON, or params the SDK cannot read: 4xx, not the SDK's 500.
app.UseMcpRequestGuard(TaskToolsExtensions.McpPath);
// A tools/call the token's scopes do not cover: 403 insufficient_scope, before the SDK runs it.
app.UseScopeCheck(TaskToolsExtensions.McpPath);

app.MapDefaultEndpoints();
app.MapTaskTools();
return await app.RunServiceAsync();

/// <summary>The entry point, public so that tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
