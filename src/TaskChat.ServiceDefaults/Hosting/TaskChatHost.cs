using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace TaskChat.ServiceDefaults.Hosting;

public static class TaskChatHost
{
    /// <summary>
    /// WebApplication.CreateBuilder with the host environment taken from ENVIRONMENT (the contract's
    /// variable) instead of ASPNETCORE_ENVIRONMENT: it must be known before the builder exists.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Configuration added on top of environment variables and arguments (tests use it).</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var early = new ConfigurationManager();
        early.AddEnvironmentVariables().AddCommandLine(args);
        configure?.Invoke(early);
        var production = early["ENVIRONMENT"]?.Trim().ToLowerInvariant() is "production" or "prod";

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = production ? Environments.Production : Environments.Development,
        });
        // Lowest priority, so Logging__LogLevel__... variables still win: a line per request (health
        // probes included) drowns what matters; the framework's warnings and errors still show.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            },
        });
        configure?.Invoke(builder.Configuration);
        return builder;
    }
}
