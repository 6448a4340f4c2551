using System.Text.RegularExpressions;

namespace TaskChat.DeployTests.Support;

/// <summary>The repository's Dockerfile, read as text: its stages and what each sets.</summary>
internal static partial class Dockerfile
{
    public static string Text { get; } = Repository.Read("Dockerfile");

    public static IReadOnlyList<string> Stages => [.. StageLine().Matches(Text).Select(m => m.Groups["name"].Value)];

    /// <summary>The lines of one stage, from its FROM to the next.</summary>
    public static string Stage(string name)
    {
        var match = StageLine().Matches(Text).FirstOrDefault(m => m.Groups["name"].Value == name)
            ?? throw new KeyNotFoundException($"no stage {name} in the Dockerfile");
        var next = Text.IndexOf("\nFROM ", match.Index + match.Length, StringComparison.Ordinal);
        return next < 0 ? Text[match.Index..] : Text[match.Index..next];
    }

    [GeneratedRegex(@"^FROM \S+ AS (?<name>[a-z-]+)", RegexOptions.Multiline)]
    private static partial Regex StageLine();
}
