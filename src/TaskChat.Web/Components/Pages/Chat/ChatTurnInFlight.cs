using TaskChat.Contract;
using TaskChat.Web.Api;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>
/// A message being sent, or one the api did not answer. Its <see cref="Id"/> is the turn's
/// Idempotency-Key and stays the same for every retry; a new message, even with the same words, gets a new one.
/// </summary>
internal sealed record UnsentMessage(string Text, Guid Id);

/// <summary>What shows a running turn: the chat page, told of each event and of each tool's result.</summary>
internal interface IChatTurnView
{
    /// <summary>An event changed the turn's bubbles (a chip, more text, the end).</summary>
    Task TurnChangedAsync(RunningChatTurn turn);

    /// <summary>A tool answered: what it changed may show elsewhere on the page (the side list of tasks).</summary>
    Task ToolAnsweredAsync();
}

/// <summary>One chat turn of this tab: the message, its two bubbles, and how it ended.</summary>
internal sealed class RunningChatTurn(UnsentMessage message, long? continuedConversationId, ChatBubble question, ChatBubble reply, ChatStream stream)
{
    public UnsentMessage Message { get; } = message;

    /// <summary>The conversation the message was sent to; null for a new one (<see cref="ChatStream.ConversationId"/> then names it).</summary>
    public long? ContinuedConversationId { get; } = continuedConversationId;

    /// <summary>Its conversation once known: the one it continues, or the one the api started for it.</summary>
    public long? ConversationId => Stream.ConversationId ?? ContinuedConversationId;

    public ChatBubble Question { get; } = question;
    public ChatBubble Reply { get; } = reply;
    public ChatStream Stream { get; } = stream;

    /// <summary>Completes when the turn is over, however it ended; it never throws (see <see cref="Failure"/>).</summary>
    public Task Ended { get; internal set; } = Task.CompletedTask;

    /// <summary>Why the api could not be reached or refused the turn (what the page's CallAsync turns into a notice).</summary>
    public Exception? Failure { get; internal set; }

    /// <summary>Answered in full: no failure, no error event, and the done event came.</summary>
    public bool Answered => Failure is null && Stream.Done && Stream.Error is null;

    /// <summary>
    /// Where the next message goes once this turn has ended: its conversation, but for a new one whose turn ended with an
    /// error event, which the api removed again: the next message starts another. A turn cut off (the api gone mid-turn)
    /// keeps its conversation, which the api may have stored the turn in before it went.
    /// </summary>
    public long? NextConversationId => Stream.Error is null ? ConversationId : ContinuedConversationId;
}

/// <summary>
/// The chat turn this tab is running, owned by the tab's circuit (scoped: one per circuit) rather than by the chat
/// page. The api carries a turn out whoever reads it, but stores the conversation only at the turn's end: a chat
/// page left while a turn ran and opened again before it ended showed the conversation without the user's last
/// message, and nothing more when the reply came. Here the turn is read to its end while the user is on another
/// page, and a chat page opened meanwhile shows the message and the reply as it arrives (<see cref="Attach"/>).
/// A message sent during the turn (Enter while the agent works), which waits in the composer, is handed over when
/// the page goes (<see cref="SendAfterTurn"/>) and sent when the turn ends, as the page would have.
/// A reload starts a new circuit, which knows nothing of the old one's turn: the page keeps the turn's message in the
/// tab and the new page follows it again (<see cref="Resume"/>).
/// All of it runs on the circuit's dispatcher, as the pages do: no locks.
/// </summary>
internal sealed class ChatTurnInFlight(ApiClient api, TimeProvider clock) : IDisposable
{
    /// <summary>
    /// How long a turn sent again is waited for while the api says it still runs: a turn is bounded by the mcp's timeout and
    /// 8 tool rounds, and the claim of one whose api died lapses within a minute (the api's ChatTurnLeases).
    /// </summary>
    internal static readonly TimeSpan ResumeWaitLimit = TimeSpan.FromMinutes(3);

