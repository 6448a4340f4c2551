using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// A service (the api, the mcp) down for as long as a test needs, under the real launcher: its process is killed and its
/// port held by a bound socket that does not listen, so its callers are refused at once and
/// every restart the launcher tries fails to bind (or, from <see cref="BeginHungAsync"/>, one that takes every
/// connection and never answers). Disposing frees the port: the launcher's next
/// restart (its back-off is at most 30 s) brings the service back.
/// </summary>
public sealed class ServiceOutage : IAsyncDisposable
{
    // The launcher's first restart comes 1 s after the kill and a restarted api listens a few
    // seconds later: by then a port not truly held would have let it back.
    private static readonly TimeSpan FirstRestartDone = TimeSpan.FromSeconds(10);

    private readonly Socket? _bound;
    private readonly WebApplication? _hung;
    private readonly Uri _service;
    private readonly long _began = Stopwatch.GetTimestamp();
    private readonly ConcurrentQueue<string> _requests;

    private ServiceOutage(Uri service, Socket? bound = null, WebApplication? hung = null, ConcurrentQueue<string>? requests = null) =>
        (_service, _bound, _hung, _requests) = (service, bound, hung, requests ?? new());

    /// <summary>
    /// Each request a hung service was sent, as its method and target ("GET /api/tasks?status=all…"), in order.
    /// </summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>
    /// The service hung rather than down (a process stopped, a node lost behind a proxy that keeps the connection): its
    /// port takes every request and nothing ever answers. <see cref="Requests"/> says what was asked.
    /// </summary>
    public static async Task<ServiceOutage> BeginHungAsync(RunningTaskChat stack, TaskChatService service = TaskChatService.Api)
    {
        await stack.KillAsync(service);
        var requests = new ConcurrentQueue<string>();
        // A server listening on the port holds it against the launcher's restarts (no socket may bind a port another
        // listens on, SO_REUSEADDR or not); disposing it aborts the requests it holds.
        var (hung, _) = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }), stack.Running.Wiring.PortOf(service));
        return new ServiceOutage(new Uri(stack.Running.UrlOf(service)), hung: hung, requests: requests);
    }

    /// <summary>The service down: its port refuses every connection.</summary>
    public static async Task<ServiceOutage> BeginAsync(RunningTaskChat stack, TaskChatService service = TaskChatService.Api)
    {
        await stack.KillAsync(service);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, stack.Running.Wiring.PortOf(service)));
            // On Linux .NET sets SO_REUSEADDR just before every TCP bind (ExclusiveAddressUse does not
            // stop it), and Kestrel sets it too: two sockets that both have it may share a port while
            // neither listens, so the restarted api bound anyway and the "outage" lasted only as long
            // as the launcher's restart. Cleared after the bind, it makes Kestrel's bind fail.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new ServiceOutage(new Uri(stack.Running.UrlOf(service)), bound: socket);
    }

    /// <summary>
    /// Fails if the service answers: called at the end of an outage, long after the launcher's first
    /// restart, it shows the outage was real and not just the restart's few seconds.
    /// </summary>
    public async Task AssertApiStillDownAsync()
    {
        if (FirstRestartDone - Stopwatch.GetElapsedTime(_began) is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait);
        }
        using var http = new HttpClient { BaseAddress = _service, Timeout = TimeSpan.FromSeconds(10) };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/health/live"));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
    }

    public async ValueTask DisposeAsync()
    {
        _bound?.Dispose();
        if (_hung is not null)
        {
            await _hung.DisposeAsync();
        }
    }
}
