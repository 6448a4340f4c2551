using TaskChat.Launcher.Running;

namespace TaskChat.Launcher.Commands;

internal static class HelpCommand
{
    private const string Usage = """
        TaskChat launcher

        Usage: dotnet run --project src/TaskChat.Launcher [-- COMMAND]

        Commands:
          run       (default) migrate the database, start every service, wait until each is ready
                    and print its URL; Ctrl+C stops them all
          migrate   apply pending migrations to DATABASE_URL and exit
          doctor    check the .NET runtime, the built services, the database and the ports
          help      show this text

        Variables: DATABASE_URL (default: SQLite file .data/taskchat.db in the checkout), HOST,
        <SERVICE>_PORT (e.g. MCP_PORT) to move a service off its default port. Any other variable
        you set (AUTH_ISSUER, LOG_FORMAT...) reaches the services unchanged. See docs/launcher.md.

        Exit codes: 0 done or stopped on request, 1 a service or the database failed,
        2 invalid configuration or usage (nothing was started).
        """;

    public static int Run()
    {
        Console.WriteLine(Usage);
        Console.WriteLine();
        Console.WriteLine("Services: " + string.Join(", ", LaunchedService.All.Select(s => $"{s.Name} (port {s.DefaultPort})")));
        return ExitCodes.Success;
    }

    public static int Unknown(string[] args)
    {
        Console.Error.WriteLine($"Unknown command: {string.Join(' ', args)}");
        Console.Error.WriteLine(Usage);
        return ExitCodes.Configuration;
    }
}
