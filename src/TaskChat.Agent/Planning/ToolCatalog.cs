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
/// </summary>
internal sealed class ToolCatalog
{
    private readonly Dictionary<string, HashSet<string>> _arguments;

    private ToolCatalog(Dictionary<string, HashSet<string>> arguments) => _arguments = arguments;

    public static ToolCatalog From(IEnumerable<AITool>? tools)
    {
        var arguments = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var tool in tools ?? [])
        {
            arguments[tool.Name] = tool is AIFunctionDeclaration function ? ArgumentNames(function.JsonSchema) : [];
        }
        return new ToolCatalog(arguments);
    }

    public bool Has(string tool) => _arguments.ContainsKey(tool);

    public bool Has(string tool, string argument) => _arguments.TryGetValue(tool, out var names) && names.Contains(argument);

    public bool Meets(ToolNeed need) => need.Argument is null ? Has(need.Tool) : Has(need.Tool, need.Argument);

    /// <summary>The first need that is not met, or null when all are.</summary>
    public ToolNeed? Missing(IEnumerable<ToolNeed> needs) => needs.FirstOrDefault(n => !Meets(n));

    /// <summary>The first tool or argument of <paramref name="call"/> that the tools do not declare, or null.</summary>
    public ToolNeed? Missing(ToolCall call) =>
        !Has(call.Name) ? new ToolNeed(call.Name) : call.Arguments.Keys.Where(a => !Has(call.Name, a)).Select(a => new ToolNeed(call.Name, a)).FirstOrDefault();

    private static HashSet<string> ArgumentNames(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? [.. properties.EnumerateObject().Select(p => p.Name)]
            : [];
}
