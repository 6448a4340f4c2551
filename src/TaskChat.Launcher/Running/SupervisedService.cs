using System.Diagnostics;

namespace TaskChat.Launcher.Running;

/// <summary>
/// One service under the launcher: its process, with its output prefixed, restarted with back-off
/// when it dies on its own, so that one crash does not take the other services down with it.
/// </summary>
internal sealed class SupervisedService(
    LaunchedService service, string dll, string workingDirectory, IReadOnlyDictionary<string, string> variables, TimeSpan longestRestartWait, PrefixedOutput output) : IDisposable
{
    // Ctrl+C in a terminal reaches the services at the same moment as the launcher, and a service may
    // exit before the launcher's handler has run: this short wait tells that stop from a crash.
    private static readonly TimeSpan SignalRace = TimeSpan.FromMilliseconds(500);

    private readonly RestartBackoff _backoff = new(longestRestartWait);
    private DotnetProcess? _process;
    private long _startedAt;

    public LaunchedService Service { get; } = service;

    /// <summary>Completes with the exit code of the current process.</summary>
    public Task<int> Exited => _process?.Exited ?? throw new InvalidOperationException($"{Service.Name} was not started.");

    /// <summary>The time since its current process was started.</summary>
    public TimeSpan SinceStart => Stopwatch.GetElapsedTime(_startedAt);

    public void Start()
    {
        var environment = variables.ToDictionary(v => v.Key, v => (string?)v.Value);
        _process = DotnetProcess.Start(dll, [], environment, workingDirectory, (line, isError) => output.Write(Service, line, isError));
        _startedAt = Stopwatch.GetTimestamp();
        output.Write(Service, $"started (pid {_process.Id}): dotnet {dll}");
    }

    /// <summary>Whether the service exited because a stop was requested (Ctrl+C, SIGTERM), not on its own.</summary>
    public static async Task<bool> IsRequestedStopAsync(CancellationToken stop)
    {
        if (!stop.IsCancellationRequested)
        {
            await Task.Delay(SignalRace, CancellationToken.None);
        }
        return stop.IsCancellationRequested;
    }

    /// <summary>
    /// Until <paramref name="stop"/>: each time the service exits on its own, says so and starts it
    /// again after the back-off, then says when it is ready again.
    /// </summary>
    /// <param name="waitUntilReady">Waits until the started process is ready; null when it is, else why not.</param>
    /// <param name="stop">Ctrl+C or SIGTERM: the launcher is stopping every service.</param>
    public async Task KeepRunningAsync(Func<SupervisedService, CancellationToken, Task<string?>> waitUntilReady, CancellationToken stop)
    {
        var stopped = Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => 0, TaskScheduler.Default);
        while (true)
        {
            var code = await await Task.WhenAny(Exited, stopped);
            if (await IsRequestedStopAsync(stop))
            {
                return;
            }
            var delay = _backoff.After(Stopwatch.GetElapsedTime(_startedAt));
            await Console.Error.WriteLineAsync($"{Service.Name} exited unexpectedly with code {code}: restarting it in {delay.TotalSeconds:0} s.");
            try
            {
                await Task.Delay(delay, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Start();
            if (await waitUntilReady(this, stop) is { } notReady)
            {
                await Console.Error.WriteLineAsync(notReady);
                continue;
            }
            if (!stop.IsCancellationRequested)
            {
                Console.WriteLine($"{Service.Name} is ready again.");
            }
        }
    }

    /// <summary>SIGTERM, then killed with its process tree if still running after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is not null && await _process.StopAsync(grace))
        {
            output.Write(Service, $"did not stop within {grace.TotalSeconds:0} s: killed it", isError: true);
        }
    }

    public void Dispose() => _process?.Dispose();
}
