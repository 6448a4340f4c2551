using System.Text;
using TaskChat.Launcher.Running;
using Xunit;

namespace TaskChat.TestSupport.Processes;

/// <summary>
/// A built TaskChat program (a service, the launcher) run as `dotnet X.dll` by the launcher's own
/// <see cref="DotnetProcess"/>, in a clean environment (none of the contract's variables leak in from
/// the machine running the tests), its output collected, signalled the way an orchestrator would.
/// </summary>
public sealed class TestProcess : IDisposable
{
    /// <summary>Generous: the test machine may be slow and busy. No test asserts on speed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static readonly string[] ContractVariables =
    [
        "ENVIRONMENT", "HOST", "PORT", "DATABASE_URL", "DB_POOL_MAX", "AUTH_ISSUER", "AUTH_AUDIENCE", "AUTH_JWKS_URL",
        "API_URL", "MCP_SERVER_URL", "CORS_ORIGINS", "LLM_PROVIDER", "OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_BASE_URL",
        "MCP_TIMEOUT_SECONDS", "CHAT_TURNS_PER_MINUTE", "AUTH_KEY_ROTATION_DAYS",
        "AUTH_SESSION_IDLE_DAYS", "AUTH_SESSION_MAX_DAYS", "AUTH_SESSION_REVALIDATION_SECONDS", "ALLOWED_HOSTS", "LOG_FORMAT",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "RENDER_EXTERNAL_HOSTNAME", "MCP_PORT", "API_PORT", "WEB_PORT",
        "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private DotnetProcess _process = null!;

    private TestProcess()
    {
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>Both streams, for failure messages and for "never contains" assertions.</summary>
    public string AllOutput => Stdout + Stderr;

    /// <param name="dll">The built program (<see cref="BuiltService"/>).</param>
    /// <param name="variables">Its whole configuration: nothing else of the contract's reaches it.</param>
    /// <param name="args">Its command line (the launcher's command).</param>
    /// <param name="workingDirectory">Where it runs: a temp folder unless given (a service runs in its project folder, as under the launcher).</param>
    public static TestProcess Start(string dll, IReadOnlyDictionary<string, string> variables, string[]? args = null, string? workingDirectory = null)
    {
        var environment = ContractVariables.ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }
        var test = new TestProcess();
        test._process = DotnetProcess.Start(dll, args ?? [], environment, workingDirectory ?? Path.GetTempPath(), test.Append);
        return test;
    }

    /// <summary>Waits for a line of standard output that contains <paramref name="text"/>, after any line <paramref name="after"/> names.</summary>
    public async Task<string> WaitForLineAsync(string text, int after = 0)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var line = Lines().Skip(after).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            if (HasExited)
            {
                break;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No line with '{text}' (exited: {HasExited}). Output:{Environment.NewLine}{AllOutput}");
    }

    /// <summary>The lines of standard output so far.</summary>
    public IReadOnlyList<string> Lines() => Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>SIGTERM: what docker stop, Kubernetes and systemd send.</summary>
    public void Terminate() => Assert.True(_process.Terminate(), "SIGTERM could not be sent.");

    /// <summary>Kills it with its process tree at once, as a crash would.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Stops it as an orchestrator would: SIGTERM, killed if still running after <paramref name="grace"/>.</summary>
    public Task StopAsync(TimeSpan grace) => _process.StopAsync(grace);

    public async Task<int> WaitForExitAsync()
    {
        if (await Task.WhenAny(_process.Exited, Task.Delay(Patience)) != _process.Exited)
        {
            throw new TimeoutException($"Still running after {Patience.TotalSeconds} s. Output:{Environment.NewLine}{AllOutput}");
        }
        return await _process.Exited;
    }

    public void Dispose() => _process.Dispose();

    private void Append(string line, bool isError)
    {
        lock (_gate)
        {
            (isError ? _stderr : _stdout).AppendLine(line);
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
