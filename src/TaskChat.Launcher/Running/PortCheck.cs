using System.Net;
using System.Net.Sockets;

namespace TaskChat.Launcher.Running;

internal static class PortCheck
{
    /// <summary>Whether a service could bind <paramref name="host"/>:<paramref name="port"/> now (tried by binding it briefly).</summary>
    public static bool IsFree(string host, int port)
    {
        var address = IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Loopback;
        using var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
