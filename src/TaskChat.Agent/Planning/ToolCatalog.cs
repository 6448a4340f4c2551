using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TaskChat.Agent;

/// <summary>A tool, or one argument of a tool, that a request cannot do without ("add_task.due").</summary>
internal sealed record ToolNeed(string Tool, string? Argument = null)
{
    public static ToolNeed Parse(string text) => text.Split('.', 2) is [var tool, var argument] ? new(tool, argument) : new(text);

    public override string ToString() => Argument is null ? Tool : $"{Tool}.{Argument}";
}

/// <summary>
/// The tools this turn was given and the arguments each one's input schema declares (tools/list's inputSchema
/// properties). A request is planned only when everything it needs is here, so the agent is never ahead of the mcp:
/// until the mcp serves <c>due</c>, "remind me tomorrow" is declined in words, not sent as an unknown argument.
/// An argument whose schema lists its values (<c>enum</c>) is known with them: a value added in a newer mcp (a new
/// sort order) is not sent to an older one, which would refuse the whole call (a rolling deploy, an outside server).
/// </summary>
internal sealed class ToolCatalog
{
    // Per tool, its input schema, and its arguments (each with the values its schema allows, or null when it lists none)
    // once asked for: a turn asks about the one or two tools it calls, and reading all of the schemas in every turn was a
    // tenth of the agent's time (issue 13).
    private readonly Dictionary<string, JsonElement?> _schemas;
    private readonly Dictionary<string, Dictionary<string, HashSet<string>?>> _arguments = new(StringComparer.Ordinal);

    private ToolCatalog(Dictionary<string, JsonElement?> schemas) => _schemas = schemas;

    public static ToolCatalog From(IEnumerable<AITool>? tools)
    {
        var schemas = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        foreach (var tool in tools ?? [])
        {
            schemas[tool.Name] = tool is AIFunctionDeclaration function ? function.JsonSchema : null;
        }
        return new ToolCatalog(schemas);
    }

    public bool Has(string tool) => _schemas.ContainsKey(tool);

    public bool Has(string tool, string argument) => ArgumentsOf(tool) is { } names && names.ContainsKey(argument);

    /// <summary>The tool takes <paramref name="argument"/> and, where its schema lists the values, <paramref name="value"/> among them.</summary>
    public bool Has(string tool, string argument, string value) =>
        ArgumentsOf(tool) is { } names && names.TryGetValue(argument, out var allowed) && (allowed is null || allowed.Contains(value));

    public bool Meets(ToolNeed need) => need.Argument is null ? Has(need.Tool) : Has(need.Tool, need.Argument);

    /// <summary>The first need that is not met, or null when all are.</summary>
    public ToolNeed? Missing(IEnumerable<ToolNeed> needs) => needs.FirstOrDefault(n => !Meets(n));

    /// <summary>The first tool or argument of <paramref name="call"/> that the tools do not declare, or null.</summary>
    public ToolNeed? Missing(ToolCall call) =>
        !Has(call.Name) ? new ToolNeed(call.Name) : call.Arguments.Keys.Where(a => !Has(call.Name, a)).Select(a => new ToolNeed(call.Name, a)).FirstOrDefault();

    // Read the first time a turn asks; a catalog is one turn's, read on one thread at a time.
    private Dictionary<string, HashSet<string>?>? ArgumentsOf(string tool)
    {
        if (_arguments.TryGetValue(tool, out var known))
        {
            return known;
        }
        if (!_schemas.TryGetValue(tool, out var schema))
        {
            return null;
        }
        var arguments = schema is { } declared ? Arguments(declared) : [];
        _arguments[tool] = arguments;
        return arguments;
    }

    private static Dictionary<string, HashSet<string>?> Arguments(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => AllowedValues(p.Value), StringComparer.Ordinal)
            : [];

    // A string argument's "enum" (the mcp's [AllowedValues]; null, the default, may be among them). Anything else, or
    // an enum with a value that is not a string, allows what the argument's type allows: only string values are checked.
    private static HashSet<string>? AllowedValues(JsonElement property) =>
        property.ValueKind == JsonValueKind.Object && property.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            && values.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Null)
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;
}
