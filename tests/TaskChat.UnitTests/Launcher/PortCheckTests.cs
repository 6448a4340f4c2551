using System.Net;
using System.Net.Sockets;
using TaskChat.Launcher.Running;

namespace TaskChat.UnitTests.Launcher;

/// <summary>
/// The launcher's "is the port in use?" before it starts the services: a listener is in the way, the
/// lingering connections of a service that just stopped are not (on Linux .NET binds over TIME_WAIT, as
/// Kestrel does, so a launcher started again at once must not call the port taken).
/// </summary>
public sealed class PortCheckTests
{
    [Fact]
    public void APortSomethingListensOnIsInUse()
    {
        using var listener = Listen();

        Assert.False(PortCheck.IsFree("127.0.0.1", PortOf(listener)));
    }

    [Fact]
    public void APortNobodyHoldsIsFree()
    {
        int port;
        using (var listener = Listen())
        {
            port = PortOf(listener);
        }

        Assert.True(PortCheck.IsFree("127.0.0.1", port));
    }

    [Fact]
    public void APortLeftInTimeWaitByAServiceThatStoppedIsFree()
    {
        int port;
        using (var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            using (var listener = Listen())
            {
                port = PortOf(listener);
                client.Connect(IPAddress.Loopback, port);
                using var accepted = listener.Accept();
                // The server closes first, as a service does when it stops: its side of the connection,
                // on the service's port, waits in TIME_WAIT.
                accepted.Close();
            }
            client.Close();
        }

        Assert.True(PortCheck.IsFree("127.0.0.1", port));
    }

    private static Socket Listen()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        return listener;
    }

    private static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
