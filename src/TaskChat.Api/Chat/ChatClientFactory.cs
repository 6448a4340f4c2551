using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using TaskChat.Api.Chat.Offline;

namespace TaskChat.Api.Chat;

/// <summary>
/// The language model behind the agent: the offline agent (itself an IChatClient, so it plugs in
/// where a model does) or any OpenAI-compatible chat-completions server. Wrapped in function
/// invocation with at most 8 tool rounds a turn; a failed MCP call ends the turn at once (no
/// "error" result for the model to improvise around: the caller gets 503 or 504).
/// </summary>
public sealed class ChatClientFactory(ApiSettings settings, ILoggerFactory loggerFactory)
{
    public const int MaxToolRounds = 8;

    private readonly IChatClient _model = settings.LlmProvider switch
    {
        LlmProvider.OpenAI => new OpenAIClient(
                new ApiKeyCredential(settings.OpenAIApiKey ?? "not-needed"),
                new OpenAIClientOptions { Endpoint = settings.OpenAIBaseUrl })
            .GetChatClient(settings.OpenAIModel)
            .AsIChatClient(),
        _ => new OfflineAgentChatClient(),
    };

    public IChatClient Create() => _model.AsBuilder()
        .UseFunctionInvocation(loggerFactory, invoker =>
        {
            invoker.MaximumIterationsPerRequest = MaxToolRounds;
            invoker.MaximumConsecutiveErrorsPerRequest = 0;
        })
        .Build();
}
