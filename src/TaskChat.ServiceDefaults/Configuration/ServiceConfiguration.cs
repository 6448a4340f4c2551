using Microsoft.Extensions.Configuration;

namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>
/// A service's configuration as its builder reads it: one <see cref="SettingsReader"/> for every
/// AddX call (the shared variables, the database's, the service's own), so that one failed start
/// names every bad variable; the shared settings; and the one start-up summary line each part adds to.
/// </summary>
public sealed class ServiceConfiguration
{
    private readonly List<string> _summary = [];

    /// <summary>Reads the shared variables; the parts read theirs through <see cref="Reader"/> after.</summary>
    public ServiceConfiguration(IConfiguration configuration, ServiceInfo service)
    {
        Reader = new SettingsReader(configuration);
        Shared = Reader.ReadShared(service);
    }

    public SettingsReader Reader { get; }

    public TaskChatSettings Shared { get; }

    /// <summary>The start-up log line: the shared settings, then what each part added, never a credential.</summary>
    public string Summary => string.Join(' ', [Shared.Summary(), .. _summary]);

    /// <summary>Adds a part's "name=value" pieces to <see cref="Summary"/>; the part leaves its secrets out.</summary>
    public void Summarize(string part) => _summary.Add(part);

    /// <summary>Every problem with a variable read so far, each naming its variable, never its secret value.</summary>
    public IReadOnlyList<string> Problems => Reader.Problems;

    /// <exception cref="InvalidConfigurationException">A variable read so far is invalid; the message lists every one.</exception>
    public void ThrowIfInvalid() => Reader.ThrowIfInvalid();
}
