using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport.Processes;

namespace TaskChat.TestSupport.Hosting;

/// <summary>A service run from its built dll, as a deployment runs it, configured by its variables alone.</summary>
internal sealed class ProcessService : RunningService
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private int _disposed;

    private ProcessService(TaskChatService service, Uri baseAddress, TestProcess process)
        : base(service, baseAddress) => Process = process;

    public override TestProcess Process { get; }

    /// <summary>
    /// Starts it in its project folder, as the launcher does (or from <paramref name="publishedFolder"/>, in that
    /// folder, as an image runs it), and waits until it is ready.
    /// </summary>
    public static async Task<ProcessService> StartAsync(TaskChatService service, IReadOnlyDictionary<string, string> variables, int port, string? publishedFolder = null)
    {
        var process = publishedFolder is null
            ? TestProcess.Start(BuiltService.Dll(service), variables, workingDirectory: BuiltService.ProjectDirectory(service))
            : TestProcess.Start(BuiltService.PublishedDll(publishedFolder, service), variables, workingDirectory: publishedFolder);
        try
        {
            await Listening.WaitUntilOkAsync(Listening.Url(port, "/health/ready"), process);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new ProcessService(service, Listening.Url(port, "/"), process);
    }

    public override Task KillAsync() => Process.KillAsync();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await Process.StopAsync(StopGrace);
            Process.Dispose();
        }
    }
}
