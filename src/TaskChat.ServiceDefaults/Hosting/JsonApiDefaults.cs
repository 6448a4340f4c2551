using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TaskChat.ServiceDefaults.Hosting;

public static class JsonApiDefaults
{
    /// <summary>
    /// snake_case JSON (as in the tools and the reference's clients; dictionary keys as given) and a
    /// request body limit: the api's and the web's bodies are small, so a larger one is a mistake or
    /// an attack (413).
    /// </summary>
    public static WebApplicationBuilder AddJsonApi(this WebApplicationBuilder builder, long maxRequestBodyBytes)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        return builder;
    }
}
