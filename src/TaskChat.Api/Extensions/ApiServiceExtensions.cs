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

    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder, ApiSettings settings)
    {
        builder.Services.AddSingleton(settings);
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
