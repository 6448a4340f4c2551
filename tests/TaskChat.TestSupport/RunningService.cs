using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.TestSupport;

/// <summary>One started service of a <see cref="RunningSystem"/>: where it listens, and how to stop it.</summary>
public abstract class RunningService : IAsyncDisposable
{
    private protected RunningService(TaskChatService service, Uri baseAddress)
    {
        Service = service;
        BaseAddress = baseAddress;
    }

    public TaskChatService Service { get; }

    /// <summary>Where the test reaches it (a loopback address, with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Its dependency injection container: only for a service hosted in the test process.</summary>
    public virtual IServiceProvider Services =>
        throw new InvalidOperationException($"The {Service} runs as a process of its own: its services are not in the test process.");

    /// <summary>Its process, whose output is its log: only for a service run as a process of its own.</summary>
    public virtual Processes.TestProcess Process =>
        throw new InvalidOperationException($"The {Service} runs in the test process: it has no process of its own.");

    /// <summary>A plain client (no token) on <see cref="BaseAddress"/>.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Stops it the nearest way to a crash there is for its hosting, for tests of what its peers do then.</summary>
    public abstract Task KillAsync();

    /// <summary>Stops it; a second call does nothing.</summary>
    public abstract ValueTask DisposeAsync();
}
