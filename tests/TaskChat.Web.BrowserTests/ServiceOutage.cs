using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// A service (the api, the mcp) down for as long as a test needs, under the real launcher: its process is killed and its
/// port held by a bound socket that does not listen, so its callers are refused at once and
/// every restart the launcher tries fails to bind. Disposing frees the port: the launcher's next
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

    private ServiceOutage(Socket held, Uri service) => (_held, _service) = (held, service);

    public static async Task<ServiceOutage> BeginAsync(RunningTaskChat stack, TaskChatService service = TaskChatService.Api)
    {
        await stack.KillAsync(service);
        var port = stack.Running.Wiring.PortOf(service);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
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

    public ValueTask DisposeAsync()
    {
        _held.Dispose();
        return ValueTask.CompletedTask;
    }
}
