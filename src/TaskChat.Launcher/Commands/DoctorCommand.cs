using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TaskChat.Launcher.Running;
using TaskChat.Data;
using TaskChat.Data.Connection;

namespace TaskChat.Launcher.Commands;

/// <summary>
/// `doctor`: checks what `run` needs (the runtime, the built services, a reachable and migrated
/// database, free ports or healthy services on them) and says what to do about each failure.
/// It changes nothing: it neither creates the SQLite file nor migrates.
/// </summary>
internal static class DoctorCommand
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("TaskChat doctor");
        var checks = new Checklist();
        checks.Report(Environment.Version.Major >= 10, $".NET runtime {Environment.Version}" + (Environment.Version.Major >= 10 ? "" : ": TaskChat needs .NET 10"));

        LaunchSettings settings;
        try
        {
            settings = LaunchSettings.Read(LaunchedService.All);
        }
        catch (LaunchConfigurationException e)
        {
            foreach (var problem in e.Problems)
            {
                checks.Report(false, problem);
            }
            return checks.Summary();
        }

        foreach (var service in settings.Services)
        {
            var dll = settings.Checkout.FindDll(service);
            checks.Report(dll is not null, dll is null
                ? $"{service.Name} is not built: run `dotnet build src/{service.Project}`"
                : $"{service.Name} is built: {settings.Checkout.Relative(dll)}");
        }

        var (databaseOk, databaseText) = await CheckDatabaseAsync(settings.Database);
        checks.Report(databaseOk, databaseText);

        using var probe = new HealthProbe();
        foreach (var service in settings.Services)
        {
            var port = settings.PortOf(service);
            if (PortCheck.IsFree(settings.Host, port))
            {
                checks.Report(true, $"{service.Name}: port {port} is free");
                continue;
            }
            var health = settings.ProbeUrl(service, service.HealthPath);
            var healthy = await probe.IsHealthyAsync(health);
            checks.Report(healthy, healthy
                ? $"{service.Name}: running and healthy at {health}"
                : $"{service.Name}: port {port} is in use, but {health} does not report healthy (another program, or {service.Name} with a problem; {service.PortVariable} moves it)");
        }
        return checks.Summary();
    }

    private static async Task<(bool Ok, string Text)> CheckDatabaseAsync(LaunchDatabase database)
    {
        const string Migrate = "run `dotnet run --project src/TaskChat.Launcher -- migrate`";
        if (database.Connection.Provider == DatabaseProvider.Sqlite
            && !File.Exists(new SqliteConnectionStringBuilder(database.Connection.ConnectionString).DataSource))
        {
            return (false, $"database {database}: not created yet; {Migrate}");
        }
        using var timeout = new CancellationTokenSource(DatabaseTimeout);
        try
        {
            await using var db = DataServiceCollectionExtensions.CreateDbContext(database.Connection);
            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).ToList();
            return pending.Count == 0
                ? (true, $"database {database}: reachable, up to date")
                : (false, $"database {database}: {pending.Count} migration(s) pending; {Migrate}");
        }
        catch (Exception e)
        {
            return (false, $"database {database}: {(timeout.IsCancellationRequested ? "timeout" : DatabaseErrors.ShortReason(e))}");
        }
    }

    private sealed class Checklist
    {
        private int _failures;

        public void Report(bool ok, string text)
        {
            if (!ok)
            {
                _failures++;
            }
            Console.WriteLine($"  {(ok ? "ok  " : "FAIL")}  {text}");
        }

        public int Summary()
        {
            Console.WriteLine(_failures == 0 ? "All checks passed." : $"{_failures} check(s) failed.");
            return _failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }
    }
}
