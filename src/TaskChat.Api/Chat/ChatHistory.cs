using System.Text.Json;
using Microsoft.Extensions.AI;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Api.Chat;

/// <summary>
/// A conversation's stored messages as the model reads them: each user message, and each reply
/// preceded by its turn's tool calls and their results (one call, then its result, in the order they
/// ran), rebuilt from the reply's stored tool_calls. So a model knows what "it" is in "mark it done"
/// after "add milk": the id in the earlier add_task result.
/// </summary>
internal static class ChatHistory
{
    public static IEnumerable<ChatMessage> From(IEnumerable<Message> stored) => stored.SelectMany(ToChatMessages);

    private static IEnumerable<ChatMessage> ToChatMessages(Message message)
    {
        switch (message.Role)
        {
            case MessageRoles.User:
                yield return new ChatMessage(ChatRole.User, message.Content);
                break;
            case MessageRoles.Assistant:
                var calls = message.ToolCalls is null ? [] : JsonSerializer.Deserialize<List<ToolCallRecord>>(message.ToolCalls) ?? [];
                for (var i = 0; i < calls.Count; i++)
                {
                    // An id only pairs a call with its result; the message id keeps it unique in the conversation.
                    var callId = $"call_{message.Id}_{i}";
                    yield return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, calls[i].Tool, Arguments(calls[i].Arguments))]);
                    yield return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, McpTaskFunction.ModelText(calls[i].Result))]);
                }
                yield return new ChatMessage(ChatRole.Assistant, message.Content);
                break;
        }
    }

    private static Dictionary<string, object?> Arguments(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().ToDictionary(a => a.Name, a => (object?)a.Value.Clone())
            : [];
}
