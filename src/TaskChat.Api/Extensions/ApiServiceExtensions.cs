using Scalar.AspNetCore;
using TaskChat.Api.Conversations;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Health;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Extensions;

/// <summary>The api's wiring beyond the service defaults: JSON, limits, CORS, OpenAPI, health.</summary>
public static class ApiServiceExtensions
{
    /// <summary>Chat messages and task fields are small; a larger body is a mistake or an attack (413).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public const string CorsPolicy = "web";

    /// <summary>The api's own variables (MCP_SERVER_URL, CORS_ORIGINS, LLM_PROVIDER...), read with the shared ones.</summary>
    public static ApiSettings AddApiSettings(this WebApplicationBuilder builder)
    {
        var configuration = builder.GetServiceConfiguration();
        var settings = ApiSettings.Read(configuration.Reader, configuration.Shared);
        configuration.Summarize(settings.Summary());
        builder.Services.AddSingleton(settings);
        return settings;
    }

    /// <summary>JSON and the body limit, CORS for CORS_ORIGINS, the OpenAPI document, conversations, and the mcp in /health.</summary>
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder, ApiSettings settings)
    {
        builder.AddJsonApi(MaxRequestBodyBytes);

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. settings.CorsOrigins])
            .AllowCredentials()
            .WithMethods("GET", "POST", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Accept")
            .WithExposedHeaders("Location")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        builder.Services.AddOpenApi();
        builder.Services.AddScoped<ConversationStore>();
        builder.Services.AddHostedService<AbandonedConversationPruning>();

        builder.Services.AddHealthChecks().AddPeer("mcp_server", settings.McpHealthUrl);
        return builder;
    }

    public static WebApplication MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        if (!app.Services.GetRequiredService<TaskChatSettings>().IsProduction)
        {
            app.MapScalarApiReference("/scalar");
        }
        return app;
    }
}
