using System.Globalization;
using System.Threading.RateLimiting;
using TaskChat.Contract;
using TaskChat.Data.Limits;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Web.Auth.Throttling;

public static class AuthThrottlingExtensions
{
    /// <summary>The rate limiter policy of every /api/auth endpoint but the JWKS (AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE).</summary>
    public const string AuthRequestsPolicy = "auth-requests";

    /// <summary>
    /// The sign-in and sign-up budgets (<see cref="AuthThrottle"/>), the lockout per email and address
    /// (<see cref="SignInLockout"/>, with its clean-up), and a per-address budget for the rest of /api/auth.
    /// Every refusal is 429 rate_limited (locked_out for the lockout) with Retry-After.
    /// </summary>
    public static WebApplicationBuilder AddAuthThrottling(this WebApplicationBuilder builder, WebSettings web)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuthThrottle>();
        builder.Services.AddScoped<SignInLockout>();
        builder.Services.AddHostedService<SignInLockoutCleanup>();
        var requests = AuthThrottle.Bucket(web.AuthLimits.AuthRequestsPerAddressPerMinute, TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(AuthRequestsPolicy, context => RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context), _ => requests));
            options.OnRejected = (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = RetryAfterSeconds(wait);
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    ProblemCodes.RateLimited, $"Too many requests. Try again in {Wait(seconds)}."));
            };
        });
        return builder;
    }

    /// <summary>Whole seconds, at least one: a client told "0" would retry at once.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>"1 second", "40 seconds", "6 minutes": for a person.</summary>
    public static string Wait(int seconds) => seconds switch
    {
        1 => "1 second",
        < 90 => $"{seconds} seconds",
        _ => $"{(int)Math.Ceiling(seconds / 60.0)} minutes",
    };
}
