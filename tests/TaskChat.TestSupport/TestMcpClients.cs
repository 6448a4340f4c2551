using ModelContextProtocol.Client;

namespace TaskChat.TestSupport;

public static class TestMcpClients
{
    /// <summary>The official C# MCP client over Streamable HTTP, sending <paramref name="token"/> on every request.</summary>
    public static async Task<McpClient> ConnectAsync(Uri serverBaseAddress, string token, CancellationToken cancellationToken = default)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(serverBaseAddress, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        return await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);
    }
}
