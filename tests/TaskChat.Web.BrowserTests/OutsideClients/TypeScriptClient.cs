using System.Diagnostics;
using TaskChat.TestSupport.Processes;

namespace TaskChat.Web.BrowserTests.OutsideClients;

/// <summary>
/// The official TypeScript SDK's client (ts-client/client.mjs) run by node: its dependencies are
/// installed from the lock file (`npm ci`) the first time, then it talks over stdout and stdin:
/// AUTHORIZE lines out, the redirect URL in, one RESULT line at the end.
/// </summary>
public sealed class TypeScriptClient : IAsyncDisposable
{
    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly Process _node;
    private readonly List<string> _output = [];

    private TypeScriptClient(Process node) => _node = node;

    public static string Directory => Path.Combine(BuiltService.RepositoryRoot, "tests", "TaskChat.Web.BrowserTests", "OutsideClients", "ts-client");

    /// <summary>Everything the script printed so far (for a failure's message).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static async Task<TypeScriptClient> StartAsync(string mcpEndpoint, Uri redirectUri, string title)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node", ["client.mjs", mcpEndpoint, redirectUri.ToString(), title])
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var client = new TypeScriptClient(node);
        node.ErrorDataReceived += (_, e) => client.Keep("stderr: " + e.Data);
        node.BeginErrorReadLine();
        return client;
    }

    /// <summary>The next line that starts with <paramref name="prefix"/>, without it.</summary>
    public async Task<string> ReadAsync(string prefix, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (await _node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            Keep(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }
        throw new InvalidOperationException($"The TypeScript client ended before printing '{prefix}':\n{Output}");
    }

    public async Task AnswerAsync(string line)
    {
        await _node.StandardInput.WriteLineAsync(line);
        await _node.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
        }
        await _node.WaitForExitAsync();
        _node.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    /// <summary>`npm ci` once per checkout: exactly the locked versions, from the registry or npm's cache.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@modelcontextprotocol", "sdk")))
            {
                return;
            }
            var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"])
            {
                WorkingDirectory = Directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await npm.WaitForExitAsync(timeout.Token);
            Assert.True(npm.ExitCode == 0, $"npm ci failed in {Directory}:\n{await output}\n{await errors}");
        }
        finally
        {
            Install.Release();
        }
    }
}
