namespace TaskChat.Api.Authorization;

public static class ForwardCallerTokenExtensions
{
    /// <summary>Forwards the current request's bearer token on this client's requests (eShop's AddAuthToken).</summary>
    public static IHttpClientBuilder AddCallerToken(this IHttpClientBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardCallerTokenHandler>();
        return builder.AddHttpMessageHandler<ForwardCallerTokenHandler>();
    }
}
