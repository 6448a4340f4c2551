using TaskChat.Api;
using TaskChat.Data.Operations;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

// The api service: REST tasks and conversations, and the chat agent over MCP (see ApiApp for its shape).
// `migrate` and `probe` are the commands its container image runs besides serving; URL variables a
// platform hands out as host:port are completed first (docs/deploy.md).
DeploymentVariables.Apply();
return ServiceCommands.IsCommand(args) ? await ServiceCommands.RunAsync(args) : await ServiceHost.RunAsync(() => ApiApp.Build(args));
