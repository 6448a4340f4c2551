namespace TaskChat.Web.Api;

public static class ApiClientExtensions
{
    /// <summary>The typed client for the api at API_URL, and the per-user token cache behind it.</summary>
    public static WebApplicationBuilder AddApiClient(this WebApplicationBuilder builder, WebSettings settings)
    {
        builder.Services.AddSingleton<ApiTokens>();
        builder.Services.AddScoped<ChatRetryKeys>(); // Per circuit: one user's page.
        builder.Services.AddHttpClient<ApiClient>(http =>
        {
            http.BaseAddress = settings.ApiUrl;
            // A chat turn streams for as long as the agent works; the api bounds its own tools and model calls.
            http.Timeout = TimeSpan.FromMinutes(5);
        });
        return builder;
    }
}
