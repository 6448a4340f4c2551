using System.Text.RegularExpressions;

namespace TaskChat.DeployTests.Support;

/// <summary>
/// compose.yaml (and overlays) as `docker compose config` would see them: variables interpolated
/// from the given environment (${X}, ${X:-default}, ${X-default}, ${X:?message}, ${X?message}),
/// then each overlay merged onto the base service by service (mappings merged, other values replaced).
/// </summary>
internal sealed partial class ComposeProject
{
    private ComposeProject(Dictionary<object, object> document) => Document = document;

    public Dictionary<object, object> Document { get; }

    public Dictionary<object, object> Services => Document.Map("services");

    public IEnumerable<string> ServiceNames => Services.Keys.Cast<string>();

    public Dictionary<object, object> Service(string name) => Services.Map(name);

    /// <exception cref="ComposeInterpolationException">A ${X:?message} variable is missing.</exception>
    public static ComposeProject Load(IReadOnlyDictionary<string, string> environment, params string[] files)
    {
        Dictionary<object, object>? merged = null;
        foreach (var file in files)
        {
            var document = (Dictionary<object, object>)Interpolate(Yaml.Load(Repository.Read(file)), environment);
            merged = merged is null ? document : Merge(merged, document);
        }
        return new ComposeProject(merged!);
    }

    /// <summary>A service's environment, as KEY → value (a list of KEY=VALUE is accepted too).</summary>
    public Dictionary<string, string> Environment(string service)
    {
        var result = new Dictionary<string, string>();
        switch (Service(service).Find("environment"))
        {
            case Dictionary<object, object> map:
                foreach (var (key, value) in map)
                {
                    result[(string)key] = value as string ?? "";
                }
                break;
            case List<object> list:
                foreach (var item in list.Cast<string>())
                {
                    var equals = item.IndexOf('=', StringComparison.Ordinal);
                    result[item[..equals]] = item[(equals + 1)..];
                }
                break;
        }
        return result;
    }

    private static object Interpolate(object node, IReadOnlyDictionary<string, string> environment) => node switch
    {
        string text => Variable().Replace(text.Replace("$$", "\u0000", StringComparison.Ordinal), match => Resolve(match, environment)).Replace("\u0000", "$", StringComparison.Ordinal),
        Dictionary<object, object> map => map.ToDictionary(p => p.Key, p => Interpolate(p.Value, environment)),
        List<object> list => list.Select(item => Interpolate(item, environment)).ToList(),
        _ => node,
    };

    private static string Resolve(Match match, IReadOnlyDictionary<string, string> environment)
    {
        var name = match.Groups["name"].Value;
        var op = match.Groups["op"].Value;
        var argument = match.Groups["arg"].Value;
        var found = environment.TryGetValue(name, out var value);
        var present = op.StartsWith(':') ? found && value!.Length > 0 : found;
        return op switch
        {
            ":-" or "-" => present ? value! : argument,
            ":?" or "?" => present ? value! : throw new ComposeInterpolationException(name, argument),
            _ => value ?? "",
        };
    }

    private static Dictionary<object, object> Merge(Dictionary<object, object> target, Dictionary<object, object> overlay)
    {
        var result = new Dictionary<object, object>(target);
        foreach (var (key, value) in overlay)
        {
            result[key] = result.TryGetValue(key, out var existing) && existing is Dictionary<object, object> a && value is Dictionary<object, object> b
                ? Merge(a, b)
                : value;
        }
        return result;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}

public sealed class ComposeInterpolationException(string variable, string message)
    : Exception($"required variable {variable} is missing a value: {message}")
{
    public string Variable { get; } = variable;
}
