using System.Text.Json;
using Scalar.AspNetCore;
using TaskChat.Api.Conversations;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Health;

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
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        // snake_case everywhere, as in the tools and the reference's clients.
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });

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
