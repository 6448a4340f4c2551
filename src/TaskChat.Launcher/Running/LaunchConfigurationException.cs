namespace TaskChat.Launcher.Running;

/// <summary>The launcher cannot start: each problem names the variable or the missing piece, never a secret.</summary>
internal sealed class LaunchConfigurationException(IReadOnlyList<string> problems)
    : Exception("Cannot start TaskChat:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public LaunchConfigurationException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
