using System.Net;
using System.Net.Sockets;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// The api down for as long as a test needs, under the real launcher: its process is killed and its
/// port held by a bound socket that does not listen, so the web's calls are refused at once and
/// every restart the launcher tries fails to bind. Disposing frees the port: the launcher's next
/// restart (its back-off is at most 30 s) brings the api back.
/// </summary>
public sealed class ApiOutage : IAsyncDisposable
{
    private readonly Socket _held;

    private ApiOutage(Socket held) => _held = held;

    public static async Task<ApiOutage> BeginAsync(RunningTaskChat stack)
    {
        await stack.KillAsync(TaskChatService.Api);
        var port = stack.Running.Wiring.PortOf(TaskChatService.Api);
        // ExclusiveAddressUse keeps .NET from setting SO_REUSEADDR, so Kestrel's bind fails (EADDRINUSE).
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new ApiOutage(socket);
    }

    public ValueTask DisposeAsync()
    {
        _held.Dispose();
        return ValueTask.CompletedTask;
    }
}
