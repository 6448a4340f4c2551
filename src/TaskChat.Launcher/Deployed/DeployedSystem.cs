namespace TaskChat.Launcher.Deployed;

/// <summary>
/// What `doctor --web … --api … [--mcp …] [--env FILE]` is told about a deployment: the public URLs
/// (the mcp's is optional: it is usually private) and, optionally, the variables the services were
/// given, so that doctor can name the variable that is wrong rather than only the symptom.
/// </summary>
public sealed record DeployedSystem
{
    public required Uri Web { get; init; }
    public required Uri Api { get; init; }
    public Uri? Mcp { get; init; }

    /// <summary>The deployment's variables (an env file: KEY=VALUE lines), empty when not given.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Production rules apply: from --production or ENVIRONMENT in the env file.</summary>
    public bool IsProduction { get; init; }

    /// <summary>An existing account to sign in with; without one doctor signs up a throwaway account.</summary>
    public string? Email { get; init; }
    public string? Password { get; init; }

    public string? Variable(string name) =>
        Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Reads KEY=VALUE lines (as `docker compose config`, `printenv` or a .env file write them); # comments, blank lines and `export ` are skipped; surrounding quotes are removed.</summary>
    public static Dictionary<string, string> ReadEnvFile(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
            {
                value = value[1..^1];
            }
            variables[line[..equals].Trim()] = value;
        }
        return variables;
    }
}
