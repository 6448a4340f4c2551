using TaskChat.Data.Connection;

namespace TaskChat.Web.Tokens;

/// <summary>
/// Looks at the signing keys at start-up and every few minutes, so that the next key is created
/// and published on schedule even when nobody asks for a token or the JWKS meanwhile.
/// </summary>
internal sealed class SigningKeyMaintenance(SigningKeyRing keys, TimeProvider clock, ILogger<SigningKeyMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await keys.GetAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down or not migrated yet: the next tick or request tries again.
                logger.LogWarning("Could not check the signing keys: {Reason}", DatabaseErrors.ShortReason(e));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class TokenIssuerExtensions
{
    public static WebApplicationBuilder AddTokenIssuer(this WebApplicationBuilder builder, WebSettings settings)
    {
        builder.Services.AddSingleton(KeySchedule.ForRotationDays(settings.KeyRotationDays));
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddHostedService<SigningKeyMaintenance>();
        return builder;
    }
}
