using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// One tool result, read from the contract's envelope {"status":"success","data":{...}} or
/// {"status":"error","error":"...","code":"..."}. The result may arrive as JSON text, a JsonElement, a
/// whole MCP CallToolResult (the MCP client's AIFunction returns that) or any other object; all are read
/// through their JSON form, so the agent never depends on how the api wraps the tools.
/// </summary>
internal sealed record ToolOutcome(bool Succeeded, JsonElement Data, string? Error, string? Code)
{
    public static ToolOutcome Failed(string error, string code) => new(false, default, error, code);

    public static ToolOutcome From(FunctionResultContent result)
    {
        if (result.Exception is not null)
        {
            return Failed("the tool failed", ToolErrorCodes.Internal);
        }
        var json = ToJson(result.Result);
        return json is { } element ? Read(element, depth: 0) : Failed("the tool gave no result", ToolErrorCodes.Internal);
    }

    public long? TaskId => Succeeded && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(ToolArguments.TaskId, out var id) ? AsLong(id) : null;

    public string? Title => Succeeded && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(ToolArguments.Title, out var title) && title.ValueKind == JsonValueKind.String
        ? title.GetString()
        : null;

    /// <summary>A changed task's due date as the task service stored it (add_task, update_task): null when it has none.</summary>
    public string? Due => Succeeded && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(TaskToolArguments.Due, out var due) && due.ValueKind == JsonValueKind.String
        ? due.GetString()
        : null;

    public IReadOnlyList<TaskSnapshot> Tasks
    {
        get
        {
            if (!Succeeded || Data.ValueKind != JsonValueKind.Object || !Data.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Array)
            {
                return [];
            }
            return [.. tasks.EnumerateArray().Select(TaskSnapshot.From).OfType<TaskSnapshot>()];
        }
    }

    /// <summary>A list_tasks page's next_cursor: set when there are more tasks after it.</summary>
    public string? NextCursor => Succeeded && Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("next_cursor", out var cursor) && cursor.ValueKind == JsonValueKind.String
        ? cursor.GetString()
        : null;

    /// <summary>A list_tasks page with more after it: the tasks are not all of them.</summary>
    public bool HasMore => NextCursor is not null;

    private static JsonElement? ToJson(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                JsonElement element => element,
                string text => ParseOrText(text),
                _ => JsonSerializer.SerializeToElement(value, value.GetType(), AIJsonUtilities.DefaultOptions),
            };
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return JsonSerializer.SerializeToElement(value?.ToString() ?? "");
        }
    }

    private static JsonElement ParseOrText(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }

    // The envelope itself, or the same envelope inside a CallToolResult (structuredContent first, then the
    // first text block), or inside a JSON string.
    private static ToolOutcome Read(JsonElement json, int depth)
    {
        if (depth > 4)
        {
            return Failed("the tool's answer could not be read", ToolErrorCodes.Internal);
        }
        if (json.ValueKind == JsonValueKind.String)
        {
            var raw = json.GetString() ?? "";
            var parsed = ParseOrText(raw);
            return parsed.ValueKind == JsonValueKind.String ? Failed(raw, ToolErrorCodes.Internal) : Read(parsed, depth + 1);
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            return Failed("the tool's answer could not be read", ToolErrorCodes.Internal);
        }
        if (Property(json, "status") is { ValueKind: JsonValueKind.String } status)
        {
            return status.GetString() == ToolEnvelope.SuccessStatus
                ? new ToolOutcome(true, Property(json, "data") ?? default, null, null)
                : Failed(Property(json, "error")?.ToString() ?? "the tool failed", Property(json, "code")?.ToString() ?? ToolErrorCodes.Internal);
        }
        if ((Property(json, "structuredContent") ?? Property(json, "structured_content")) is { ValueKind: JsonValueKind.Object } structured)
        {
            return Read(structured, depth + 1);
        }
        if (Property(json, "content") is { ValueKind: JsonValueKind.Array } content
            && content.EnumerateArray().Select(block => Property(block, "text")).FirstOrDefault(t => t is { ValueKind: JsonValueKind.String }) is { } text)
        {
            return Read(text, depth + 1);
        }
        return Failed("the tool's answer could not be read", ToolErrorCodes.Internal);
    }

    private static JsonElement? Property(JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    internal static long? AsLong(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
