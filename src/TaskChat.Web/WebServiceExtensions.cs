using TaskChat.ServiceDefaults.Health;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Web;

/// <summary>The web's wiring beyond the service defaults: JSON, limits, the api's health.</summary>
public static class WebServiceExtensions
{
    /// <summary>Sign-up and sign-in bodies are small; a larger one is a mistake or an attack (413).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>The api, in /health and /api/health ("backend": "connected" or "error: ...").</summary>
    public const string BackendCheck = "backend";

    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder, WebSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.AddJsonApi(MaxRequestBodyBytes);
        builder.Services.AddHealthChecks().AddPeer(BackendCheck, settings.ApiHealthUrl);
        return builder;
    }
}
