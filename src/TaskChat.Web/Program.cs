using TaskChat.Data.Operations;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;
using TaskChat.Web;

// The web service: sign-in, the JWT issuer and its JWKS, and the Blazor pages (see WebApp for its shape).
// `migrate` and `probe` are the commands its container image runs besides serving; URL variables a
// platform hands out as host:port are completed first (docs/deploy.md).
DeploymentVariables.Apply();
return ServiceCommands.IsCommand(args) ? await ServiceCommands.RunAsync(args) : await ServiceHost.RunAsync(() => WebApp.Build(args));
