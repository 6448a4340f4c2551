using System.Diagnostics;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Operations;

/// <summary>
/// What a service's image runs besides serving, so that every deployment target uses the same
/// commands and no image needs a shell, curl or the SDK:
/// <c>dotnet TaskChat.Api.dll migrate</c> (apply migrations to DATABASE_URL; Compose's migrate
/// service, Render's preDeployCommand, the Kubernetes Job) and
/// <c>dotnet TaskChat.Api.dll probe http://127.0.0.1:8000/health/ready</c> (a container health check).
/// Exit codes: 0 done or healthy, 1 failed or unhealthy, 2 bad usage or configuration.
/// </summary>
public static class ServiceCommands
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    private static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Whether <paramref name="args"/> names one of these commands rather than the service's own arguments.</summary>
    public static bool IsCommand(string[] args) => args is ["migrate" or "probe", ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error);

    /// <returns>The command's exit code when <paramref name="args"/> names one; null when the service should serve.</returns>
    public static async Task<int?> TryRunAsync(string[] args) => IsCommand(args) ? await RunAsync(args) : null;

    /// <param name="args">The command and its arguments.</param>
    /// <param name="variable">Reads an environment variable (tests pass their own).</param>
    /// <param name="output">Progress.</param>
    /// <param name="error">Failures, short and without credentials.</param>
    public static async Task<int> RunAsync(string[] args, Func<string, string?> variable, TextWriter output, TextWriter error) => args switch
    {
        ["migrate"] => await MigrateAsync(variable, output, error),
        ["probe", var url] => await ProbeAsync(url, DefaultProbeTimeout, output, error),
        ["probe", var url, "--timeout", var seconds] when int.TryParse(seconds, out var s) && s is > 0 and <= 600
            => await ProbeAsync(url, TimeSpan.FromSeconds(s), output, error),
        _ => await UsageAsync(error),
    };

    private static async Task<int> MigrateAsync(Func<string, string?> variable, TextWriter output, TextWriter error)
    {
        var url = variable(DatabaseUrl.VariableName);
        var production = variable("ENVIRONMENT")?.Trim().ToLowerInvariant() is "production" or "prod";
        DatabaseConnection connection;
        try
        {
            connection = DatabaseUrl.Parse(url, DatabaseUrl.DefaultSqlitePath());
        }
        catch (InvalidDatabaseUrlException e)
        {
            await error.WriteLineAsync(e.Message);
            return Usage;
        }
        // The same rule as the services': migrating a throwaway SQLite file inside a production
        // container would "succeed" and leave the real database untouched.
        if (production && (string.IsNullOrWhiteSpace(url) || connection.Provider == DatabaseProvider.Sqlite))
        {
            await error.WriteLineAsync($"{DatabaseUrl.VariableName} must be set to a PostgreSQL URL in production.");
            return Usage;
        }

        await output.WriteLineAsync($"Migrating {connection}");
        return await ApplyMigrationsAsync(connection, output, error) ? Success : Failure;
    }

    /// <summary>
    /// Applies pending migrations, printing each one, and whether it had to wait for another
    /// migrator's lock. The launcher's `migrate` and `run` use it too.
    /// </summary>
    /// <returns>False when the database could not be migrated; the reason is printed (short, no credentials).</returns>
    public static async Task<bool> ApplyMigrationsAsync(DatabaseConnection connection, TextWriter output, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var applied = await DatabaseMigrator.MigrateAsync(connection, () => output.WriteLine("Another migrator holds the lock; waiting for it."));
            foreach (var migration in applied)
            {
                await output.WriteLineAsync($"  applied {migration}");
            }
            await output.WriteLineAsync(applied.Count == 0
                ? "Database is up to date."
                : $"Applied {applied.Count} migration(s) in {clock.Elapsed.TotalSeconds:0.0} s.");
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A driver's message can name the host, the user or SQL: the classified reason only.
            await error.WriteLineAsync($"Could not migrate {connection}: {DatabaseErrors.ShortReason(e)} ({e.GetType().Name}).");
            return false;
        }
    }

    private static async Task<int> ProbeAsync(string url, TimeSpan timeout, TextWriter output, TextWriter error)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"probe takes an absolute http(s) URL (got '{url}').");
            return Usage;
        }
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(uri);
            var healthy = response.IsSuccessStatusCode;
            await (healthy ? output : error).WriteLineAsync($"{uri}: {(int)response.StatusCode} {(healthy ? "healthy" : "unhealthy")}");
            return healthy ? Success : Failure;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{uri}: {(e is TaskCanceledException ? $"no answer within {timeout.TotalSeconds:0} s" : "unreachable")}");
            return Failure;
        }
    }

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("""
            Usage: dotnet <service>.dll migrate
                     apply pending migrations to DATABASE_URL, then exit (0 done, 1 failed, 2 bad configuration)
                   dotnet <service>.dll probe URL [--timeout SECONDS]
                     GET URL: exit 0 when it answers 2xx within the timeout (default 5 s), else 1
            """);
        return Usage;
    }
}
