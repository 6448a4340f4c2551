using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace TaskChat.ServiceDefaults.Hosting;

public static class TaskChatHost
{
    /// <summary>
    /// The options for <c>WebApplication.CreateBuilder</c>: the host environment comes from ENVIRONMENT
    /// (the contract's variable) instead of ASPNETCORE_ENVIRONMENT. It must be known before the builder
    /// exists: the builder decides at once whether to serve development-time static assets.
    /// The services are configured by variables only (no appsettings.json), so the builder's default of
    /// watching the content root for changed settings files is turned off: it set up a recursive file
    /// watcher (bin/ and obj/ included) and a thread for it (about 0.1 s of CreateBuilder in a profile; issue 13).
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var early = new ConfigurationManager();
        early.AddEnvironmentVariables().AddCommandLine(args);
        var production = early["ENVIRONMENT"]?.Trim().ToLowerInvariant() is "production" or "prod";
        return new WebApplicationOptions
        {
            Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
            EnvironmentName = production ? Environments.Production : Environments.Development,
        };
    }
}
