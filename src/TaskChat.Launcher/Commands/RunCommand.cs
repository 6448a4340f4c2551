using TaskChat.Launcher.Running;

namespace TaskChat.Launcher.Commands;

/// <summary>
/// `run`: migrates the database, starts every service as a child process, waits until each is
/// ready, and stops them all on Ctrl+C/SIGTERM or as soon as one of them dies.
/// </summary>
internal static class RunCommand
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    // Ctrl+C in a terminal reaches the services at the same moment as the launcher, and a service may
    // exit before the launcher's handler has run: this short wait tells that stop from a crash.
    private static readonly TimeSpan SignalRace = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync()
    {
        LaunchSettings settings;
        Dictionary<LaunchedService, string> dlls;
        try
        {
            settings = LaunchSettings.Read(LaunchedService.All);
            dlls = FindDlls(settings);
        }
        catch (LaunchConfigurationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Configuration;
        }
        if (settings.Services.FirstOrDefault(s => !PortCheck.IsFree(settings.Host, settings.PortOf(s))) is { } busy)
        {
            await Console.Error.WriteLineAsync(
                $"Port {settings.PortOf(busy)} ({busy.Name}) is in use: is TaskChat already running? " +
                $"`dotnet run --project src/TaskChat.Launcher -- doctor` tells; {busy.PortVariable} moves {busy.Name} to another port.");
            return ExitCodes.Failure;
        }
        if (!await MigrateCommand.ApplyAsync(settings.Database))
        {
            return ExitCodes.Failure;
        }

        using var stop = new StopRequest();
        using var probe = new HealthProbe();
        var output = new PrefixedOutput(settings.Services);
        List<ServiceProcess> running = [];
        try
        {
            // In table order, each ready before the next starts (mcp, then api, then web): nothing
            // depends on it, but the first chat then finds its peers up and the logs read in order.
            foreach (var service in settings.Services)
            {
                if (stop.Token.IsCancellationRequested)
                {
                    break;
                }
                running.Add(ServiceProcess.Start(service, dlls[service], settings.Checkout.ProjectDirectory(service), settings.VariablesFor(service), output));
                if (await WaitUntilReadyAsync([running[^1]], settings, probe, stop.Token) is { } notReady)
                {
                    await Console.Error.WriteLineAsync(notReady + " Stopping TaskChat.");
                    return ExitCodes.Failure;
                }
            }
            if (!stop.Token.IsCancellationRequested)
            {
                PrintRunning(settings);
                if (await WaitForStopOrExitAsync(running, stop.Token) is { } died)
                {
                    await Console.Error.WriteLineAsync($"{died.Service.Name} exited unexpectedly with code {await died.Exited}. Stopping TaskChat.");
                    return ExitCodes.Failure;
                }
            }
            Console.WriteLine("Stopping TaskChat.");
            return ExitCodes.Success;
        }
        finally
        {
            await Task.WhenAll(running.Select(p => p.StopAsync(StopGrace)));
            foreach (var process in running)
            {
                process.Dispose();
            }
            Console.WriteLine("All services stopped.");
        }
    }

    private static Dictionary<LaunchedService, string> FindDlls(LaunchSettings settings)
    {
        var missing = settings.Services.Where(s => settings.Checkout.FindDll(s) is null).ToList();
        if (missing.Count > 0)
        {
            throw new LaunchConfigurationException([.. missing.Select(s =>
                $"{s.Name} is not built: run `dotnet build src/{s.Project}` (or `dotnet run --project src/TaskChat.Launcher`, which builds every service).")]);
        }
        return settings.Services.ToDictionary(s => s, s => settings.Checkout.FindDll(s)!);
    }

    /// <returns>Why a service did not become ready, or null when all are ready or a stop was requested.</returns>
    private static async Task<string?> WaitUntilReadyAsync(List<ServiceProcess> running, LaunchSettings settings, HealthProbe probe, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        var results = await Task.WhenAll(running.Select(async process =>
        {
            var url = settings.ProbeUrl(process.Service, process.Service.ReadyPath);
            var ready = probe.WaitUntilHealthyAsync(url, giveUp.Token);
            if (await Task.WhenAny(ready, process.Exited) == ready && await ready)
            {
                return null;
            }
            string? failure = null;
            if (process.Exited.IsCompleted && !await IsRequestedStopAsync(stop))
            {
                failure = $"{process.Service.Name} exited with code {await process.Exited} before it was ready.";
            }
            else if (timeout.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                failure = $"{process.Service.Name} was not ready within {ReadyTimeout.TotalSeconds:0} s ({url} did not answer 2xx).";
            }
            // The others need not wait any longer.
            await giveUp.CancelAsync();
            await ready;
            return failure;
        }));
        return results.FirstOrDefault(r => r is not null);
    }

    /// <returns>The service that exited on its own, or null when a stop was requested.</returns>
    private static async Task<ServiceProcess?> WaitForStopOrExitAsync(List<ServiceProcess> running, CancellationToken stop)
    {
        var stopped = Task.Delay(Timeout.Infinite, stop);
        var exits = running.Select(p => (Task)p.Exited).ToList();
        var first = await Task.WhenAny([stopped, .. exits]);
        if (first == stopped || await IsRequestedStopAsync(stop))
        {
            return null;
        }
        return running[exits.IndexOf(first)];
    }

    private static async Task<bool> IsRequestedStopAsync(CancellationToken stop)
    {
        if (!stop.IsCancellationRequested)
        {
            await Task.Delay(SignalRace, CancellationToken.None);
        }
        return stop.IsCancellationRequested;
    }

    private static void PrintRunning(LaunchSettings settings)
    {
        var width = settings.Services.Select(s => s.Name.Length).Append("database".Length).Max();
        Console.WriteLine();
        Console.WriteLine("TaskChat is running (Ctrl+C stops it):");
        foreach (var service in settings.Services)
        {
            Console.WriteLine($"  {service.Name.PadRight(width)}  {settings.BrowserUrl(service, service.UrlPath)}  (health: {settings.BrowserUrl(service, service.HealthPath)})");
        }
        Console.WriteLine($"  {"database".PadRight(width)}  {settings.Database}");
        Console.WriteLine();
    }
}
