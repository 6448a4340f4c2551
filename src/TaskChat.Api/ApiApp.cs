using TaskChat.Api.Chat;
using TaskChat.Api.Conversations;
using TaskChat.Api.Extensions;
using TaskChat.Api.Tasks;
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

        ApiSettings api = null!;
        builder.AddServiceDefaults(Service, (reader, shared) => api = ApiSettings.Read(reader, shared));
        builder.AddApiServices(api);
        builder.AddChat(api);

        var app = builder.Build();
        // CORS before authentication: a preflight carries no token.
        app.UseServiceDefaults(beforeAuthentication: pipeline => pipeline.UseCors(ApiServiceExtensions.CorsPolicy));
        app.UseRateLimiter();
        app.Logger.LogInformation("Api {Summary}", api.Summary());
        app.MapDefaultEndpoints();
        app.MapApiDocuments();
        app.MapTasksApi();
        app.MapConversationsApi();
        app.MapChatApi();
        return app;
    }
}
