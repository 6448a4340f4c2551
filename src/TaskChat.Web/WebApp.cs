using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Health;
using TaskChat.ServiceDefaults.Hosting;
using TaskChat.Web.Api;
using TaskChat.Web.Auth;
using TaskChat.Web.Components;
using TaskChat.Web.Components.Layout;
using TaskChat.Web.Tokens;

namespace TaskChat.Web;

/// <summary>The web service's shape; tests build it the same way Program does, with their own settings.</summary>
public static class WebApp
{
    public static readonly ServiceInfo Service = new("frontend", DefaultPort: 3000, DefaultDbPoolMax: 30, ValidatesTokens: false, OwnUrlVariable: "AUTH_ISSUER");

    /// <summary>
    /// Named after this assembly, not the entry one: tests host the web inside testhost, whose own
    /// manifest does not exist (the build copies this one next to them).
    /// </summary>
    private static string StaticAssetsManifest =>
        Path.Combine(AppContext.BaseDirectory, $"{typeof(WebApp).Assembly.GetName().Name}.staticwebassets.endpoints.json");

    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Adds configuration before it is read (tests supply their variables here).</param>
    /// <param name="overrideServices">Replaces services after the web's own (tests swap in a fake clock).</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = TaskChatHost.CreateBuilder(args, configure);

        WebSettings web = null!;
        var shared = builder.AddServiceDefaults(Service, (reader, _) => web = WebSettings.Read(reader));
        builder.AddWebServices(web);
        builder.AddIdentityStore(shared);
        builder.AddTokenIssuer(web);
        builder.AddApiClient(web);
        builder.Services.AddScoped<Notices>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Logger.LogInformation("Web {Summary}", web.Summary());
        app.MapDefaultEndpoints();
        app.MapHealthReport("/api/health", Service.Name, check => check.Name == WebServiceExtensions.BackendCheck);
        app.MapAuthApi();
        app.MapAccountPages();
        app.MapStaticAssets(StaticAssetsManifest);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
