using System.Globalization;
using System.Text.RegularExpressions;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport.Processes;

namespace TaskChat.TestSupport.Hosting;

/// <summary>A service the real launcher started: the launcher owns it and stops it with the others.</summary>
internal sealed partial class ServiceUnderLauncher(TaskChatService service, Uri baseAddress, TestProcess launcher) : RunningService(service, baseAddress)
{
    /// <summary>The pid of the service's current process, from the launcher's "api | started (pid 1234): ..." lines.</summary>
    public int ProcessId
    {
        get
        {
            var prefix = ServiceInfoName + " | started (pid ";
            var line = launcher.Lines().Last(l => l.StartsWith(prefix, StringComparison.Ordinal));
            return int.Parse(StartedPid().Match(line).Groups["pid"].Value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>SIGKILL to the service's process: the launcher sees it die, as after a crash.</summary>
    public override async Task KillAsync()
    {
        using var process = System.Diagnostics.Process.GetProcessById(ProcessId);
        process.Kill();
        await process.WaitForExitAsync();
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The launcher's name for the service, its log prefix ("mcp", "api", "web").</summary>
    private string ServiceInfoName => Service.ToString().ToLowerInvariant();

    [GeneratedRegex(@"\(pid (?<pid>\d+)\)")]
    private static partial Regex StartedPid();
}
