using System.Diagnostics;

namespace TaskChat.DeployTests.Support;

/// <summary>`dotnet TaskChat.Mcp.dll migrate` and friends, run from this test's output folder as an image runs them.</summary>
internal sealed class ServiceCommand : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private ServiceCommand(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => _process.HasExited;

    public static ServiceCommand Start(string dll, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, dll), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ENVIRONMENT"] = "development";
        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }
        return new ServiceCommand(Process.Start(start)!);
    }

    /// <returns>The exit code and everything the command wrote.</returns>
    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(cancel.Token);
        return (_process.ExitCode, await _output + await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
