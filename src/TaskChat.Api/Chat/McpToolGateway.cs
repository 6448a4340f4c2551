using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using TaskChat.Contract;

namespace TaskChat.Api.Chat;

/// <summary>
/// The api's one long-lived MCP client: one pooled HttpClient (IHttpClientFactory, resilience
/// handler, the caller's token on every request), connected lazily on first use so the api starts
/// and serves REST while the mcp is down; each connection lists the tools once, and the list is cached.
/// A transport failure drops the client; the next turn reconnects, so the api recovers without a
/// restart when the mcp comes back.
/// </summary>
public sealed class McpToolGateway(IHttpClientFactory httpClients, ApiSettings settings, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    public const string HttpClientName = "mcp";

    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ILogger _logger = loggerFactory.CreateLogger<McpToolGateway>();
    private McpClient? _client;
    private IReadOnlyList<Tool>? _tools;

    /// <summary>The mcp's tools (name, description, input schema), listed once and cached.</summary>
    public async Task<IReadOnlyList<Tool>> GetToolsAsync(CancellationToken cancellationToken)
    {
        if (_tools is { } cached)
        {
            return cached;
        }
        await ClientAsync(cancellationToken);
        return _tools ?? throw new InvalidOperationException("A connected MCP client has listed its tools.");
    }

    /// <summary>
    /// Calls a tool for the current caller and returns its compact JSON envelope
    /// ({"status":"success","data":...} or {"status":"error",...}): what the model reads, and what
    /// the api stores and returns. Throws <see cref="McpUnavailableException"/>, <see cref="McpTimeoutException"/>,
    /// <see cref="McpWriteOutcomeUnknownException"/> or <see cref="McpTokenRejectedException"/>.
    /// </summary>
    /// <param name="tool">The tool as the mcp listed it.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="idempotencyKey">
    /// For a tool that writes: sent as <c>_meta.idempotency_key</c>, so the mcp applies the call once
    /// however often it is sent, which makes the call safe to send again after a transport failure.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<JsonElement> CallToolAsync(Tool tool, IReadOnlyDictionary<string, object?> arguments, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var attempts = IsReadOnly(tool) || idempotencyKey is not null ? MaxAttempts : 1;
        var options = idempotencyKey is null ? null : new RequestOptions { Meta = new JsonObject { [IdempotencyKeys.MetaName] = idempotencyKey } };
        var mayHaveApplied = false;
        for (var attempt = 1; ; attempt++)
        {
            var sent = false;
            try
            {
                var client = await ClientAsync(cancellationToken);
                sent = true;
                var result = await Guard(tool.Name, ct => client.CallToolAsync(tool.Name, arguments, options: options, cancellationToken: ct).AsTask(), cancellationToken);
                return Envelope(result);
            }
            catch (Exception e) when (e is McpUnavailableException or McpTimeoutException && !IsReadOnly(tool))
            {
                // A refused connection never delivered the request; anything else after sending may have.
                mayHaveApplied |= sent && !WasRefused(e);
                if (attempt < attempts && e is McpUnavailableException)
                {
                    _logger.LogInformation("Sending {Tool} again with its idempotency key after: {Reason}", tool.Name, e.Message);
                    await Task.Delay(RetryDelay * attempt, cancellationToken);
                    continue;
                }
                if (mayHaveApplied)
                {
                    throw new McpWriteOutcomeUnknownException(tool.Name, e);
                }
                throw;
            }
            catch (McpUnavailableException e) when (attempt < attempts)
            {
                _logger.LogInformation("Retrying read-only tool {Tool} after: {Reason}", tool.Name, e.Message);
                await Task.Delay(RetryDelay * attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Calls per tool: the first and two more after a transport failure, spaced out a little, which
    /// gives a load balancer time to stop sending to a replica that just died. Only for calls that are
    /// safe to repeat: a read-only tool, or a write with an idempotency key.
    /// </summary>
    public const int MaxAttempts = 3;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>A tool that says it changes nothing (readOnlyHint): it needs no idempotency key.</summary>
    public static bool IsReadOnly(Tool tool) => tool.Annotations?.ReadOnlyHint == true;

    private static bool WasRefused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }
        return false;
    }

    private async Task<McpClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { } existing)
        {
            return existing;
        }
        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            if (_client is null)
            {
                var transport = new HttpClientTransport(new HttpClientTransportOptions
                {
                    Endpoint = settings.McpEndpoint,
                    TransportMode = HttpTransportMode.StreamableHttp,
                    Name = "taskchat-api",
                }, httpClients.CreateClient(HttpClientName), loggerFactory, ownsHttpClient: true);
                var client = await Guard("connect", ct => McpClient.CreateAsync(transport, OwnMcpClientOptions.Create(), loggerFactory, ct), cancellationToken);
                // Every new client lists the tools: the SDK's client looks each call's tool up in its own
                // cache (and warns "not found in cache" on every call otherwise), and a restarted mcp may
                // have changed them.
                try
                {
                    _tools = await Guard("tools/list", async ct => (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.ProtocolTool).ToList(), cancellationToken);
                }
                catch
                {
                    await client.DisposeAsync();
                    throw;
                }
                _client = client;
            }
            return _client;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Runs one MCP request under MCP_TIMEOUT_SECONDS and turns transport failures into the api's errors.</summary>
    private async Task<T> Guard<T>(string what, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.McpTimeout);
        try
        {
            return await request(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("MCP {What} timed out after {Seconds} s", what, settings.McpTimeout.TotalSeconds);
            throw new McpTimeoutException(what, settings.McpTimeout);
        }
        catch (Exception e) when (IsUnauthorized(e))
        {
            // Not an outage: the api accepted this token a moment ago, so the two services are misconfigured.
            throw new McpTokenRejectedException(what, e);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            _logger.LogWarning("MCP {What} failed: {Reason}", what, Describe(e));
            await ResetAsync();
            throw new McpUnavailableException(Describe(e), e);
        }
    }

    private static bool IsUnauthorized(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized })
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsTransportFailure(Exception e) =>
        e is HttpRequestException or IOException or McpException { InnerException: HttpRequestException or IOException }
        || (e is McpException && e is not McpProtocolException);

    private static string Describe(Exception e) => (e as HttpRequestException ?? e.InnerException as HttpRequestException)?.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException => "unreachable",
        _ => e is HttpRequestException { StatusCode: { } status } ? $"HTTP {(int)status}" : e.GetType().Name,
    };

    private async Task ResetAsync()
    {
        var client = Interlocked.Exchange(ref _client, null);
        if (client is not null)
        {
            try
            {
                await client.DisposeAsync();
            }
            catch (Exception e) when (e is HttpRequestException or IOException or McpException or ObjectDisposedException)
            {
                _logger.LogDebug("Ignored while dropping the MCP client: {Reason}", e.Message);
            }
        }
    }

    /// <summary>The tool's JSON envelope: its structured content, or its text when there is none.</summary>
    private static JsonElement Envelope(CallToolResult result)
    {
        if (result.StructuredContent is { } structured)
        {
            return structured;
        }
        var text = result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text;
        try
        {
            return text is null ? Error("The tool returned nothing.") : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return result.IsError == true ? Error(text!) : JsonSerializer.SerializeToElement(ToolEnvelope.Success(text));
        }
    }

    private static JsonElement Error(string message) =>
        JsonSerializer.SerializeToElement(ToolEnvelope.Failure(ToolErrorCodes.Internal, message));

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        _connectLock.Dispose();
    }
}
