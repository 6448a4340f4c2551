using System.Runtime.ExceptionServices;
using Microsoft.JSInterop;

namespace TaskChat.Web.Components.Pages.Chat;

// A message sent and its turn followed: the reply streamed in, a turn kept across a reload (KeptTurn), a failed one sent again.
public sealed partial class ChatPage
{
    /// <summary>
    /// How old a kept turn may be and still be followed. A turn is over well before (the mcp's timeout, 8 tool rounds);
    /// an older record is one the page never saw end, and sending it again could carry out, long after, a message
    /// whose turn had failed (or whose key the api no longer keeps, after 24 hours).
    /// </summary>
    private static readonly TimeSpan KeptTurnFreshFor = TimeSpan.FromMinutes(10);

    /// <summary>A reply whose stream broke off (the api died or restarted mid-turn); "Send again" follows the turn, or runs it once its api's claim lapses.</summary>
    internal const string ReplyCutOff = "The reply was cut off. Send it again: nothing is done twice.";

    private const string ReplyCutOffKey = "chat-reply-cut-off";

    /// <summary>The notice of a turn that ended with an error event: replaced by the next one's, gone once a turn is answered.</summary>
    private const string TurnFailedKey = "chat-turn-failed";

    /// <summary>What the tab kept when this page set up its composer; followed once the page has also loaded.</summary>
    private KeptTurn? _kept;

    /// <summary>Enter was pressed during a turn: the composer's message goes when the turn ends.</summary>
    private bool _sendWhenDone;
    private UnsentMessage? _unsent;

    /// <summary>Where <see cref="_unsent"/> was sent (null: a new conversation), so where sending it again must go.</summary>
    private long? _unsentTo;

    /// <summary>
    /// The unanswered message, if it was sent to the conversation on screen: "Send again" (or the same words sent) retries it
    /// there. In another conversation its words are only the composer's draft: sent there, they are a new message. Retried
    /// there with its key, the api would refuse it (the same key with another conversation), or it would be carried out in
    /// a conversation it was not written for.
    /// </summary>
    private UnsentMessage? UnsentHere => _unsent is not null && _unsentTo == _conversationId && !_missing ? _unsent : null;
    /// <summary>A turn of this tab that was running when the page opened: followed once the page has loaded.</summary>
    private RunningChatTurn? _resumed;

    private async Task SendAsync()
    {
        var text = _draft.Trim();
        if (text.Length == 0)
        {
            return;
        }
        if (_sending)
        {
            // Sent while the agent works (or while the reply that looks finished is still being saved):
            // it waits in the composer and goes as soon as this turn ends, in order.
            _sendWhenDone = true;
            return;
        }
        await SendMessageAsync(UnsentHere is { } unsent && unsent.Text == text ? unsent : new UnsentMessage(text, Guid.NewGuid()));
    }

    /// <summary>A suggestion tapped in the empty chat: sent as if typed (the draft is left alone).</summary>
    private Task SendSuggestionAsync(string text) => _sending ? Task.CompletedTask : SendMessageAsync(new UnsentMessage(text, Guid.NewGuid()));

    /// <summary>"Send again": the message that was not answered, as it was.</summary>
    private async Task RetryAsync()
    {
        if (UnsentHere is { } unsent && !_sending)
        {
            await SendMessageAsync(unsent);
        }
    }

    private async Task SendMessageAsync(UnsentMessage message)
    {
        _notOpened = null; // Sent in the chat on screen: it stays the one the user chose.
        _missing = false; // Sent where a conversation wasn't there: it starts a new one.
        _sending = true;
        if (_draft.Trim() == message.Text)
        {
            await ClearSentTextAsync(message.Text);
        }
        var turn = InFlight.Start(message, _conversationId);
        _bubbles.Add(turn.Question);
        _bubbles.Add(turn.Reply);
        // No forced scroll: at the bottom the thread follows by itself (chat.js); scrolled up to
        // read, the user keeps their place and gets the "new messages" button.
        StateHasChanged();
        await KeepTurnAsync(turn);
        await FollowAsync(turn, resumed: false);
    }

