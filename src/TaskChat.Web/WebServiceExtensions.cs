using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Health;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Web;

/// <summary>The web's wiring beyond the service defaults: its variables, JSON, limits, the api's health.</summary>
public static class WebServiceExtensions
{
    /// <summary>Sign-up and sign-in bodies are small; a larger one is a mistake or an attack (413).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>The api, in /health and /api/health ("backend": "connected" or "error: ...").</summary>
    public const string BackendCheck = "backend";

    /// <summary>The web's own variables (API_URL, AUTH_KEY_ROTATION_DAYS), read with the shared ones.</summary>
    public static WebSettings AddWebSettings(this WebApplicationBuilder builder)
    {
        var configuration = builder.GetServiceConfiguration();
        var settings = WebSettings.Read(configuration.Reader);
        configuration.Summarize(settings.Summary());
        builder.Services.AddSingleton(settings);
        return settings;
    }

    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder, WebSettings settings)
    {
        builder.AddJsonApi(MaxRequestBodyBytes);
        builder.Services.AddHealthChecks().AddPeer(BackendCheck, settings.ApiHealthUrl);
        return builder;
    }

    /// <summary>
    /// A browser asking for a page that does not exist gets the site's own "not found" page (still a
    /// 404), not the problem JSON the api-style endpoints answer with (the status code pages of
    /// UseServiceDefaults, which still serve /api and everything that is not a page).
    /// </summary>
    public static WebApplication UseNotFoundPage(this WebApplication app)
    {
        app.UseWhen(IsPageRequest, branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/_framework")
        && !context.Request.Path.StartsWithSegments("/_blazor")
        && !context.Request.Path.StartsWithSegments("/health")
        && context.Request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary><c>/api/health</c>: the reference's frontend report, whether the web reaches the api.</summary>
    public static WebApplication MapBackendHealth(this WebApplication app)
    {
        app.MapHealthReport("/api/health", ServiceInfo.Of(TaskChatService.Web).Name, check => check.Name == BackendCheck);
        return app;
    }
}
