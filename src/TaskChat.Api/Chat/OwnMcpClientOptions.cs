using ModelContextProtocol.Client;

namespace TaskChat.Api.Chat;

/// <summary>
/// How TaskChat's own MCP clients (the api's <see cref="McpToolGateway"/>, and the tests' clients) connect to
/// TaskChat's mcp: on the SDK's default revision (2026-07-28: <c>server/discover</c>, then metadata in each
/// request), waiting for the discover answer however long the mcp takes, within the connect's own time limit.
/// </summary>
/// <remarks>
/// The SDK (2.4.0, and its main branch) gives <c>server/discover</c> 5 s (<see cref="McpClientOptions.DiscoverProbeTimeout"/>),
/// then takes the server for one that needs the <c>initialize</c> handshake and sends that instead. When the
/// discover answer reached its HTTP transport just as those 5 s ran out, the transport kept the answer's version
/// and sent <c>MCP-Protocol-Version: 2026-07-28</c> with an <c>initialize</c> for 2025-11-25, which the mcp's SDK
/// refuses (HeaderMismatch, since csharp-sdk #1724): the connect failed. Our mcp always answers server/discover,
/// so the probe only ever expires when the mcp is slow (a loaded machine, a cold start), never because it is old:
/// without the probe limit there is no fallback, so no race, and a slow mcp is not downgraded to 2025-11-25.
/// The SDK's own tests do the same against servers known to answer (csharp-sdk #1701). docs/troubleshooting.md.
/// </remarks>
public static class OwnMcpClientOptions
{
    public static McpClientOptions Create(TimeProvider? time = null) => new()
    {
        DiscoverProbeTimeout = Timeout.InfiniteTimeSpan,
        TimeProvider = time ?? TimeProvider.System,
    };
}
