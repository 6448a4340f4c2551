using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TaskChat.Agent;

/// <summary>
/// The <c>offline</c> LLM provider: a deterministic agent that understands everyday task requests and plans
/// real tool calls, behind the same <see cref="IChatClient"/> interface as a model. The agent framework's
/// function invocation runs the calls it returns and calls back with their results, so the api treats it
/// exactly like an OpenAI-compatible model, with no key, no network and the same answer every time.
/// What it understands is a set of skills (<see cref="SkillSet"/>); the user's clock and zone come in, so
/// "tomorrow at 5pm" is the user's tomorrow.
/// </summary>
public sealed class OfflineAgentChatClient(UserClock clock) : IChatClient
{
    public const string ProviderName = "offline";

    private static readonly ChatClientMetadata Metadata = new(ProviderName, defaultModelId: ProviderName);

    private static readonly Planner Planner = new(SkillSet.All);

    private readonly ConditionalWeakTable<ChatMessage, TurnReading> _turns = new();

    // Streamed text arrives a few words at a time, as a model's would, so the chat page renders it the same way.
    private const int WordsPerChunk = 3;

    /// <summary>An agent on the system clock in UTC.</summary>
    public OfflineAgentChatClient()
        : this(UserClock.Utc)
    {
    }

    public UserClock Clock { get; } = clock;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();

        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var tools = options?.Tools;
        var at = ChatState.CurrentTurnAt(history);
        var kept = at >= 0 && _turns.TryGetValue(history[at], out var reading) && reading.Fits(history, at, tools) ? reading : null;
        var chat = kept is null ? ChatState.Read(history) : kept.Context.Chat with { Rounds = ChatState.RoundsAfter(history, at) };
        if (chat.Rounds.Count >= Planner.MaxRounds)
        {
            return Task.FromResult(ToResponse(new Answer("Sorry, that took too many steps. Please try again with one request at a time.")));
        }
        var turn = kept ?? Read(history, at, tools, chat);
        return Task.FromResult(ToResponse(Planner.Next(turn.Reading, turn.Context with { Chat = chat })));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        var message = response.Messages[0];
        if (message.Contents is not [TextContent text])
        {
            foreach (var update in response.ToChatResponseUpdates())
            {
                yield return update;
            }
            yield break;
        }
        var chunks = Chunks(text.Text);
        for (var i = 0; i < chunks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunks[i])
            {
                ResponseId = response.ResponseId,
                MessageId = message.MessageId,
                ModelId = response.ModelId,
                FinishReason = i == chunks.Count - 1 ? response.FinishReason : null,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }
        if (serviceType == typeof(ChatClientMetadata))
        {
            return Metadata;
        }
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    // Nothing to release: the client holds no connections or buffers.
    public void Dispose()
    {
    }

    /// <summary>
    /// The turn's tools and what its message asks, read in its first round and kept for the rounds after it. The function
    /// invocation calls the client once per round with the same messages plus each round's results, and the reading
    /// depends on none of those results (<see cref="Planner.ReadMessage"/>): reading the message (and the turns before it)
    /// again in every round was half of the agent's time in a turn (issue 13). Kept with the user's message object, so it
    /// goes with the turn; used only when the messages before it and the tools are the very same objects, or the message
    /// is read again.
    /// </summary>
    private TurnReading Read(IReadOnlyList<ChatMessage> history, int at, IList<AITool>? tools, ChatState chat)
    {
        var context = new AgentContext(Clock, ToolCatalog.From(tools), chat);
        var turn = new TurnReading([.. history.Take(Math.Max(at, 0))], tools is null ? [] : [.. tools], context, Planner.ReadMessage(context));
        if (at >= 0)
        {
            _turns.AddOrUpdate(history[at], turn);
        }
        return turn;
    }

    private sealed record TurnReading(ChatMessage[] Before, AITool[] Tools, AgentContext Context, MessageReading Reading)
    {
        public bool Fits(IReadOnlyList<ChatMessage> history, int at, IList<AITool>? tools) =>
            at == Before.Length && Enumerable.Range(0, at).All(i => ReferenceEquals(history[i], Before[i]))
            && (tools?.Count ?? 0) == Tools.Length && Enumerable.Range(0, Tools.Length).All(i => ReferenceEquals(tools![i], Tools[i]));
    }

    private static ChatResponse ToResponse(NextStep step)
    {
        var message = step switch
        {
            CallTools calls => new ChatMessage(ChatRole.Assistant,
                [.. calls.Calls.Select(c => (AIContent)new FunctionCallContent(NewId("call"), c.Name, new Dictionary<string, object?>(c.Arguments)))]),
            Answer answer => new ChatMessage(ChatRole.Assistant, answer.Text),
            _ => throw new InvalidOperationException($"Unexpected step {step.GetType().Name}."),
        };
        message.MessageId = NewId("msg");
        return new ChatResponse(message)
        {
            ResponseId = NewId("resp"),
            ModelId = ProviderName,
            FinishReason = step is CallTools ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        };
    }

    private static List<string> Chunks(string text)
    {
        var words = text.Split(' ');
        var chunks = new List<string>();
        for (var i = 0; i < words.Length; i += WordsPerChunk)
        {
            var last = i + WordsPerChunk >= words.Length;
            chunks.Add(string.Join(' ', words.Skip(i).Take(WordsPerChunk)) + (last ? "" : " "));
        }
        return chunks;
    }

    // Call ids must be unique across the whole conversation, which is stored and replayed in later turns.
    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
