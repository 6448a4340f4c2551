using TaskChat.Web.Api;

namespace TaskChat.Web.Components.Layout;

/// <summary>
/// Whether the api answers, as this circuit last saw it. A call that cannot reach the api reports it
/// down: the user is told once, and the api's readiness is polled until it answers; then the notice
/// goes and <see cref="Recovered"/> lets the open page load what it could not. Scoped: one per circuit.
/// </summary>
internal sealed class ApiAvailability(ApiClient api, Notices notices, TimeProvider clock, ILogger<ApiAvailability> logger) : IDisposable
{
    /// <summary>How often a down api is asked whether it is back.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private Task? _polling;

    public bool IsDown { get; private set; }

    /// <summary>Raised (off the renderer's thread) when a down api answers again.</summary>
    public event Func<Task>? Recovered;

    public void ReportDown()
    {
        notices.Show(Notices.ServerDown, Notices.ServerDownKey);
        lock (_lock)
        {
            IsDown = true;
            if (_polling is null || _polling.IsCompleted)
            {
                _polling = PollUntilBackAsync(_disposed.Token);
            }
        }
    }

    /// <summary>A call went through: whatever was down is back.</summary>
    public void ReportUp()
    {
        lock (_lock)
        {
            IsDown = false;
        }
        notices.Clear(Notices.ServerDownKey);
    }

    private async Task PollUntilBackAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(PollEvery, clock);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!IsDown)
                {
                    return; // A page's own call found it back first.
                }
                if (await api.IsAnsweringAsync(cancellationToken))
                {
                    ReportUp();
                    foreach (var reload in Recovered?.GetInvocationList().Cast<Func<Task>>() ?? [])
                    {
                        await reload();
                    }
                    // A reload that failed (an api ready but still too slow for its first calls) reported it down again
                    // while this poll ran, so no other poll started: keep asking, or the page would keep its error.
                    if (!IsDown)
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The circuit ended.
        }
        catch (Exception e)
        {
            // A page's reload failing must not end the circuit; the next call reports again.
            logger.LogWarning(e, "Reloading after the api came back failed.");
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
