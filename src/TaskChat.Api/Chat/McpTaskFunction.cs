using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace TaskChat.Api.Chat;

/// <summary>
/// One MCP tool as the agent sees it: the mcp's name, description and input schema, invoked
/// through the shared gateway. The model gets the compact envelope, not the whole MCP result, and
/// every call is recorded (and reported, when the turn streams) for the reply's tool_calls.
/// </summary>
internal sealed class McpTaskFunction(Tool tool, McpToolGateway gateway, List<ToolCallRecord> calls, ChatEventSink? events) : AIFunction
{
    public override string Name => tool.Name;

    public override string Description => tool.Description ?? "";

    public override JsonElement JsonSchema => tool.InputSchema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var given = arguments.ToDictionary(a => a.Key, a => a.Value);
        var argumentsJson = JsonSerializer.SerializeToElement(given);
        if (events is not null)
        {
            await events("tool_call", new { tool = tool.Name, arguments = argumentsJson });
        }
        var result = await gateway.CallToolAsync(tool.Name, given, cancellationToken);
        lock (calls)
        {
            calls.Add(new ToolCallRecord(tool.Name, argumentsJson, result));
        }
        if (events is not null)
        {
            await events("tool_result", new { tool = tool.Name, result });
        }
        // Compact JSON text: the model reads the envelope, not an indented document or MCP metadata.
        return JsonSerializer.Serialize(result);
    }
}
