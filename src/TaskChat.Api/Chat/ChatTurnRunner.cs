using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using TaskChat.Api.Authorization;
using TaskChat.Api.Conversations;
using TaskChat.Contract;
using TaskChat.Data.Limits;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Chat;

/// <summary>
/// One chat turn, stateless between requests, in two steps. <see cref="StartAsync"/> loads the
/// conversation's history from the database (or starts a conversation), so a conversation that is
/// missing is refused before anything runs. <see cref="RunAsync"/> runs one agent over the MCP tools
/// and reports the turn as it goes: <see cref="ConversationStarted"/>, a <see cref="ToolCalled"/> and
/// a <see cref="ToolAnswered"/> per MCP call, the reply as <see cref="TextDelta"/> pieces, and last
/// <see cref="TurnDone"/> once the user's message and the reply (with its tool calls) are stored in
/// one transaction, or <see cref="TurnFailed"/>: then nothing is stored, and a conversation the turn
/// started is removed.
/// </summary>
public sealed class ChatTurnRunner(ConversationStore conversations, ChatTurnKeys keys, ChatTurnLeases leases, McpToolGateway gateway, ChatClientFactory chatClients,
    ApiSettings settings, ILogger<ChatTurnRunner> logger)
{
    /// <summary>How much history a turn sends to the model: enough for "mark it done", not a whole archive.</summary>
    public const int HistoryMessages = 20;

    /// <param name="caller">Who is chatting.</param>
    /// <param name="message">The message, checked.</param>
    /// <param name="conversationId">The conversation it continues, or null to start one.</param>
    /// <param name="startedConversationId">The new conversation, when the turn's count started it already.</param>
    /// <param name="readHistory">The continued conversation's history, when the turn's count read it already.</param>
    /// <param name="key">The turn's key (see <see cref="ChatTurn.Key"/>).</param>
    /// <param name="isClientKey">The key is the client's, claimed for this turn.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The turn, or why it cannot run: the conversation is missing or another user's (404), or the user has too many (409).</returns>
    public async Task<(ChatTurn? Turn, TurnFailed? Refused)> StartAsync(Caller caller, string message, long? conversationId, long? startedConversationId,
        ConversationHistory? readHistory, string key, bool isClientKey, CancellationToken cancellationToken)
    {
        if (conversationId is not { } existing)
        {
            var started = startedConversationId ?? await conversations.StartAsync(caller.UserId, message, settings.MaxConversationsPerUser, cancellationToken);
            return started is { } id
                ? (new ChatTurn(caller, id, IsNewConversation: true, message, [new ChatMessage(ChatRole.User, message)], key, isClientKey), null)
                : (null, ConversationLimitReached(settings.MaxConversationsPerUser));
        }
        var history = readHistory is { } read ? (read.Found ? read.Messages : null)
            : await conversations.LastMessagesAsync(caller.UserId, existing, HistoryMessages, cancellationToken);
        return history is null
            ? (null, new TurnFailed(ProblemCodes.NotFound, ConversationsApi.NotFoundDetail(existing), StatusCodes.Status404NotFound))
            : (new ChatTurn(caller, existing, IsNewConversation: false, message,
                [.. ChatHistory.From(history), new ChatMessage(ChatRole.User, message)], key, isClientKey), null);
    }

    /// <summary>409: a new conversation would pass MAX_CONVERSATIONS_PER_USER.</summary>
    public static TurnFailed ConversationLimitReached(int limit) =>
        new(ProblemCodes.ConversationLimitReached, ConversationLimitDetail(limit), StatusCodes.Status409Conflict);

    public static string ConversationLimitDetail(int limit) =>
        $"You have reached the limit of {limit:N0} conversations. Delete old conversations to start a new one, or continue an existing one.";

    /// <summary>Runs the turn; it ends with <see cref="TurnDone"/> or <see cref="TurnFailed"/> (not at all when stopped).</summary>
    /// <param name="turn">From <see cref="StartAsync"/>.</param>
    /// <param name="streaming">Ask the model for its reply in pieces (the stream) or whole (POST /api/chat).</param>
    /// <param name="stopTurn">The api is shutting down: the agent stops, nothing is stored and the key is released.</param>
    /// <param name="clientLeft">The client left: nobody reads the events any more, but the turn runs to its end and is stored.</param>
    /// <remarks>
    /// A user who sends "mark the milk one done" and goes to the tasks page (or closes the tab, or loses the
    /// connection) expects the milk done, as in the apps people know: the turn does not depend on its reader.
    /// Its events then go nowhere; enumeration ends only once the turn has ended, so the request (and the
    /// scope the turn's stores live in) lasts until it is saved.
    /// </remarks>
    public async IAsyncEnumerable<ChatEvent> RunAsync(ChatTurn turn, bool streaming, CancellationToken stopTurn, [EnumeratorCancellation] CancellationToken clientLeft)
    {
        // Tool calls are reported from inside the agent's function invocation while it runs; a
        // channel puts them and the reply's pieces into one sequence, each as soon as it happens.
        var events = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true });
        var running = ProduceAsync(turn, streaming, events.Writer, stopTurn);
        try
        {
            await foreach (var e in events.Reader.ReadAllAsync(clientLeft))
            {
                yield return e;
            }
        }
        finally
        {
            await running; // The reader may have stopped early (the client left): the turn still ends, and is stored.
        }
    }

    private async Task ProduceAsync(ChatTurn turn, bool streaming, ChannelWriter<ChatEvent> events, CancellationToken cancellationToken)
    {
        ChatEvent? last = null; // Stays null when the turn was stopped (the api shuts down): nobody is told.
        using var claim = turn.IsClientKey ? leases.HoldWhileRunning(turn.Caller.UserId, turn.Key) : null;
        try
        {
            events.TryWrite(new ConversationStarted(turn.ConversationId));
            var calls = new List<ToolCallRecord>();
            var reply = await ReplyAsync(turn, streaming, calls, events, cancellationToken);
            last = await SaveAsync(turn, reply, calls, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            last = Failed(e);
        }
        try
        {
            if (last is not TurnDone && turn.IsNewConversation)
            {
                await ForgetStartedConversationAsync(turn);
            }
            if (last is not TurnDone && turn.IsClientKey)
            {
                await keys.ReleaseAsync(turn.Caller.UserId, turn.Key);
            }
            if (last is not null)
            {
                events.TryWrite(last);
            }
        }
        finally
        {
            events.TryComplete();
        }
    }

    private async Task<string> ReplyAsync(ChatTurn turn, bool streaming, List<ToolCallRecord> calls, ChannelWriter<ChatEvent> events, CancellationToken cancellationToken)
    {
        var tools = await gateway.GetToolsAsync(cancellationToken);
        var agent = chatClients.AgentFor(turn.Caller);
        var options = chatClients.RunOptions(turn.Caller, [.. tools.Select(tool => new McpTaskFunction(tool, turn, gateway, calls, events))]);

        var reply = await RunAgentAsync(agent, options, turn.History, streaming ? events : null, cancellationToken);
        if (string.IsNullOrWhiteSpace(reply))
        {
            // A model may end a turn with tool calls and no words; the user still gets a sentence.
            reply = calls.Count > 0 ? "Done." : "Sorry, I have no answer to that. Try \"help\".";
            events.TryWrite(new TextDelta(reply));
        }
        else if (!streaming)
        {
            events.TryWrite(new TextDelta(reply)); // The whole reply is its one piece.
        }
        return reply;
    }

    // deltas: where the reply's pieces go as the model streams them; null asks for the whole reply at once.
    private async Task<string> RunAgentAsync(ChatClientAgent agent, ChatClientAgentRunOptions options, IReadOnlyList<ChatMessage> history, ChannelWriter<ChatEvent>? deltas, CancellationToken cancellationToken)
    {
        try
        {
            if (deltas is null)
            {
                return (await agent.RunAsync(history, session: null, options, cancellationToken)).Text;
            }
            var text = new StringBuilder();
            await foreach (var update in agent.RunStreamingAsync(history, session: null, options, cancellationToken))
            {
                if (update.Text is { Length: > 0 } delta)
                {
                    text.Append(delta);
                    deltas.TryWrite(new TextDelta(delta));
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
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    private async Task<ChatEvent> SaveAsync(ChatTurn turn, string reply, List<ToolCallRecord> calls, CancellationToken cancellationToken)
    {
        // PostgreSQL's jsonb refuses \u0000, which a model could put in an argument: keep the
        // turn and store a replacement character instead.
        var toolCallsJson = calls.Count == 0 ? null : JsonSerializer.Serialize(calls).Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal);
        var answer = new ChatReply(turn.ConversationId, reply, calls);
        var keptUnder = turn.IsClientKey ? (turn.Key, ChatTurnKeys.ReplyJson(answer)) : ((string, string)?)null;
        if (await conversations.SaveTurnAsync(turn.Caller.UserId, turn.ConversationId, turn.Message, reply, toolCallsJson, keptUnder, cancellationToken) is null)
        {
            // Deleted while the turn ran.
            return new TurnFailed(ProblemCodes.NotFound, ConversationsApi.NotFoundDetail(turn.ConversationId), StatusCodes.Status404NotFound);
        }
        return new TurnDone(answer);
    }

    /// <summary>A change was sent and its answer never came: "try again" could be wrong, so it does not say that.</summary>
    public const string WriteOutcomeUnknownDetail =
        "The task service stopped answering while it was making a change, so it may have been saved: check your tasks.";

    /// <summary>The contract's answers for a failed turn; anything else is a bug: logged, and 500 internal.</summary>
    private TurnFailed Failed(Exception e)
    {
        switch (e)
        {
            case McpWriteOutcomeUnknownException unknown:
                return new(unknown.TimedOut ? ProblemCodes.McpTimeout : ProblemCodes.McpUnavailable, WriteOutcomeUnknownDetail,
                    unknown.TimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status503ServiceUnavailable);
            case McpUnavailableException:
                return new(ProblemCodes.McpUnavailable, "Service temporarily unavailable. Please try again.", StatusCodes.Status503ServiceUnavailable);
            case McpTimeoutException:
                return new(ProblemCodes.McpTimeout, "The task service took too long to answer. Please try again.", StatusCodes.Status504GatewayTimeout);
            case LlmUnavailableException:
                return new(ProblemCodes.LlmUnavailable, "The assistant is temporarily unavailable. Please try again.", StatusCodes.Status503ServiceUnavailable);
            default:
                logger.LogError(e, "Chat turn failed");
                return new(ProblemCodes.Internal, ProblemResponses.InternalErrorDetail, StatusCodes.Status500InternalServerError);
        }
    }

    // A conversation that a failed first turn left empty goes; one with messages stays.
    private async Task ForgetStartedConversationAsync(ChatTurn turn)
    {
        try
        {
            await conversations.DeleteIfEmptyAsync(turn.Caller.UserId, turn.ConversationId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not remove the empty conversation {ConversationId}: {Reason}", turn.ConversationId, e.Message);
        }
    }

    /// <summary>The model's server refused or could not be reached (the OpenAI client retries first, then aggregates).</summary>
    private static bool IsModelFailure(Exception e) =>
        e is ClientResultException or HttpRequestException
        || (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsModelFailure));
}