    /// <summary>What a turn refused as still running says (409 <c>idempotency_key_in_use</c>).</summary>
    internal const string StillAnswering = "TaskChat is still answering this message. Send it again in a moment to see the reply: nothing is done twice.";

    private readonly HashSet<Guid> _started = [];
    private IChatTurnView? _view;
    private UnsentMessage? _queued;
    private RunningChatTurn? _unanswered;
    private string? _sentWhileAway;
    private ChatTab? _tab;
    private Guid? _keptInTab;
    private bool _disposed;

    /// <summary>The turn being read, or null.</summary>
    public RunningChatTurn? Current { get; private set; }

    /// <summary>
    /// Sends <paramref name="message"/> to a conversation (null: a new one) and reads its events until the turn ends. A
    /// message this tab sent before ("Send again" after a reply was cut off) may still be running on the api, or be
    /// held by an api that died under it until its claim lapses: it is waited for as a resumed one is (<see cref="Resume"/>),
    /// instead of asking the user to send it again and again.
    /// </summary>
    public RunningChatTurn Start(UnsentMessage message, long? conversationId) => Start(message, conversationId, waitsWhileRunning: HasSent(message.Id));

    /// <summary>
    /// Follows a turn this tab sent before a reload: sent again as it was (the same words, conversation and
    /// Idempotency-Key), which the api answers with the stored reply when the turn is over, 409 while it still runs
    /// (asked again, less and less often, for up to <see cref="ResumeWaitLimit"/>: each ask counts against the chat
    /// rate limit), or by carrying it out when it never finished (the api shut down under it; nothing was applied).
    /// </summary>
    public RunningChatTurn Resume(UnsentMessage message, long? conversationId) => Start(message, conversationId, waitsWhileRunning: true);

    /// <summary>Whether this circuit sent <paramref name="messageId"/>: the turn a kept record names is this tab's own, not a predecessor's.</summary>
    public bool HasSent(Guid messageId) => _started.Contains(messageId);

    private RunningChatTurn Start(UnsentMessage message, long? conversationId, bool waitsWhileRunning)
    {
        _started.Add(message.Id);
        var question = new ChatBubble(MessageRoles.User, message.Text);
        var reply = new ChatBubble(MessageRoles.Assistant, "") { Streaming = true };
        RunningChatTurn turn = null!;
        var stream = new ChatStream(
            reply,
            () => _view?.ToolAnsweredAsync() ?? Task.CompletedTask,
            () => _view?.TurnChangedAsync(turn) ?? Task.CompletedTask);
        turn = new RunningChatTurn(message, conversationId, question, reply, stream);
        Current = turn;
        turn.Ended = ReadAsync(turn, waitsWhileRunning);
        return turn;
    }

    /// <summary>
    /// A chat page shows the turns from now on. Returns the message that was handed over to be sent after the
    /// running turn, if it has not gone yet: the page takes it back (it is still its composer's draft).
    /// </summary>
    public UnsentMessage? Attach(IChatTurnView view)
    {
        _view = view;
        var queued = _queued;
        _queued = null;
        return queued;
    }

    /// <summary>The page is going; turns go on without it.</summary>
    public void Detach(IChatTurnView view)
    {
        if (_view == view)
        {
            _view = null;
        }
    }

    /// <summary>
    /// The page is going while <paramref name="message"/> waits for the running turn: it is sent to that turn's
    /// conversation when the turn ends (at once when it already has), and kept in <paramref name="tab"/> when it goes
    /// (null: a page that never knew its user), so that a reload meanwhile follows it.
    /// </summary>
    public void SendAfterTurn(UnsentMessage message, long? conversationId, ChatTab? tab)
    {
        _tab = tab;
        if (Current is not null)
        {
            _queued = message;
            return;
        }
        SendWhileAway(message, conversationId);
    }

    /// <summary>A turn that ended unanswered while no page showed it: its message to offer again ("Send again") in its conversation.</summary>
    public RunningChatTurn? TakeUnanswered()
    {
        var unanswered = _unanswered;
        _unanswered = null;
        return unanswered;
    }

