using System.Runtime.InteropServices;

namespace TaskChat.Launcher.Running;

/// <summary>
/// SIGTERM for a child: .NET can kill a process but not ask it to stop, and only a signal lets
/// ASP.NET Core drain its requests and close the database cleanly.
/// </summary>
internal static partial class Signals
{
    private const int SigTerm = 15; // the same number on Linux and macOS

    public static bool CanTerminate => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <returns>False when the signal could not be sent (the process is already gone).</returns>
    public static bool Terminate(int processId) => CanTerminate && Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int processId, int signal);
}
