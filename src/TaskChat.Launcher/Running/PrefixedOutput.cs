namespace TaskChat.Launcher.Running;

/// <summary>
/// Writes the children's log lines as "mcp | ...", the names padded to one width so the lines
/// align, each service in its own colour when the output is a terminal (and NO_COLOR is unset).
/// </summary>
internal sealed class PrefixedOutput
{
    private static readonly string[] Colours = ["36", "35", "33", "32", "34"]; // cyan, magenta, yellow, green, blue

    private readonly int _width;
    private readonly Dictionary<string, string> _colours;
    private readonly bool _colourOut = UseColour(Console.IsOutputRedirected);
    private readonly bool _colourError = UseColour(Console.IsErrorRedirected);

    public PrefixedOutput(IReadOnlyList<LaunchedService> services)
    {
        _width = services.Max(s => s.Name.Length);
        _colours = services.Select((s, i) => (s.Name, Colour: Colours[i % Colours.Length])).ToDictionary(x => x.Name, x => x.Colour);
    }

    public void Write(LaunchedService service, string line, bool isError = false)
    {
        var prefix = service.Name.PadRight(_width) + " | ";
        if (isError ? _colourError : _colourOut)
        {
            prefix = $"\u001b[{_colours[service.Name]}m{prefix}\u001b[0m";
        }
        // One WriteLine per line: Console's writers are synchronized, so lines of two services never interleave mid-line.
        (isError ? Console.Error : Console.Out).WriteLine(prefix + line);
    }

    private static bool UseColour(bool redirected) =>
        !redirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
