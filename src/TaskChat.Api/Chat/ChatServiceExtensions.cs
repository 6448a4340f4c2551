using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using TaskChat.Api.Authorization;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Chat;

public static class ChatServiceExtensions
{
    /// <summary>The agent, the shared MCP client and the per-user chat rate limit.</summary>
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder, ApiSettings settings)
    {
        builder.Services.AddHttpClient(McpToolGateway.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddCallerToken()
            .AddResilienceHandler("mcp", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                // Only what is always safe to repeat: the connection failed, so nothing was sent.
                // Read-only tools get one more try in McpToolGateway; writes never do.
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException
                {
                    InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused },
                }),
            }));
        builder.Services.AddSingleton<McpToolGateway>();
        builder.Services.AddSingleton<ChatClientFactory>();
        builder.Services.AddScoped<ChatTurnRunner>();

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ChatApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.GetUserId() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.ChatTurnsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
                    $"Too many messages: at most {settings.ChatTurnsPerMinute} a minute. Please wait a moment.");
            };
        });
        return builder;
    }
}