    /// <summary>
    /// Waits for <paramref name="turn"/> to end, then settles the page: a notice and "Send again" for a message that
    /// was not answered, the conversations reloaded, the message typed meanwhile sent. A turn the page was opened on
    /// (<paramref name="resumed"/>) also reloads its conversation once answered: what the api stored is the thread.
    /// </summary>
    private async Task FollowAsync(RunningChatTurn turn, bool resumed)
    {
        bool sent;
        try
        {
            sent = await CallAsync(async () =>
            {
                await turn.Ended;
                if (turn.Failure is { } failure)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }
            });
        }
        catch (OperationCanceledException) when (Left)
        {
            return; // The user left the page (or closed the tab): nobody is left to show the reply to.
        }
        if (Left)
        {
            return;
        }
        _sending = false;
        await KeepTurnAsync(null); // Seen to its end: a reload from now on has nothing to follow.
        var stream = turn.Stream;
        if (sent && turn.Answered)
        {
            _unsent = null;
            _unsentTo = null;
            Notices.Clear(ReplyCutOffKey); // Sent again and answered: what it said is over.
            Notices.Clear(TurnFailedKey); // As is a failed turn's "try again" (it stayed until dismissed, session 23).
            if (resumed && turn.ConversationId is { } id && id == _conversationId)
            {
                await ReloadThreadAsync(id);
            }
        }
        else
        {
            if (stream.Error is { } error)
            {
                Notices.Show(error, TurnFailedKey);
            }
            else if (sent)
            {
                // The turn may have been carried out, in part or whole: sent again with its key, nothing is done twice.
                Notices.Show(ReplyCutOff, ReplyCutOffKey);
            }
            // Nothing was answered: take the bubbles back and give the user their words again,
            // unless they have started typing the next message meanwhile ("Send again" still works).
            if (turn.Reply.Text.Length == 0 && turn.Reply.Tools.Count == 0)
            {
                _bubbles.Remove(turn.Reply);
                _bubbles.Remove(turn.Question);
            }
            _unsent = turn.Message;
            _unsentTo = turn.NextConversationId;
            if (_draft.Length == 0)
            {
                await SetDraftAsync(turn.Message.Text);
            }
            if (_conversationId == turn.ConversationId && !_missing)
            {
                // A new chat whose first turn failed with an error: its conversation is gone, and the next message (or "Send
                // again", which goes as the first attempt went) starts one. Before, every message went to the removed one and
                // got "Conversation N was not found." until the user chose "New chat" (found by hand, session 23).
                _conversationId = turn.NextConversationId;
                NameShownInAddress(); // Not the removed one's address: a reload would say it isn't there.
            }
        }
        await LoadConversationsAsync();
        await FocusComposerAsync();
        StateHasChanged();
        if (_sendWhenDone)
        {
            _sendWhenDone = false;
            await SendAsync();
        }
    }

    /// <summary>
    /// After a reload: the turn the tab's previous page sent and did not see end is followed again (sent again with
    /// its key: <see cref="ChatTurnInFlight.Resume"/>), its message and the reply shown as they come, then the thread
    /// as stored. Runs once both the conversations are loaded and the kept record is read, whichever is last.
    /// </summary>
    private async Task FollowKeptTurnAsync()
    {
        if (!_loaded || _kept is not { } kept || Left)
        {
            return;
        }
        _kept = null;
        if (InFlight.Current?.Message.Id == kept.Id)
        {
            return; // This tab's own turn, still running: the page already follows it.
        }
        if (InFlight.HasSent(kept.Id) || _sending || Clock.GetUtcNow() - kept.SentAt > KeptTurnFreshFor)
        {
            await KeepTurnAsync(null); // This tab's own turn, over (seen while on another page), a newer one runs, or too old to follow.
            return;
        }
        // Shown where the address shows it: /chat (carry on with it), its conversation, or, for one that started a conversation,
        // /chat/new or the address the api's name for it had already replaced that with (its thread still empty). Elsewhere (the
        // user had opened another conversation before the reload) it is followed as one running in another conversation is.
        var shown = Address.Shows(kept.ConversationId, kept.ConversationId)
            || (kept.ConversationId is null && !_missing && _conversationId is not null && _bubbles.Count == 0);
        if (shown && kept.ConversationId is { } id)
        {
            if (id != _conversationId)
            {
                await OpenAsync(id);
                NameShownInAddress();
            }
        }
        else if (shown)
        {
            // It started a conversation: shown alone, as it was, until the api names it (and the address with it).
            ShowNewChat();
        }
        var turn = InFlight.Resume(new UnsentMessage(kept.Text, kept.Id), kept.ConversationId);
        if (shown)
        {
            _bubbles.Add(turn.Question);
            _bubbles.Add(turn.Reply);
        }
        _sending = true;
        StateHasChanged();
        _ = FollowAsync(turn, resumed: true);
    }

    /// <summary>Keeps <paramref name="turn"/> in the tab (null: forgets it).</summary>
    private async Task KeepTurnAsync(RunningChatTurn? turn)
    {
        if (_module is null || Left)
        {
            return;
        }
        // A tab that is going (a reload on its way) keeps what it had, for the next page to follow.
        await Tab.KeepTurnAsync(turn is null ? null : KeptTurn.Of(turn, Clock.GetUtcNow()));
    }

    /// <summary>
    /// Takes the sent words out of the composer in the browser, keeping whatever was typed after Enter.
    /// Setting the draft to "" here would re-render the input's value and wipe keys typed while that
    /// render was on its way (the next message's first letters).
    /// </summary>
    private async Task ClearSentTextAsync(string sent)
    {
        if (_module is null)
        {
            await SetDraftAsync("");
            return;
        }
        await _module.InvokeVoidAsync("clearSent", _input, DraftKey, sent);
    }

    private async Task SetDraftAsync(string text)
    {
        _draft = text;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setDraft", DraftKey, text);
        }
    }
}
