using TaskChat.Launcher.Running;

namespace TaskChat.Launcher.Commands;

/// <summary>
/// `run`: migrates the database, starts every service as a child process, waits until each is
/// ready, restarts one that dies on its own (with back-off), and stops them all on Ctrl+C/SIGTERM.
/// </summary>
internal static class RunCommand
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

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
        List<SupervisedService> running = [];
        Task<string?> WaitUntilReadyAsync(SupervisedService service, CancellationToken token) =>
            RunCommand.WaitUntilReadyAsync(service, settings.ProbeUrl(service.Service, service.Service.ReadyPath), probe, token);
        try
        {
            // In table order, each ready before the next starts (mcp, then api, then web): nothing
            // depends on it, but the first chat then finds its peers up and the logs read in order.
            // A service that fails before it is ready stops everything: a restart would not fix its
            // configuration.
            foreach (var service in settings.Services)
            {
                if (stop.Token.IsCancellationRequested)
                {
                    break;
                }
                var supervised = new SupervisedService(service, dlls[service], settings.Checkout.ProjectDirectory(service), settings.VariablesFor(service), output);
                running.Add(supervised);
                supervised.Start();
                if (await WaitUntilReadyAsync(supervised, stop.Token) is { } notReady)
                {
                    await Console.Error.WriteLineAsync(notReady + " Stopping TaskChat.");
                    return ExitCodes.Failure;
                }
            }
            if (!stop.Token.IsCancellationRequested)
            {
                PrintRunning(settings);
                // From now on a service that dies is restarted on its own; the others keep running.
                await Task.WhenAll(running.Select(service => service.KeepRunningAsync(WaitUntilReadyAsync, stop.Token)));
            }
            Console.WriteLine("Stopping TaskChat.");
            return ExitCodes.Success;
        }
        finally
        {
            await Task.WhenAll(running.Select(service => service.StopAsync(StopGrace)));
            foreach (var service in running)
            {
                service.Dispose();
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

    /// <returns>Why the service did not become ready, or null when it is ready or a stop was requested.</returns>
    private static async Task<string?> WaitUntilReadyAsync(SupervisedService service, Uri url, HealthProbe probe, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        var ready = probe.WaitUntilHealthyAsync(url, giveUp.Token);
        if (await Task.WhenAny(ready, service.Exited) == ready && await ready)
        {
            return null;
        }
        string? failure = null;
        if (service.Exited.IsCompleted && !await SupervisedService.IsRequestedStopAsync(stop))
        {
            failure = $"{service.Service.Name} exited with code {await service.Exited} before it was ready.";
        }
        else if (timeout.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            failure = $"{service.Service.Name} was not ready within {ReadyTimeout.TotalSeconds:0} s ({url} did not answer 2xx).";
        }
        await giveUp.CancelAsync();
        await ready;
        return failure;
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
