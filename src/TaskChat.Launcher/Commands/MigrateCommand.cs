using TaskChat.Launcher.Running;
using TaskChat.Data;
using TaskChat.Data.Connection;

namespace TaskChat.Launcher.Commands;

/// <summary>`migrate`: brings DATABASE_URL's schema up to date, the one explicit step deployments run.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync()
    {
        LaunchDatabase database;
        try
        {
            database = LaunchDatabase.FromEnvironment(Checkout.Locate());
        }
        catch (Exception e) when (e is InvalidDatabaseUrlException or LaunchConfigurationException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Configuration;
        }
        return await ApplyAsync(database) ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <returns>False when the database could not be migrated; the reason is printed (short, no credentials).</returns>
    public static async Task<bool> ApplyAsync(LaunchDatabase database)
    {
        Console.WriteLine($"Database: {database}");
        try
        {
            var applied = await DatabaseMigrator.MigrateAsync(database.Connection);
            foreach (var migration in applied)
            {
                Console.WriteLine($"  applied {migration}");
            }
            Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s).");
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A driver's message can name the host, the user or SQL: print the classified reason only.
            await Console.Error.WriteLineAsync($"Could not migrate {database}: {DatabaseErrors.ShortReason(e)} ({e.GetType().Name}).");
            return false;
        }
    }
}
