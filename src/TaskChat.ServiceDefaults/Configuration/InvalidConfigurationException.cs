namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>Start-up refused: the message lists every bad variable by name, never a secret value.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
