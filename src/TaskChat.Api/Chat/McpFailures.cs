namespace TaskChat.Api.Chat;

/// <summary>The mcp could not be reached (or answered with a server error): 503 mcp_unavailable.</summary>
public sealed class McpUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>A tool call outlived MCP_TIMEOUT_SECONDS: 504 mcp_timeout.</summary>
public sealed class McpTimeoutException(string tool, TimeSpan timeout)
    : Exception($"The tool {tool} did not answer within {timeout.TotalSeconds:0} s.");

/// <summary>The language model's server could not be reached or refused the request: 503 llm_unavailable.</summary>
public sealed class LlmUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>
/// The mcp refused the caller's token (401) that the api had just accepted: the two disagree on the
/// issuer, the audience or the keys, or the token was not forwarded. A server bug, not an outage:
/// 500 internal, logged as an error.
/// </summary>
public sealed class McpTokenRejectedException(string what, Exception inner)
    : Exception($"The mcp refused the forwarded token during {what} (401): check that the api and the mcp share AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL.", inner);

/// <summary>
/// A tool that writes was sent and no answer came back (the connection broke mid-call, or it timed
/// out), even after the retries its idempotency key allows: it may or may not have been applied. The
/// user is told to check, not to try again blindly: 503 mcp_unavailable, or 504 mcp_timeout.
/// </summary>
public sealed class McpWriteOutcomeUnknownException(string tool, Exception inner)
    : Exception($"The tool {tool} was sent but its answer never came: it may have been applied.", inner)
{
    public bool TimedOut => InnerException is McpTimeoutException;
}
