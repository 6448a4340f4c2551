using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace TaskChat.Bench.Suite;

/// <summary>
/// Every node process the bench starts, so that none outlives it: Ctrl-C and SIGTERM cancel the run (the
/// services and databases are then disposed on the way out), and whatever is still tracked at exit is killed.
/// The services run as <c>TestProcess</c>es, stopped by their own disposal.
/// </summary>
internal static partial class Cleanup
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<Process> Running = [];

    static Cleanup() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process)
    {
        lock (Gate)
        {
            Running.Add(process);
        }
    }

    public static void Forget(Process process)
    {
        lock (Gate)
        {
            Running.Remove(process);
        }
    }

    /// <summary>SIGTERM, then a kill if it has not exited within a few seconds.</summary>
    public static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                _ = SendTerm(process.Id, 15);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        Forget(process);
    }

    public static void KillAll()
    {
        Process[] left;
        lock (Gate)
        {
            left = [.. Running];
            Running.Clear();
        }
        foreach (var process in left)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    /// <summary>Resident memory of a process in MB (VmRSS), or NaN when it cannot be read.</summary>
    public static double RssMegabytes(int pid) => Status(pid) is { } status ? Megabytes(status, "VmRSS") : double.NaN;

    /// <summary>
    /// What a process's RSS is made of, for the bench's progress lines: anonymous memory (the GC heap, native
    /// allocations, thread stacks), file-backed pages (the mapped assemblies) and shared memory (under W^X, the
    /// JIT's code and the type loader's data), and its thread count. Empty when the process is gone.
    /// </summary>
    public static string RssParts(int pid)
    {
        if (Status(pid) is not { } status)
        {
            return "";
        }
        string Part(string name) => Megabytes(status, name).ToString("F1", CultureInfo.InvariantCulture);
        return $"anon {Part("RssAnon")}, file {Part("RssFile")}, shmem {Part("RssShmem")} MB, {status.GetValueOrDefault("Threads", "?")} threads";
    }

    /// <summary>The fields of <c>/proc/&lt;pid&gt;/status</c> ("VmRSS" → "123456 kB"), or null when the process is gone.</summary>
    private static Dictionary<string, string>? Status(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status")
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A "NNN kB" field in MB; NaN when the kernel does not report it.</summary>
    private static double Megabytes(Dictionary<string, string> status, string name) =>
        status.TryGetValue(name, out var value) ? double.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture) / 1024 : double.NaN;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SendTerm(int pid, int signal);
}

/// <summary>Polls a readiness URL often (every 10 ms), so that a start-up time is not rounded to a slow poll.</summary>
internal static class Readiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task WaitAsync(Uri url, Func<bool> exited, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var response = await Http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (exited())
            {
                throw new InvalidOperationException($"The process behind {url} exited before it was ready.");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} was not ready within 120 s.");
            }
            await Task.Delay(10, cancellationToken);
        }
    }
}
