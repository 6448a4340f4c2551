using System.Runtime.InteropServices;

namespace TaskChat.Launcher.Running;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM (docker stop, systemd, a test) and SIGHUP (the terminal closed) all mean
/// "stop the services and exit": the signal is taken over so that the launcher can stop them first.
/// </summary>
internal sealed class StopRequest : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopRequest() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
