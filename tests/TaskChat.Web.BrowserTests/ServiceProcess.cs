using System.Diagnostics;
using System.Reflection;
using System.Text;
using TaskChat.Data.Connection;

namespace TaskChat.Web.BrowserTests;

/// <summary>`dotnet X.dll` in a clean environment (none of the contract's variables leak in), its output collected.</summary>
public sealed class ServiceProcess : IDisposable
{
    private static readonly string[] ContractVariables =
    [
        "ENVIRONMENT", "HOST", "PORT", "DATABASE_URL", "DB_POOL_MAX", "AUTH_ISSUER", "AUTH_AUDIENCE", "AUTH_JWKS_URL",
        "API_URL", "MCP_SERVER_URL", "CORS_ORIGINS", "LLM_PROVIDER", "OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_BASE_URL",
        "MCP_TIMEOUT_SECONDS", "ALLOWED_HOSTS", "LOG_FORMAT", "OTEL_EXPORTER_OTLP_ENDPOINT", "RENDER_EXTERNAL_HOSTNAME",
        "MCP_PORT", "API_PORT", "WEB_PORT", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly StringBuilder _output = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the built dll of src/<paramref name="project"/>.</summary>
    public static ServiceProcess Start(string name, string project, IReadOnlyDictionary<string, string> variables)
    {
        var startInfo = new ProcessStartInfo(DotnetHost(), [Dll(project)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Dll(project))!,
        };
        foreach (var variable in ContractVariables)
        {
            startInfo.Environment.Remove(variable);
        }
        foreach (var (key, value) in variables)
        {
            startInfo.Environment[key] = value;
        }
        var process = new Process { StartInfo = startInfo };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Kills the process (as a crash or an outage would) and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string Dll(string project)
    {
        var root = DatabaseUrl.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Not inside the TaskChat checkout.");
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TaskChat.Configuration").Value!;
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.Combine(root, "src", project, "bin", configuration, framework, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project} is not built", dll);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
