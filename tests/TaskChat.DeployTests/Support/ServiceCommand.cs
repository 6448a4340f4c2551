using System.Diagnostics;
using System.Text;

namespace TaskChat.DeployTests.Support;

/// <summary>`dotnet TaskChat.Mcp.dll migrate` and friends, run from this test's output folder as an image runs them.</summary>
internal sealed class ServiceCommand : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task<string> _error;

    private ServiceCommand(Process process)
    {
        _process = process;
        // Read line by line as it comes, so that a test can wait for what the command says (WaitForOutputAsync).
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        _error = process.StandardError.ReadToEndAsync();
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
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
        await _process.WaitForExitAsync(cancel.Token); // also waits for the output read line by line to end
        return (_process.ExitCode, Output + await _error);
    }

    /// <summary>
    /// Waits until the command has written <paramref name="text"/> to its output, however long its start takes on a busy
    /// machine; fails when it exits first or says nothing of the kind within <paramref name="timeout"/> (90 s).
    /// </summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(90)).TotalSeconds * Stopwatch.Frequency);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                var (exitCode, output) = _process.HasExited ? (_process.ExitCode, Output + await _error) : (-1, Output);
                throw new Xunit.Sdk.XunitException($"The command never said “{text}” (exit code {exitCode}):\n{output}");
            }
            await Task.Delay(50);
        }
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
