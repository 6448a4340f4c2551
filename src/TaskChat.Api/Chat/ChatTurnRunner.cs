using System.ClientModel;
using System.Text;
using System.Text.Json;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using TaskChat.Api.Conversations;
using TaskChat.Data.Model;

namespace TaskChat.Api.Chat;

/// <summary>What a chat turn produced.</summary>
public sealed record ChatTurnResult(long ConversationId, string Response, IReadOnlyList<ToolCallRecord> ToolCalls);

/// <summary>The conversation named is missing or another user's.</summary>
public sealed class ConversationNotFoundException(long id) : Exception($"Conversation {id} was not found.");

/// <summary>
/// One chat turn, stateless between requests: load the conversation's history from the database,
/// run one agent over the MCP tools with the caller's token, store the user's message and the
/// reply (with its tool calls) in one transaction. A turn that fails stores nothing.
/// </summary>
public sealed class ChatTurnRunner(ConversationStore conversations, McpToolGateway gateway, ChatClientFactory chatClients, ILogger<ChatTurnRunner> logger)
{
    /// <summary>How much history a turn sends to the model: enough for "mark it done", not a whole archive.</summary>
    public const int HistoryMessages = 20;

    public const string Instructions =
        "You are TaskChat, a friendly assistant that manages the user's task list with the tools you have. " +
        "Use the tools for every change and every question about tasks; never invent tasks or ids. " +
        "When the user names a task by words, list tasks first to find its id; if several match, ask which one. " +
        "Answer in one or two short plain sentences that restate what happened.";

    public async Task<ChatTurnResult> RunAsync(string userId, long? conversationId, string message, ChatEventSink? events, CancellationToken cancellationToken)
    {
        var history = new List<ChatMessage>();
        long id;
        var isNew = conversationId is null;
        if (conversationId is { } existing)
        {
            var conversation = await conversations.GetAsync(userId, existing, cancellationToken) ?? throw new ConversationNotFoundException(existing);
            history.AddRange(conversation.Messages.TakeLast(HistoryMessages).Select(ToChatMessage));
            id = existing;
        }
        else
        {
            id = await conversations.StartAsync(userId, message, cancellationToken);
        }
        history.Add(new ChatMessage(ChatRole.User, message));

        try
        {
            if (events is not null)
            {
                await events("conversation", new { conversation_id = id });
            }
            var calls = new List<ToolCallRecord>();
            var tools = await gateway.GetToolsAsync(cancellationToken);
            var agent = new ChatClientAgent(chatClients.Create(), new ChatClientAgentOptions
            {
                Name = "taskchat",
                ChatOptions = new ChatOptions
                {
                    Instructions = Instructions,
                    Tools = [.. tools.Select(tool => new McpTaskFunction(tool, gateway, calls, events))],
                },
                UseProvidedChatClientAsIs = true,
            });

            var reply = await RunAgentAsync(agent, history, events, cancellationToken);
            if (string.IsNullOrWhiteSpace(reply))
            {
                // A model may end a turn with tool calls and no words; the user still gets a sentence.
                reply = calls.Count > 0 ? "Done." : "Sorry, I have no answer to that. Try \"help\".";
                if (events is not null)
                {
                    await events("delta", new { text = reply });
                }
            }
            // PostgreSQL's jsonb refuses \u0000, which a model could put in an argument: keep the
            // turn and store a replacement character instead.
            var toolCallsJson = calls.Count == 0 ? null : JsonSerializer.Serialize(calls).Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal);
            if (await conversations.SaveTurnAsync(userId, id, message, reply, toolCallsJson, cancellationToken) is null)
            {
                throw new ConversationNotFoundException(id); // Deleted while the turn ran.
            }
            return new ChatTurnResult(id, reply, calls);
        }
        catch (Exception) when (isNew)
        {
            await conversations.DeleteIfEmptyAsync(userId, id, CancellationToken.None);
            throw;
        }
    }

    private async Task<string> RunAgentAsync(ChatClientAgent agent, List<ChatMessage> history, ChatEventSink? events, CancellationToken cancellationToken)
    {
        try
        {
            if (events is null)
            {
                return (await agent.RunAsync(history, cancellationToken: cancellationToken)).Text;
            }
            var text = new StringBuilder();
            await foreach (var update in agent.RunStreamingAsync(history, cancellationToken: cancellationToken))
            {
                if (update.Text is { Length: > 0 } delta)
                {
                    text.Append(delta);
                    await events("delta", new { text = delta });
                }
            }
            return text.ToString();
        }
        catch (Exception e) when (IsModelFailure(e))
        {
            logger.LogWarning("The language model could not answer: {Reason}", (e as AggregateException)?.InnerExceptions[^1].Message ?? e.Message);
            throw new LlmUnavailableException("The language model could not answer.", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The function invoker may wrap a single tool failure (McpUnavailable, McpTimeout).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>The model's server refused or could not be reached (the OpenAI client retries first, then aggregates).</summary>
    private static bool IsModelFailure(Exception e) =>
        e is ClientResultException or HttpRequestException
        || (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsModelFailure));

    private static ChatMessage ToChatMessage(Message stored) =>
        new(stored.Role == MessageRoles.User ? ChatRole.User : ChatRole.Assistant, stored.Content);
}
