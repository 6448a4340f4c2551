using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskChat.Contract;
using TaskChat.Data.Connection;

namespace TaskChat.Mcp.Tools;

/// <summary>
/// Wraps every tool call so that a tool never throws to the agent:
/// arguments are checked against the tool's input schema first (a missing title or a task_id of
/// "abc" gets a validation result that says so, where the SDK would only say "An error occurred");
/// a database that cannot be reached becomes an "unavailable" result; anything else an "internal"
/// one, logged with its exception, never shown. A write sent with an idempotency key is applied once
/// per key (<see cref="IdempotentToolCalls"/>).
/// </summary>
public static class ToolCallGuard
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool)
            {
                // An unknown tool name is the caller's protocol error, not a failed tool: the SDK
                // answers it with a JSON-RPC "invalid params" error that names the tool.
                return await next(context, cancellationToken);
            }
            if (context.Params is { } call && CheckArguments(tool.ProtocolTool, call) is { } problem)
            {
                return ToolResults.Error(ToolErrorCodes.Validation, problem);
            }
            try
            {
                return await IdempotentToolCalls.RunAsync(context, tool, next, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var logger = context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ToolCallGuard));
                var name = context.Params?.Name ?? "tool";
                if (DatabaseErrors.IsUnavailable(e))
                {
                    logger?.LogWarning("Tool {Tool} could not reach the database: {Reason}", name, DatabaseErrors.ShortReason(e));
                    return ToolResults.Error(ToolErrorCodes.Unavailable, "The task database is temporarily unavailable. Please try again.");
                }
                logger?.LogError(e, "Tool {Tool} failed", name);
                return ToolResults.Error(ToolErrorCodes.Internal, $"Something went wrong while running {name}. Please try again.");
            }
        };

    /// <summary>
    /// Checks required arguments, types (of list items too) and allowed values against the JSON schema the tool
    /// published. Returns a message for the user, or null when the arguments are fine. Whole numbers
    /// sent as strings ("3") are accepted and rewritten as numbers (models do that often), except in a list of numbers.
    /// </summary>
    internal static string? CheckArguments(Tool tool, CallToolRequestParams call)
    {
        var schema = tool.InputSchema;
        var arguments = call.Arguments ??= new Dictionary<string, JsonElement>();
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    return $"{name} is required.";
                }
            }
        }

        foreach (var (name, given) in arguments.ToList())
        {
            var value = given;
            if (!properties.TryGetProperty(name, out var property) || value.ValueKind == JsonValueKind.Null)
            {
                continue; // Unknown arguments are ignored; null means "not given".
            }
            var types = AllowedTypes(property);
            if (types.Contains("integer"))
            {
                if (AsWholeNumber(value) is not { } number)
                {
                    return $"{name} must be a whole number (got {Describe(value)}).";
                }
                arguments[name] = JsonSerializer.SerializeToElement(number);
            }
            else if (types.Contains("array") && ItemTypes(property).Contains("integer"))
            {
                // Numbers only, as the contract says (task_ids: [3, 12]): "3" or ["3"] is refused rather than guessed at.
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return $"{name} must be a list of whole numbers, e.g. [3, 12] (got {Describe(value)}).";
                }
                var numbers = new List<long>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || AsWholeNumber(item) is not { } number)
                    {
                        return $"{name} must be a list of whole numbers, e.g. [3, 12] (it holds {Describe(item)}).";
                    }
                    numbers.Add(number);
                }
                arguments[name] = JsonSerializer.SerializeToElement(numbers); // 3.0 read as 3, as the tool's long[] needs.
            }
            else if (types.Contains("array"))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    // Models often send one value where a list is expected: ["work"] was meant.
                    arguments[name] = value = JsonSerializer.SerializeToElement(new[] { value.GetString() });
                }
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return $"{name} must be a list of text, e.g. [\"work\"] (got {Describe(value)}).";
                }
                if (value.EnumerateArray().FirstOrDefault(item => item.ValueKind != JsonValueKind.String) is { ValueKind: not JsonValueKind.Undefined } item)
                {
                    return $"{name} must be a list of text, e.g. [\"work\"] (it holds {Describe(item)}).";
                }
            }
            else if (types.Contains("boolean"))
            {
                bool? flag = value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String when bool.TryParse(value.GetString()?.Trim(), out var parsed) => parsed,
                    _ => null,
                };
                if (flag is null)
                {
                    return $"{name} must be true or false (got {Describe(value)}).";
                }
                arguments[name] = JsonSerializer.SerializeToElement(flag.Value);
            }
            else if (types.Contains("string"))
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    return $"{name} must be text (got {Describe(value)}).";
                }
                if (property.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array)
                {
                    var options = allowed.EnumerateArray().Select(a => a.GetString()).OfType<string>().ToList();
                    if (!options.Contains(value.GetString()?.Trim().ToLowerInvariant() ?? ""))
                    {
                        return $"{name} must be one of: {string.Join(", ", options)}.";
                    }
                }
            }
        }
        return null;
    }

    private static List<string> AllowedTypes(JsonElement property) =>
        !property.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()]
        : [];

    private static List<string> ItemTypes(JsonElement property) =>
        property.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object ? AllowedTypes(items) : [];

    private static long? AsWholeNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.Number when value.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
        JsonValueKind.String when long.TryParse(value.GetString()?.Trim().TrimStart('#'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: <= 20 } s ? $"\"{s}\"" : "a long string",
        JsonValueKind.Number => value.GetRawText().Length <= 20 ? value.GetRawText() : "a very large number",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
