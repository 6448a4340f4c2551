namespace TaskChat.ServiceDefaults.Configuration;

public enum LogFormat
{
    Text,
    Json,
}

/// <summary>
/// The flat environment variables every service shares (../docs/configuration.md), read once at
/// start-up and validated. The database's variables (TaskChat.Data) and each service's own are read
/// with the same <see cref="SettingsReader"/>, so the same rules and messages apply.
/// </summary>
public sealed record TaskChatSettings
{
    public required ServiceInfo Service { get; init; }
    public required bool IsProduction { get; init; }
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required AuthSettings Auth { get; init; }
    public required IReadOnlyList<string> AllowedHosts { get; init; }
    public required LogFormat LogFormat { get; init; }
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (TRUSTED_PROXIES); none by default.</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>One line for the start-up log: every credential left out by construction.</summary>
    public string Summary() =>
        $"{Service.Name} environment={(IsProduction ? "production" : "development")} listen={Host}:{Port} " +
        $"issuer={Auth.Issuer} audience={Auth.Audience}" +
        (Service.ValidatesTokens ? $" jwks={Auth.JwksUrl}" : "") +
        $" allowed_hosts={string.Join(",", AllowedHosts)} log_format={LogFormat.ToString().ToLowerInvariant()}" +
        $" otel={(OtlpEndpoint is null ? "off" : $"{OtlpEndpoint.Scheme}://{OtlpEndpoint.Authority}")}" +
        $" trusted_proxies={(TrustedProxies.Count == 0 ? "none" : string.Join(",", TrustedProxies))}";
}

public sealed record AuthSettings(string Issuer, string Audience, Uri JwksUrl);
