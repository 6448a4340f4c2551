using TaskChat.Launcher.Running;
using TaskChat.Data.Connection;
using TaskChat.Data.Operations;

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
        return await ServiceCommands.ApplyMigrationsAsync(database.Connection, Console.Out, Console.Error);
    }
}
