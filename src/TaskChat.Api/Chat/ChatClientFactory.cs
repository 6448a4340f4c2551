using System.ClientModel;
using System.Collections.Concurrent;
using Microsoft.Agents.AI;
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
/// <remarks>
/// The agents are built once and shared by all turns (the model's one agent; the offline agent one per
/// time zone and date order, since its clock is part of it): a ChatClientAgent, its function-invoking
/// client and the clients under it keep no state between runs, so concurrent turns may use one agent.
/// What belongs to a turn (its instructions with the caller's date, its tools that record and report
/// the turn's calls) goes in the run's options. Building them per turn cost about a millisecond a turn.
/// </remarks>
public sealed class ChatClientFactory(ApiSettings settings, ChatClock clock, ILoggerFactory loggerFactory)
{
    public const int MaxToolRounds = 8;

    private const string AgentName = "taskchat";

    private readonly ChatClientAgent? _modelAgent = settings.LlmProvider switch
    {
        LlmProvider.OpenAI => Agent(new OpenAIClient(
                new ApiKeyCredential(settings.OpenAIApiKey ?? "not-needed"),
                new OpenAIClientOptions { Endpoint = settings.OpenAIBaseUrl })
            .GetChatClient(settings.OpenAIModel)
            .AsIChatClient(), loggerFactory),
        _ => null,
    };

    // Bounded: a zone is one of the system's (UserClock.ZoneOf falls back to UTC), times two date orders.
    private readonly ConcurrentDictionary<(string Zone, DateOrder Order), ChatClientAgent> _offlineAgents = new();

    /// <summary>"Now" for <paramref name="caller"/>: the api's clock in the caller's time zone (the token's zoneinfo claim, else UTC) and date order (its locale claim).</summary>
    public UserClock ClockFor(Caller caller) => clock.For(caller);

    /// <summary>The system prompt for the caller's turn, with their date, time and time zone.</summary>
    public string Instructions(Caller caller) => AgentInstructions.For(ClockFor(caller));

    /// <summary>The agent for the caller's turns: shared, so give each run its own options (<see cref="RunOptions"/>).</summary>
    public ChatClientAgent AgentFor(Caller caller)
    {
        if (_modelAgent is { } model)
        {
            return model;
        }
        var userClock = ClockFor(caller);
        return _offlineAgents.GetOrAdd((userClock.Zone.Id, userClock.DateOrder),
            static (_, state) => Agent(new OfflineAgentChatClient(state.Clock), state.LoggerFactory), (Clock: userClock, LoggerFactory: loggerFactory));
    }

    /// <summary>One run's options: the caller's instructions and the turn's tools.</summary>
    public ChatClientAgentRunOptions RunOptions(Caller caller, IList<AITool> tools) => new(new ChatOptions
    {
        Instructions = Instructions(caller),
        Tools = tools,
    });

    private static ChatClientAgent Agent(IChatClient model, ILoggerFactory loggerFactory) => new(
        model.AsBuilder()
            .UseFunctionInvocation(loggerFactory, invoker =>
            {
                invoker.MaximumIterationsPerRequest = MaxToolRounds;
                invoker.MaximumConsecutiveErrorsPerRequest = 0;
            })
            .Build(),
        new ChatClientAgentOptions { Name = AgentName, UseProvidedChatClientAsIs = true },
        loggerFactory);
}

/// <summary>
/// The clock the agent reads "now" from. Its own service, not the app's TimeProvider (which also checks token
/// lifetimes), so a test can fix the agent's date without touching authentication.
/// </summary>
public sealed class ChatClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    /// <summary>"Now" for <paramref name="caller"/>: this clock in the caller's time zone (the token's zoneinfo claim, else UTC) and date order (its locale claim).</summary>
    public UserClock For(Caller caller) => new(Time, UserClock.ZoneOf(caller.TimeZone), UserClock.OrderOf(caller.Locale));
}
