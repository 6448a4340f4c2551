using System.Diagnostics;
using TaskChat.Launcher.Running;

namespace TaskChat.Launcher.Commands;

/// <summary>
/// `run`: starts every service as a child process while it migrates the database, waits until each is
/// ready, restarts one that dies on its own (with back-off), and stops them all on Ctrl+C/SIGTERM.
/// </summary>
internal static class RunCommand
{
    // Three times the 60 s one service used to get alone: the three now start at once and share the
    // machine's cores, so on a slow or busy machine each takes up to the time of the three together.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);
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
        using var stop = new StopRequest();
        using var probe = new HealthProbe();
        var output = new PrefixedOutput(settings.Services);
        List<SupervisedService> running = [];
        Task<string?> WaitUntilReadyAsync(SupervisedService service, CancellationToken token) =>
            RunCommand.WaitUntilReadyAsync(service, settings.ProbeUrl(service.Service, service.Service.ReadyPath), probe, token);
        try
        {
            // The database is brought up to date while the services start, not before them (that
            // was about 0.5 s of the launcher's own start, mostly EF Core's JIT, that nothing
            // overlapped: issue 13). No service works on a half-migrated schema: in development each
            // looks for pending migrations before it listens and, finding some, waits for the
            // migration lock this step holds; in production a service is not ready until the schema is.
            // On a thread of its own: SQLite's "async" calls complete synchronously.
            var migrated = Task.Run(() => MigrateCommand.ApplyAsync(settings.Database));
            // All at once: a service needs no peer to start (each reaches the others on a request,
            // and its readiness is its own database), so the system is up in the time of the slowest
            // one rather than the sum. A service that fails before it is ready stops everything (a
            // restart would not fix its configuration): the others' waits are cancelled at once.
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            foreach (var service in settings.Services)
            {
                var supervised = new SupervisedService(service, dlls[service], settings.Checkout.ProjectDirectory(service), settings.VariablesFor(service), settings.LongestRestartWait, output);
                running.Add(supervised);
                supervised.Start();
            }
            if (!await migrated)
            {
                return ExitCodes.Failure; // Why is printed; the services are stopped below.
            }
            var notReady = await Task.WhenAll(running.Select(async service =>
            {
                var failure = await WaitUntilReadyAsync(service, failed.Token);
                if (failure is not null)
                {
                    await failed.CancelAsync();
                }
                else if (!failed.IsCancellationRequested)
                {
                    output.Write(service.Service, $"ready in {service.SinceStart.TotalSeconds:0.0} s");
                }
                return failure;
            }));
            if (notReady.FirstOrDefault(failure => failure is not null) is { } firstFailure)
            {
                await Console.Error.WriteLineAsync(firstFailure + " Stopping TaskChat.");
                return ExitCodes.Failure;
            }
            if (!stop.Token.IsCancellationRequested)
            {
                PrintRunning(settings, SinceLauncherStart());
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

    /// <summary>What a user waits for: from the launcher's process start (the database check included) to every service ready.</summary>
    private static TimeSpan SinceLauncherStart()
    {
        using var launcher = Process.GetCurrentProcess();
        return DateTime.Now - launcher.StartTime;
    }

    private static void PrintRunning(LaunchSettings settings, TimeSpan startUp)
    {
        var width = settings.Services.Select(s => s.Name.Length).Append("database".Length).Max();
        Console.WriteLine();
        Console.WriteLine($"TaskChat is running, ready {startUp.TotalSeconds:0.0} s after the launcher started (Ctrl+C stops it):");
        foreach (var service in settings.Services)
        {
            Console.WriteLine($"  {service.Name.PadRight(width)}  {settings.BrowserUrl(service, service.UrlPath)}  (health: {settings.BrowserUrl(service, service.HealthPath)})");
        }
        Console.WriteLine($"  {"database".PadRight(width)}  {settings.Database}");
        if (settings.Services.Any(s => s.Name == "web") && MailDestination(settings) is { } mail)
        {
            Console.WriteLine($"  {"mail".PadRight(width)}  {mail}");
        }
        Console.WriteLine();
    }

    /// <summary>
    /// Where the web's mail (password-reset links) goes, as its SMTP_URL says (docs/configuration.md, "Mail"): without a
    /// mail server the one-command run writes it to files, and someone who forgot their password needs to know where.
    /// Never the URL's credentials. Null for a value the web itself will refuse at start-up.
    /// </summary>
    private static string? MailDestination(LaunchSettings settings)
    {
        var url = Environment.GetEnvironmentVariable("SMTP_URL")?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return $"{Path.Combine(settings.Checkout.Root, ".data", "mail")} (each message a file; set SMTP_URL to send them)";
        }
        if (url.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return "off (no password reset by mail)";
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme switch
        {
            "file" => uri.LocalPath,
            "smtp" or "smtps" => $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort || uri.Port <= 0 ? "" : $":{uri.Port}")}",
            _ => null,
        } : null;
    }
}
