using TaskChat.Data.Operations;
using TaskChat.Mcp;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

// The mcp service: the task tools over MCP Streamable HTTP at /mcp (see McpApp for its shape).
// `migrate` and `probe` are the commands its container image runs besides serving; URL variables a
// platform hands out as host:port are completed first (docs/deploy.md).
DeploymentVariables.Apply();
return ServiceCommands.IsCommand(args) ? await ServiceCommands.RunAsync(args) : await ServiceHost.RunAsync(() => McpApp.Build(args));
