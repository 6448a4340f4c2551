using TaskChat.Data.Hosting;

namespace TaskChat.Web.Tokens;

/// <summary>
/// Looks at the signing keys at start-up and every few minutes, so that the next key is created
/// and published on schedule even when nobody asks for a token or the JWKS meanwhile. When the
/// database is down or not migrated yet, the next tick or request tries again.
/// </summary>
internal sealed class SigningKeyMaintenance(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SigningKeyMaintenance> logger)
    : PeriodicDatabaseJob(Interval, scopes, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override string Description => "check the signing keys";

    protected override bool RunsAtStart => true;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SigningKeyRing>().GetAsync(cancellationToken);
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
