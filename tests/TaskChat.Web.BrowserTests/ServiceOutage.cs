using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TaskChat.ServiceDefaults.Configuration;

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

    private readonly Socket _held;
    private readonly Uri _service;
    private readonly long _began = Stopwatch.GetTimestamp();
    private readonly List<Socket> _taken = [];
    private readonly List<string> _requests = [];
    private Task _taking = Task.CompletedTask;

    private ServiceOutage(Socket held, Uri service) => (_held, _service) = (held, service);

    /// <summary>
    /// The first line of each request a hung service was sent ("GET /api/tasks?… HTTP/1.1"), in order.
    /// </summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>
    /// The service hung rather than down (a process stopped, a node lost behind a proxy that keeps the connection): its
    /// port takes every connection and reads the request, and nothing ever answers. <see cref="Requests"/> says what was asked.
    /// </summary>
    public static async Task<ServiceOutage> BeginHungAsync(RunningTaskChat stack, TaskChatService service = TaskChatService.Api)
    {
        var outage = await HoldAsync(stack, service, listen: true);
        outage._taking = outage.TakeConnectionsAsync();
        return outage;
    }

    private async Task TakeConnectionsAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _held.AcceptAsync();
                lock (_requests)
                {
                    _taken.Add(connection);
                }
                _ = ReadRequestsAsync(connection);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The outage ended.
        }
    }

    private async Task ReadRequestsAsync(Socket connection)
    {
        var buffer = new byte[16 * 1024];
        var received = new System.Text.StringBuilder();
        try
        {
            int read;
            while ((read = await connection.ReceiveAsync(buffer)) > 0)
            {
                received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                // Request heads only (the web's calls here are GETs): each ends with an empty line.
                var text = received.ToString();
                int end;
                while ((end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    lock (_requests)
                    {
                        _requests.Add(text[..text.IndexOf("\r\n", StringComparison.Ordinal)]);
                    }
                    text = text[(end + 4)..];
                }
                received.Clear().Append(text);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The caller gave up, or the outage ended.
        }
    }

    public static Task<ServiceOutage> BeginAsync(RunningTaskChat stack, TaskChatService service = TaskChatService.Api) =>
        HoldAsync(stack, service, listen: false);

    private static async Task<ServiceOutage> HoldAsync(RunningTaskChat stack, TaskChatService service, bool listen)
    {
        await stack.KillAsync(service);
        var port = stack.Running.Wiring.PortOf(service);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            if (listen)
            {
                // A listening socket holds the port against any other bind, SO_REUSEADDR or not (and needs it itself:
                // the killed service's connections linger in TIME_WAIT on the port).
                socket.Listen();
                return new ServiceOutage(socket, new Uri(stack.Running.UrlOf(service)));
            }
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
        return new ServiceOutage(socket, new Uri(stack.Running.UrlOf(service)));
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
        _held.Dispose();
        await _taking;
        lock (_requests)
        {
            _taken.ForEach(c => c.Dispose());
        }
    }
}
