using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using TaskChat.Contract;

namespace TaskChat.Api.Chat;

/// <summary>
/// One MCP tool as the agent sees it: the mcp's name, description and input schema, invoked
/// through the shared gateway. The model gets the compact envelope, not the whole MCP result; every
/// call is recorded for the reply's tool_calls and reported to the turn's events as it happens.
/// A call that writes carries an idempotency key derived from the turn's key and the call's position.
/// </summary>
internal sealed class McpTaskFunction(Tool tool, ChatTurn turn, McpToolGateway gateway, List<ToolCallRecord> calls, ChannelWriter<ChatEvent> events) : AIFunction
{
    public override string Name => tool.Name;

    public override string Description => tool.Description ?? "";

    public override JsonElement JsonSchema => tool.InputSchema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var given = arguments.ToDictionary(a => a.Key, a => a.Value);
        var argumentsJson = JsonSerializer.SerializeToElement(given);
        events.TryWrite(new ToolCalled(tool.Name, argumentsJson));
        var position = turn.NextToolCallPosition();
        var key = McpToolGateway.IsReadOnly(tool) ? null : IdempotencyKeys.ForToolCall(turn.Key, position);
        var result = await gateway.CallToolAsync(tool, given, key, cancellationToken);
        lock (calls)
        {
            calls.Add(new ToolCallRecord(tool.Name, argumentsJson, result));
        }
        events.TryWrite(new ToolAnswered(tool.Name, result));
        return ModelText(result);
    }

    /// <summary>Compact JSON text: the model reads the envelope, not an indented document or MCP metadata.</summary>
    public static string ModelText(JsonElement envelope) => JsonSerializer.Serialize(envelope);
}
