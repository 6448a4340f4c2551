using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TaskChat.Web.OAuth;

/// <summary>
/// Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document, the MCP spec's
/// preferred registration): a client_id that is an https URL names a JSON document the client
/// publishes there. The web fetches it (5 seconds, 16 KB, no redirects, https only, and never an
/// address on its own network unless OAUTH_ALLOW_PRIVATE_METADATA_HOSTS says so), checks that it
/// names itself and lists the redirect URI asked for, and keeps it as an OpenIddict application,
/// re-read at most every five minutes.
/// </summary>
internal sealed class ClientMetadataDocuments(
    IHttpClientFactory http,
    IMemoryCache cache,
    OAuthClients clients,
    OAuthSettings settings,
    ILogger<ClientMetadataDocuments> logger)
{
    public const string HttpClientName = "oauth-client-metadata";
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Whether a client_id is meant as a metadata document's URL (any https URL is; DCR ids never are).</summary>
    public static bool IsMetadataDocumentId(string? clientId) =>
        clientId is not null && clientId.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <returns>Null when the client is known and current, else why it cannot be used (for error_description).</returns>
    public async Task<string?> EnsureClientAsync(string clientId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(clientId), out _))
        {
            return null;
        }
        if (ValidateUrl(clientId) is { } urlProblem)
        {
            return urlProblem;
        }
        var url = new Uri(clientId, UriKind.Absolute);
        if (!settings.AllowPrivateMetadataHosts && IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) && PrivateAddresses.IsPrivate(literal))
        {
            return "The client metadata document's host is a private address.";
        }
        var (document, fetchProblem) = await FetchAsync(url, cancellationToken);
        if (document is not { } json)
        {
            logger.LogInformation("Client metadata document {ClientId} refused: {Reason}", clientId, fetchProblem);
            return fetchProblem;
        }
        using (document)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("client_id", out var named)
                || named.ValueKind != JsonValueKind.String || named.GetString() != clientId)
            {
                return "The client metadata document's client_id must be exactly its own URL.";
            }
            var (metadata, _, problem) = ClientMetadataRules.Read(root, url.Host);
            if (metadata is null)
            {
                return problem;
            }
            await clients.SaveMetadataDocumentClientAsync(clientId, metadata, cancellationToken);
        }
        cache.Set(CacheKey(clientId), true, CacheDuration);
        return null;
    }

    /// <summary>The document's URL must be https with a path, and carry no credentials or fragment.</summary>
    public static string? ValidateUrl(string clientId) =>
        clientId.Length > LoopbackRedirectUris.MaxLength || clientId.Any(char.IsControl)
            || !Uri.TryCreate(clientId, UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttps || url.UserInfo.Length > 0 || clientId.Contains('#')
            || url.AbsolutePath.Length <= 1 || url.Segments.Any(s => s is "./" or "../" or "." or "..")
            ? "A client_id URL must be https, with a path, and without credentials, fragment or dot segments."
            : null;

    private async Task<(JsonDocument? Document, string? Problem)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"The client metadata document answered {(int)response.StatusCode}, not 200 (redirects are not followed).");
            }
            if (response.Content.Headers.ContentLength > ClientMetadataRules.MaxDocumentBytes)
            {
                return (null, "The client metadata document is larger than 16 KB.");
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > ClientMetadataRules.MaxDocumentBytes)
                {
                    return (null, "The client metadata document is larger than 16 KB.");
                }
                buffer.Write(chunk, 0, read);
            }
            try
            {
                return (JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 }), null);
            }
            catch (JsonException)
            {
                return (null, "The client metadata document is not valid JSON.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "The client metadata document did not arrive within 5 seconds.");
        }
        catch (HttpRequestException e)
        {
            return (null, e.InnerException is PrivateAddressException ? "The client metadata document's host is a private address." : "The client metadata document could not be fetched.");
        }
    }

    private static string CacheKey(string clientId) => "cimd:" + clientId;
}

/// <summary>Before OpenIddict looks the client up: a metadata document's client is fetched and saved, or the request refused.</summary>
internal sealed class ClientMetadataDocumentResolution(ClientMetadataDocuments documents) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseScopedHandler<ClientMetadataDocumentResolution>()
        .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientIdParameter.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (!ClientMetadataDocuments.IsMetadataDocumentId(context.ClientId))
        {
            return;
        }
        if (await documents.EnsureClientAsync(context.ClientId!, context.CancellationToken) is { } problem)
        {
            context.Reject(Errors.InvalidClient, problem);
        }
    }
}

/// <summary>Refused by <see cref="PrivateAddresses"/>: the metadata host resolved only to addresses on the web's own network.</summary>
internal sealed class PrivateAddressException(string host) : Exception($"{host} resolves to a private address.");

/// <summary>The addresses a server-side fetch on a stranger's behalf must never reach (SSRF).</summary>
public static class PrivateAddresses
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,        // carrier-grade NAT
                169 => b[1] == 254,                      // link-local, cloud metadata services
                172 => b[1] is >= 16 and <= 31,
                192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,                          // multicast and reserved
                _ => false,
            };
        }
        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
            || bytes is [0x20, 0x01, 0x0d, 0xb8, ..]
            || bytes is [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..] // local-use NAT64 (RFC 8215): where it leads is the network's
            || (EmbeddedIPv4(bytes) is { } inner && IsPrivate(inner));
    }

    /// <summary>
    /// The IPv4 address an IPv6 one carries and reaches: NAT64's 64:ff9b::/96 (RFC 6052; on an IPv6-only network with DNS64
    /// it is the way to any IPv4 host, 64:ff9b::a9fe:a9fe to the cloud metadata service), IPv4-compatible ::/96, and 6to4's
    /// 2002::/16. Without it such a literal, or a name resolving to one, passed as a public address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(byte[] bytes) => bytes switch
    {
        [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..] or [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ..] => new IPAddress(bytes[12..]),
        [0x20, 0x02, ..] => new IPAddress(bytes[2..6]),
        _ => null,
    };
}

public static class ClientMetadataDocumentExtensions
{
    /// <summary>
    /// The metadata fetcher's HttpClient: no redirects, no cookies, and a connect step that resolves
    /// the host itself and connects only to a public address (the check and the connection use the
    /// same address, so DNS rebinding between them gains nothing).
    /// </summary>
    internal static WebApplicationBuilder AddClientMetadataDocuments(this WebApplicationBuilder builder, OAuthSettings settings)
    {
        builder.Services.AddScoped<ClientMetadataDocuments>();
        builder.Services.AddHttpClient(ClientMetadataDocuments.HttpClientName, client =>
        {
            client.Timeout = ClientMetadataDocuments.FetchTimeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("TaskChat-OAuth/1.0");
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = ClientMetadataDocuments.FetchTimeout,
            ConnectCallback = (context, cancellationToken) => ConnectToPublicAddressAsync(context, settings.AllowPrivateMetadataHosts, cancellationToken),
        });
        return builder;
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivate || !PrivateAddresses.IsPrivate(a)).ToList();
        if (allowed.Count == 0)
        {
            throw new PrivateAddressException(host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed[0], context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
