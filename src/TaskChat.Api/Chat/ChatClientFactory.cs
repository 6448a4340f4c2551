using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using TaskChat.Agent;
using TaskChat.Api.Authorization;

namespace TaskChat.Api.Chat;

/// <summary>
/// The language model behind the agent: the offline agent (itself an IChatClient, so it plugs in
/// where a model does) or any OpenAI-compatible chat-completions server. Wrapped in function
/// invocation with at most 8 tool rounds a turn; a failed MCP call ends the turn at once (no
/// "error" result for the model to improvise around: the caller gets 503 or 504).
/// Both get the caller's clock: the offline agent reads "tomorrow" with it, a model reads it in
/// its instructions (<see cref="Instructions"/>).
/// </summary>
public sealed class ChatClientFactory(ApiSettings settings, ChatClock clock, ILoggerFactory loggerFactory)
{
    public const int MaxToolRounds = 8;

    private readonly IChatClient? _model = settings.LlmProvider switch
    {
        LlmProvider.OpenAI => new OpenAIClient(
                new ApiKeyCredential(settings.OpenAIApiKey ?? "not-needed"),
                new OpenAIClientOptions { Endpoint = settings.OpenAIBaseUrl })
            .GetChatClient(settings.OpenAIModel)
            .AsIChatClient(),
        _ => null,
    };

    /// <summary>"Now" for <paramref name="caller"/>: the api's clock in the caller's time zone (the token's zoneinfo claim, else UTC) and date order (its locale claim).</summary>
    public UserClock ClockFor(Caller caller) => new(clock.Time, UserClock.ZoneOf(caller.TimeZone), UserClock.OrderOf(caller.Locale));

    /// <summary>The system prompt for the caller's turn, with their date, time and time zone.</summary>
    public string Instructions(Caller caller) => AgentInstructions.For(ClockFor(caller));

    public IChatClient Create(Caller caller) => (_model ?? new OfflineAgentChatClient(ClockFor(caller))).AsBuilder()
        .UseFunctionInvocation(loggerFactory, invoker =>
        {
            invoker.MaximumIterationsPerRequest = MaxToolRounds;
            invoker.MaximumConsecutiveErrorsPerRequest = 0;
        })
        .Build();
}

/// <summary>
/// The clock the agent reads "now" from. Its own service, not the app's TimeProvider (which also checks token
/// lifetimes), so a test can fix the agent's date without touching authentication.
/// </summary>
public sealed class ChatClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
