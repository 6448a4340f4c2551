using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>
/// Reads flat variables (PORT, AUTH_ISSUER...) from configuration, collecting every problem so that
/// one failed start names them all. Messages name the variable; values are shown only for variables
/// that cannot hold a secret.
/// </summary>
public sealed class SettingsReader(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    public bool IsProduction { get; private set; }

    /// <summary>Every problem recorded so far, each naming its variable.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The value as set, or null; for a reader that parses a variable itself (DATABASE_URL).</summary>
    public string? Raw(string name) => configuration[name];

    /// <summary>Reads the variables every service shares; call <see cref="ThrowIfInvalid"/> after any service-specific reads.</summary>
    public TaskChatSettings ReadShared(ServiceInfo service)
    {
        IsProduction = ReadEnvironment();
        var host = Text("HOST", IsProduction ? "0.0.0.0" : "127.0.0.1");
        if (!IsValidBindAddress(host))
        {
            Problem("HOST", $"must be an IP address or 'localhost' (got '{host}').");
        }

        var issuer = Url("AUTH_ISSUER", "http://localhost:3000", isServiceUrl: true);
        var jwks = Url("AUTH_JWKS_URL", "http://localhost:3000/api/auth/jwks", isServiceUrl: service.ValidatesTokens);

        return new TaskChatSettings
        {
            Service = service,
            IsProduction = IsProduction,
            Host = host,
            Port = Number("PORT", service.DefaultPort, 0, 65535),
            Auth = new AuthSettings(issuer.ToString().TrimEnd('/'), Text("AUTH_AUDIENCE", "taskchat"), jwks),
            AllowedHosts = ReadAllowedHosts(service.OwnUrlVariable switch
            {
                null => null,
                "AUTH_ISSUER" => issuer,
                var own => OptionalUrl(own),
            }, service.PublicUrlVariable is { } publicUrl ? OptionalUrl(publicUrl) : null),
            LogFormat = Choice("LOG_FORMAT", IsProduction ? LogFormat.Json : LogFormat.Text),
            OtlpEndpoint = OptionalUrl("OTEL_EXPORTER_OTLP_ENDPOINT"),
            TrustedProxies = Hosting.TrustedProxies.Read(this),
        };
    }

    public string Text(string name, string defaultValue)
    {
        var value = configuration[name]?.Trim();
        return string.IsNullOrEmpty(value) ? defaultValue : value;
    }

    public int Number(string name, int defaultValue, int min, int max)
    {
        var text = configuration[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problem(name, $"must be a whole number from {min} to {max} (got '{Shorten(text)}').");
            return defaultValue;
        }
        return value;
    }

    public TEnum Choice<TEnum>(string name, TEnum defaultValue) where TEnum : struct, Enum
    {
        var text = configuration[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }
        if (!System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) || !System.Enum.IsDefined(value) || char.IsDigit(text[0]))
        {
            var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
            Problem(name, $"must be one of: {names} (got '{Shorten(text)}').");
            return defaultValue;
        }
        return value;
    }

    /// <summary>
    /// An absolute http(s) URL. A service URL must not name localhost or a loopback address in
    /// production: that is the classic "works on my machine" deploy that talks to nothing.
    /// </summary>
    public Uri Url(string name, string defaultValue, bool isServiceUrl)
    {
        var text = configuration[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = defaultValue;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            Problem(name, "must be an absolute http:// or https:// URL.");
            return new Uri(defaultValue);
        }
        if (uri.UserInfo.Length > 0)
        {
            Problem(name, "must not carry credentials in the URL.");
        }
        if (IsProduction && isServiceUrl && IsLoopback(uri.Host))
        {
            Problem(name, $"names {uri.Host}, which in production is this container, not the service it should reach: set it to the service's real URL.");
        }
        return uri;
    }

    public Uri? OptionalUrl(string name)
    {
        var text = configuration[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            Problem(name, "must be an absolute http:// or https:// URL.");
            return null;
        }
        return uri;
    }

    /// <summary>Records a problem with a variable; start-up fails at <see cref="ThrowIfInvalid"/>.</summary>
    public void Problem(string name, string message) => _problems.Add($"{name} {message}");

    /// <summary>Records a problem whose text already names its variable (a parser's message, such as DATABASE_URL's).</summary>
    public void Problem(string problem) => _problems.Add(problem);

    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new InvalidConfigurationException(_problems);
        }
    }

    /// <summary>
    /// True when <paramref name="host"/> can only mean this machine: localhost and its subdomains
    /// (with or without the root's trailing dot, "localhost."), a loopback address (IPv4-mapped
    /// too), or the unspecified address (0.0.0.0, [::]), which a connection reaches as loopback.
    /// </summary>
    public static bool IsLoopback(string host)
    {
        var bare = host.Trim('[', ']').TrimEnd('.');
        if (IPAddress.TryParse(bare, out var address))
        {
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }
            return IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        }
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private bool ReadEnvironment()
    {
        var value = Text("ENVIRONMENT", "development").ToLowerInvariant();
        switch (value)
        {
            case "production" or "prod":
                return true;
            case "development" or "dev":
                return false;
            default:
                // A typo must not silently run production with development defaults.
                Problem("ENVIRONMENT", $"must be 'development' or 'production' (got '{Shorten(value)}').");
                return false;
        }
    }

    private List<string> ReadAllowedHosts(Uri? ownUrl, Uri? publicUrl)
    {
        var configured = configuration["ALLOWED_HOSTS"];
        List<string> hosts = string.IsNullOrWhiteSpace(configured)
            ? ["localhost", "127.0.0.1", "[::1]"]
            : [.. configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (IsProduction)
        {
            if (ownUrl is not null)
            {
                hosts.Add(ownUrl.Host);
            }
            if (publicUrl is not null)
            {
                hosts.Add(publicUrl.Host);
            }
            if (configuration["RENDER_EXTERNAL_HOSTNAME"] is { Length: > 0 } render)
            {
                hosts.Add(render.Trim());
            }
        }
        foreach (var host in hosts.Where(h => h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('[')))
        {
            Problem("ALLOWED_HOSTS", $"takes host names without scheme or port (got '{Shorten(host)}').");
        }
        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static bool IsValidBindAddress(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host.Trim('[', ']'), out _);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
