using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TaskChat.Launcher.Running;

/// <summary>
/// `dotnet X.dll` as a child process, its output handed over line by line as it comes, stopped the way
/// an orchestrator stops a service. The launcher runs the services with it; the tests run the launcher
/// and the built services with it too, so there is one way to start and stop a TaskChat process.
/// </summary>
public sealed class DotnetProcess : IDisposable
{
    private readonly Process _process;

    private DotnetProcess(Process process, Action<string, bool> onLine)
    {
        _process = process;
        Exited = WaitForExitAsync(onLine);
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code once the process has ended and all its output was handed over.</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <param name="dll">The built program.</param>
    /// <param name="args">Its command-line arguments.</param>
    /// <param name="environment">Variables to set over the parent's; a null value removes the variable.</param>
    /// <param name="workingDirectory">Where it runs (a service finds its content files from there).</param>
    /// <param name="onLine">Each line of output, and whether it came from standard error.</param>
    public static DotnetProcess Start(string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, string workingDirectory, Action<string, bool> onLine)
    {
        var startInfo = new ProcessStartInfo(DotnetHost(), [dll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start dotnet {dll}.");
        return new DotnetProcess(process, onLine);
    }

    /// <summary>SIGTERM (what docker stop, Kubernetes and systemd send), so that the program drains and exits.</summary>
    /// <returns>False when the signal could not be sent: the process is gone, or the system has no SIGTERM (Windows).</returns>
    public bool Terminate() => Signals.Terminate(_process.Id);

    /// <summary>
    /// SIGTERM first, so the program drains its requests; the whole process tree is killed if it is
    /// still running after <paramref name="grace"/> (and at once on Windows, which has no SIGTERM).
    /// </summary>
    /// <returns>True when it had to be killed.</returns>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            return false;
        }
        if (Terminate() && await Task.WhenAny(Exited, Task.Delay(grace)) == Exited)
        {
            return false;
        }
        await KillAsync();
        return true;
    }

    /// <summary>Kills the whole process tree at once, as a crash or an outage would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
        await Exited;
    }

    public void Dispose()
    {
        if (!HasExited)
        {
            KillAsync().GetAwaiter().GetResult();
        }
        _process.Dispose();
    }

    /// <summary>
    /// The `dotnet` that runs this program: `dotnet run` and `dotnet test` start their program through
    /// the muxer's own path, and otherwise it is found next to the runtime (shared/Microsoft.NETCore.App/x.y.z/).
    /// </summary>
    public static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Path.GetFileName(Environment.ProcessPath) == name)
        {
            return Environment.ProcessPath!;
        }
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var muxer = Path.Combine(root, name);
        return File.Exists(muxer) ? muxer : name;
    }

    private async Task<int> WaitForExitAsync(Action<string, bool> onLine)
    {
        var stdout = RelayAsync(_process.StandardOutput, isError: false, onLine);
        var stderr = RelayAsync(_process.StandardError, isError: true, onLine);
        await _process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        return _process.ExitCode;
    }

    private static async Task RelayAsync(StreamReader reader, bool isError, Action<string, bool> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line, isError);
        }
    }
}
