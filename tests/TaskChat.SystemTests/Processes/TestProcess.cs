using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TaskChat.SystemTests.Processes;

/// <summary>
/// `dotnet X.dll` in a clean environment (none of the contract's variables leak in from the machine
/// running the tests), its output collected, signalled the way an orchestrator would.
/// </summary>
public sealed partial class TestProcess : IDisposable
{
    /// <summary>Generous: the test machine may be slow and busy. No test asserts on speed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly string[] ContractVariables =
    [
        "ENVIRONMENT", "HOST", "PORT", "DATABASE_URL", "DB_POOL_MAX", "AUTH_ISSUER", "AUTH_AUDIENCE", "AUTH_JWKS_URL",
        "API_URL", "MCP_SERVER_URL", "CORS_ORIGINS", "LLM_PROVIDER", "OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_BASE_URL",
        "MCP_TIMEOUT_SECONDS", "ALLOWED_HOSTS", "LOG_FORMAT", "OTEL_EXPORTER_OTLP_ENDPOINT", "RENDER_EXTERNAL_HOSTNAME",
        "MCP_PORT", "API_PORT", "WEB_PORT", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private TestProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>Both streams, for failure messages and for "never contains" assertions.</summary>
    public string AllOutput => Stdout + Stderr;

    public static TestProcess Start(string dll, IDictionary<string, string> variables, params string[] args)
    {
        var startInfo = new ProcessStartInfo(DotnetHost(), [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var name in ContractVariables)
        {
            startInfo.Environment.Remove(name);
        }
        foreach (var (name, value) in variables)
        {
            startInfo.Environment[name] = value;
        }
        var process = new Process { StartInfo = startInfo };
        var test = new TestProcess(process);
        process.OutputDataReceived += (_, e) => test.Append(test._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => test.Append(test._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return test;
    }

    /// <summary>Waits for a line of standard output that contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var line = Stdout.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }
            if (_process.HasExited)
            {
                break;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No line with '{text}' (exited: {_process.HasExited}). Output:{Environment.NewLine}{AllOutput}");
    }

    /// <summary>SIGTERM: what docker stop, Kubernetes and systemd send.</summary>
    public void Terminate() => Assert.Equal(0, Kill(_process.Id, 15));

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Still running after {Patience.TotalSeconds} s. Output:{Environment.NewLine}{AllOutput}");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int processId, int signal);

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            buffer.AppendLine(line);
        }
    }

    private string Read(StringBuilder buffer)
    {
        lock (_gate)
        {
            return buffer.ToString();
        }
    }
}
