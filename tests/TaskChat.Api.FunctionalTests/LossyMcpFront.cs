using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// A front for the mcp that passes every request on and, for the first <c>lose</c> tool calls, lets the
/// mcp apply it and then drops the connection instead of answering: the mcp dying between its commit
/// and its answer, every time, on purpose. Asked to <see cref="Hold"/>, it keeps tool calls until
/// <see cref="Release"/>: a turn caught mid-call, and whether the api gave its call up meanwhile. Given a
/// <c>discoverDelay</c>, it is an mcp that slow to answer <c>server/discover</c>.
/// </summary>
public sealed class LossyMcpFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _mcp;
    private int _toLose;
    private int _toolCalls;
    private TaskCompletionSource? _hold;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _abandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _discoverDelay;
    private readonly List<(string Method, string ProtocolVersion)> _requests = [];

    private LossyMcpFront(WebApplication app, Uri address, HttpClient mcp, int lose, TimeSpan discoverDelay)
    {
        _app = app;
        Address = address;
        _mcp = mcp;
        _toLose = lose;
        _discoverDelay = discoverDelay;
    }

    /// <summary>Where the api should find "the mcp".</summary>
    public Uri Address { get; }

    /// <summary>tools/call requests that reached the mcp (answered or not).</summary>
    public int ToolCalls => Volatile.Read(ref _toolCalls);

    /// <summary>Each request's JSON-RPC method and MCP-Protocol-Version header (empty when absent), in order.</summary>
    public IReadOnlyList<(string Method, string ProtocolVersion)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>From now on tool calls wait in the front, before the mcp, until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the held tool calls on to the mcp (those the api still waits for).</summary>
    public void Release() => _hold?.TrySetResult();

    /// <summary>Completes when a tool call is being held.</summary>
    public Task ToolCallHeld => _held.Task;

    /// <summary>Completes when the api gave up a held tool call (it cancelled its request): that call never reaches the mcp.</summary>
    public Task ToolCallAbandoned => _abandoned.Task;

    public static async Task<LossyMcpFront> StartAsync(Uri mcp, int lose, TimeSpan discoverDelay = default)
    {
        var http = new HttpClient { BaseAddress = mcp };
        LossyMcpFront? front = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/mcp", (HttpContext context) => front!.ForwardAsync(context)));
        front = new LossyMcpFront(app, address, http, lose, discoverDelay);
        return front;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var method = System.Text.Json.JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("method").GetString() ?? "";
        var isToolCall = method == "tools/call";
        lock (_requests)
        {
            _requests.Add((method, context.Request.Headers["MCP-Protocol-Version"].ToString()));
        }
        if (method == "server/discover")
        {
            await Task.Delay(_discoverDelay, CancellationToken.None); // Answered even if the client gave up meanwhile, as a slow mcp would.
        }
        if (isToolCall && _hold is { } hold)
        {
            _held.TrySetResult();
            using (context.RequestAborted.Register(() => _abandoned.TrySetResult()))
            {
                await hold.Task;
            }
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp") { Content = new ByteArrayContent(body.ToArray()) };
        foreach (var header in context.Request.Headers)
        {
            if (!header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && header.Key != "Host")
            {
                request.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
            }
            else if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
            }
        }
        using var response = await _mcp.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync(); // The mcp has applied the call by now.
        if (isToolCall)
        {
            Interlocked.Increment(ref _toolCalls);
            if (Interlocked.Decrement(ref _toLose) >= 0)
            {
                context.Abort();
                return;
            }
        }
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }
        await context.Response.Body.WriteAsync(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _mcp.Dispose();
    }
}
