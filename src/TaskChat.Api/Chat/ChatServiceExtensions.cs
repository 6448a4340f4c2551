using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using TaskChat.Api.Authorization;
using TaskChat.Data.Idempotency;
using TaskChat.Data.Limits;
using TaskChat.Data.Tasks;

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
                // Calls get more tries in McpToolGateway when that is safe: read-only, or a write with its idempotency key.
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException
                {
                    InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused },
                }),
            }));
        builder.Services.AddSingleton<McpToolGateway>();
        builder.Services.AddSingleton(new ChatClock(TimeProvider.System));
        builder.Services.AddSingleton<ChatClientFactory>();
        builder.Services.AddScoped<ChatTurnRunner>();
        builder.Services.AddScoped<ChatTurnKeys>();
        builder.Services.AddSingleton(ChatTurnLeases.Default());
        builder.Services.AddSingleton(ChatStreamKeepAlive.Default);
        builder.Services.AddHostedService<ChatTurnLeaseRenewal>();
        builder.Services.AddIdempotencyPruning();
        builder.Services.AddDeletedTaskPurging();

        builder.Services.AddScoped<ChatTurnCounter>();
        return builder;
    }
}
