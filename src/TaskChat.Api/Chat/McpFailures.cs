namespace TaskChat.Api.Chat;

/// <summary>The mcp could not be reached (or answered with a server error): 503 mcp_unavailable.</summary>
public sealed class McpUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>A tool call outlived MCP_TIMEOUT_SECONDS: 504 mcp_timeout.</summary>
public sealed class McpTimeoutException(string tool, TimeSpan timeout)
    : Exception($"The tool {tool} did not answer within {timeout.TotalSeconds:0} s.");

/// <summary>The language model's server could not be reached or refused the request: 503 llm_unavailable.</summary>
public sealed class LlmUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);
