using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace TaskChat.ServiceDefaults.Hosting;

public static class TaskChatHost
{
    /// <summary>
    /// The service's builder: ASP.NET Core's slim builder, which leaves out what none of the services
    /// uses (IIS integration, Kestrel's HTTPS configuration and HTTP/3, regular-expression route
    /// constraints, hosting startup assemblies; TLS ends at the platform's proxy, and logging is
    /// configured in full by <c>AddServiceDefaults</c> either way). A service then loads 2–3 fewer
    /// assemblies and holds 2 MB less at idle (docs/performance.md). Static web assets are served from the
    /// build output in development, as the full builder does, which the web's pages need when run
    /// with <c>dotnet run</c> or the launcher.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(Options(args));
        if (builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
        return builder;
    }

    /// <summary>
    /// The options for the builder: the host environment comes from ENVIRONMENT
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