    /// <summary>The words of a handed-over message that was sent with no page open: still the tab's kept draft, to be cleared.</summary>
    public string? TakeSentWhileAway()
    {
        var sent = _sentWhileAway;
        _sentWhileAway = null;
        return sent;
    }

    /// <summary>Reads <paramref name="turn"/> to its end; one sent before (<paramref name="waitsWhileRunning"/>) waits out a refusal as still running.</summary>
    private async Task ReadAsync(RunningChatTurn turn, bool waitsWhileRunning)
    {
        try
        {
            // Not cancelled when a page goes: the message must reach the api, which finishes the turn whether or not
            // anyone reads it. When the tab is gone, the read stops at the next event and closing the stream tells the
            // api nobody listens.
            var waited = TimeSpan.Zero;
            var pause = TimeSpan.FromSeconds(1);
            while (true)
            {
                try
                {
                    await foreach (var e in api.StreamChatAsync(turn.Message.Text, turn.ContinuedConversationId, turn.Message.Id, CancellationToken.None))
                    {
                        if (_disposed)
                        {
                            return;
                        }
                        await turn.Stream.ApplyAsync(e);
                    }
                    break;
                }
                catch (ApiException e) when (waitsWhileRunning && !_disposed && waited < ResumeWaitLimit
                    && (e.Code == ProblemCodes.IdempotencyKeyInUse || e.Status == Status429TooManyRequests))
                {
                    // Still running (or this user's turns are over the rate limit for the minute): ask again later. Nothing
                    // was shown of it yet: the refusal comes before any event.
                    var wait = e.Status == Status429TooManyRequests ? TimeSpan.FromSeconds(10) : pause;
                    await Task.Delay(wait, clock);
                    if (_disposed)
                    {
                        return; // The tab closed meanwhile: nobody is left to follow it for.
                    }
                    waited += wait;
                    pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 1.5, 5));
                }
            }
        }
        catch (IOException)
        {
            // The stream broke after it began (the api died or restarted mid-turn: a reset connection, or a response
            // that ended early, HttpIOException): a reply cut off, as a stream that ends without its done event is, not
            // a failure to reach the api. The page offers it again ("Send again", the same Idempotency-Key: the api does
            // not apply a change twice). Before, the exception reached the page and ended the tab's circuit (found by
            // hand, session 18).
        }
        catch (ApiException e) when (e.Code == ProblemCodes.IdempotencyKeyInUse)
        {
            // The api's words name the header; the user sent a message. (A turn sent again, or followed after a reload,
            // that ran past the wait.)
            turn.Failure = new ApiException(e.Status, StillAnswering, e.Code);
        }
        catch (Exception e)
        {
            turn.Failure = e;
        }
        finally
        {
            turn.Stream.End();
            if (Current == turn)
            {
                Current = null;
            }
        }
        if (_view is not null || _disposed)
        {
            return; // A page shows it and carries on from it (its own waiting message included).
        }
        // No page saw it end: an unanswered message is offered again when one opens (or followed again by a reload, which
        // finds it kept), a waiting one goes now. An answered one sent while away leaves nothing for a reload to follow.
        if (!turn.Answered)
        {
            _unanswered = turn;
        }
        else if (_tab is { } tab && _keptInTab == turn.Message.Id)
        {
            _keptInTab = null;
            await tab.ForgetAsync(turn);
        }
        if (_queued is { } next)
        {
            _queued = null;
            SendWhileAway(next, turn.NextConversationId);
        }
    }

    private void SendWhileAway(UnsentMessage message, long? conversationId)
    {
        if (_disposed)
        {
            return;
        }
        _sentWhileAway = message.Text;
        if (_tab is { } tab)
        {
            // Kept before it is sent (the tab's writes arrive in order, before the turn's end can forget it), and not
            // awaited: the message must not wait for the browser.
            _keptInTab = message.Id;
            _ = tab.KeepSentWhileAwayAsync(new KeptTurn(message.Text, message.Id, conversationId, clock.GetUtcNow()));
        }
        Start(message, conversationId);
    }

    public void Dispose()
    {
        _disposed = true;
        _view = null;
    }
}
