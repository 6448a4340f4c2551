using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// TRUSTED_PROXIES: the addresses or CIDR ranges of the proxies in front of a service (a load balancer,
/// an ingress controller, a TLS proxy). Only a connection from one of them may say, in
/// X-Forwarded-For and X-Forwarded-Proto, who the client is and whether it used https; from anyone
/// else those headers are ignored, since any client can send them. Nothing is trusted by default: a
/// service reached directly must not let a client choose the address its rate limits count.
/// </summary>
public static class TrustedProxies
{
    public const string Variable = "TRUSTED_PROXIES";

    /// <summary>Parses the comma-separated list; a bad entry is a problem that names the variable.</summary>
    public static IReadOnlyList<IPNetwork> Read(SettingsReader reader)
    {
        var text = reader.Raw(Variable);
        List<IPNetwork> networks = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return networks;
        }
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry.Trim('[', ']'), out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                reader.Problem(Variable, $"takes IP addresses and CIDR ranges such as 10.0.0.0/8, separated by commas (got '{(entry.Length <= 40 ? entry : entry[..40] + "…")}').");
            }
        }
        return networks;
    }

    internal static void AddForwardedHeaders(this IServiceCollection services, TaskChatSettings settings) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default: a proxy on the same host is named like any other.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in settings.TrustedProxies)
            {
                options.KnownIPNetworks.Add(network);
                if (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork)
                {
                    // A dual-stack socket sees IPv4 peers as ::ffff:a.b.c.d.
                    options.KnownIPNetworks.Add(new IPNetwork(network.BaseAddress.MapToIPv6(), 96 + network.PrefixLength));
                }
            }
            // Walk X-Forwarded-For from the right while each hop is a trusted proxy: the first one that
            // is not is the client, whatever a client wrote further left.
            options.ForwardLimit = null;
        });

    /// <summary>Whether the forwarded headers are read at all: only when TRUSTED_PROXIES names someone.</summary>
    internal static bool AnyTrusted(TaskChatSettings settings) => settings.TrustedProxies.Count > 0;

    internal static void UseTrustedProxies(this WebApplication app, TaskChatSettings settings)
    {
        if (AnyTrusted(settings))
        {
            app.UseForwardedHeaders();
        }
    }
}
