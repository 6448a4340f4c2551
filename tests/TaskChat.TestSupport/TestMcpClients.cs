extern alias api;

using ModelContextProtocol.Client;
using OwnMcpClientOptions = api::TaskChat.Api.Chat.OwnMcpClientOptions;

namespace TaskChat.TestSupport;

public static class TestMcpClients
{
    /// <summary>
    /// The official C# MCP client over Streamable HTTP, sending <paramref name="token"/> on every request, with the
    /// options the api's own client uses (<see cref="Options"/>).
    /// </summary>
    /// <param name="serverBaseAddress">The mcp's base address.</param>
    /// <param name="token">The bearer token.</param>
    /// <param name="handler">What sends the HTTP requests, when not a plain socket handler (one that watches them).</param>
    /// <param name="time">The clock of the connect's time limits, when not the system's.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    public static async Task<McpClient> ConnectAsync(Uri serverBaseAddress, string token, HttpMessageHandler? handler = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(serverBaseAddress, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }, new HttpClient(handler ?? new SocketsHttpHandler()), ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, Options(time), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// How TaskChat's own clients connect to its mcp: no server/discover probe limit, so no fallback to initialize
    /// (with the SDK's defaults, a discover answered as its 5 s ran out failed the connect: docs/troubleshooting.md).
    /// </summary>
    public static McpClientOptions Options(TimeProvider? time = null) => OwnMcpClientOptions.Create(time);
}
