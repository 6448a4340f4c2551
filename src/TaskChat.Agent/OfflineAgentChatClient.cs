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

        var chat = ChatState.Read([.. messages]);
        var context = new AgentContext(Clock, ToolCatalog.From(options?.Tools), chat);
        var step = chat.Rounds.Count >= Planner.MaxRounds
            ? new Answer("Sorry, that took too many steps. Please try again with one request at a time.")
            : Planner.Next(context);
        return Task.FromResult(ToResponse(step));
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
