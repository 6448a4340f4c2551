using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TaskChat.Launcher.Running;

/// <summary>One service running as `dotnet Service.dll`, its output relayed line by line with its name in front.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly PrefixedOutput _output;

    private ServiceProcess(LaunchedService service, Process process, PrefixedOutput output)
    {
        Service = service;
        _process = process;
        _output = output;
        Exited = WaitForExitAsync();
    }

    public LaunchedService Service { get; }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code once the process has ended and its output is relayed.</summary>
    public Task<int> Exited { get; }

    public static ServiceProcess Start(LaunchedService service, string dll, string workingDirectory, IReadOnlyDictionary<string, string> variables, PrefixedOutput output)
    {
        var startInfo = new ProcessStartInfo(DotnetHost(), [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in variables)
        {
            startInfo.Environment[name] = value;
        }
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {service.Name}.");
        output.Write(service, $"started (pid {process.Id}): dotnet {dll}");
        return new ServiceProcess(service, process, output);
    }

    /// <summary>
    /// SIGTERM first, so the service drains its requests; the whole process tree is killed if it
    /// is still running after <paramref name="grace"/> (and at once on Windows, which has no SIGTERM).
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (Exited.IsCompleted)
        {
            return;
        }
        if (Signals.Terminate(_process.Id))
        {
            if (await Task.WhenAny(Exited, Task.Delay(grace)) == Exited)
            {
                return;
            }
            _output.Write(Service, $"did not stop within {grace.TotalSeconds:0} s: killing it", isError: true);
        }
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

    public void Dispose() => _process.Dispose();

    private async Task<int> WaitForExitAsync()
    {
        var stdout = RelayAsync(_process.StandardOutput, isError: false);
        var stderr = RelayAsync(_process.StandardError, isError: true);
        await _process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        return _process.ExitCode;
    }

    private async Task RelayAsync(StreamReader reader, bool isError)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _output.Write(Service, line, isError);
        }
    }

    /// <summary>
    /// The `dotnet` that runs the launcher: `dotnet run` starts the launcher through its own
    /// executable, so the muxer is found next to the runtime (shared/Microsoft.NETCore.App/x.y.z/).
    /// </summary>
    private static string DotnetHost()
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
}
