using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api;

/// <summary>The api service's shape; tests build it the same way Program does, with their own settings.</summary>
public static class ApiApp
{
    public static readonly ServiceInfo Service = new("backend", DefaultPort: 8000, DefaultDbPoolMax: 30, ValidatesTokens: true, OwnUrlVariable: "API_URL");

    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Adds configuration before it is read (tests supply their variables here).</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = TaskChatHost.CreateBuilder(args, configure);

        builder.AddServiceDefaults(Service);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        return app;
    }
}
