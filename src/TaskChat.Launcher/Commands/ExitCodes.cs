namespace TaskChat.Launcher.Commands;

/// <summary>What the launcher's exit code tells a script or a CI job.</summary>
internal static class ExitCodes
{
    /// <summary>Done, or stopped on request (Ctrl+C, SIGTERM).</summary>
    public const int Success = 0;

    /// <summary>Something failed at run time: a service died before it was ready or never became ready, the database could not be migrated, a check failed.</summary>
    public const int Failure = 1;

    /// <summary>Nothing was started: a variable is invalid, the command is unknown, or a service is not built.</summary>
    public const int Configuration = 2;
}
