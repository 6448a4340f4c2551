using ModelContextProtocol.Client;

namespace TaskChat.Bench.Suite;

/// <summary>
/// The official C# client for seeding and the memory rows, pinned to the protocol revision both servers
/// speak through load.mjs (the TypeScript client's, 2025-11-25). Unpinned, the 2.4 client first probes
/// with server/discover (2026-07-28) for up to 5 s; on a loaded machine the probe times out, and the
/// initialize it falls back to still carries the 2026-07-28 MCP-Protocol-Version header, which the
/// TypeScript server refuses (400: header and body disagree).
/// </summary>
internal static class BenchMcpClient
{
    public const string ProtocolVersion = "2025-11-25";

    public static async Task<McpClient> ConnectAsync(Uri serverBaseAddress, string token, CancellationToken cancellationToken)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(serverBaseAddress, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = ProtocolVersion }, cancellationToken: cancellationToken);
    }
}
