using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TaskChat.Web.Api;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>
/// The chat's address and what the thread shows (<see cref="ChatAddress"/>): /chat/{id} opens that conversation, /chat
/// the most recent one and then names it, /chat/new an empty new chat. Blazor keeps this page when only the address
/// changes (a conversation's link, Back, Forward, "New chat"): <see cref="OnParametersSetAsync"/> runs again, not
/// <see cref="OnInitializedAsync"/>. The page puts in the address what it shows when the user did not choose it (the
/// latest, the conversation a first message started, a deletion) with a replace, so that Back does not bounce; a replace
/// that only makes the address say what is on screen shows nothing again (<see cref="Shown"/>).
/// A turn keeps running when the user opens another conversation (a link, Back, a typed address) while it runs: this tab's
/// turns are read to their end whatever the page shows (<see cref="ChatTurnInFlight"/>) and the api stores each in its
/// own conversation. The thread shows what the address names; the turn's message and reply show with their own
/// conversation, again as they come if the user goes back to it before the end. The composer still waits for the turn
/// (one turn at a time per tab): a message sent meanwhile goes when it ends, to the conversation on screen then.
/// </summary>
public sealed partial class ChatPage
{
    /// <summary>
    /// What follows /chat/ in the address; null for /chat. One parameter for /chat/new and /chat/{id} alike: Blazor tells a
    /// kept page of a new address only when a parameter changed, and /chat and /chat/new would both have had none.
    /// </summary>
    [Parameter]
    public string? Conversation { get; set; }

    private ChatAddress Address => new(Conversation);

    /// <summary>The address the browser shows, without its query.</summary>
    private string HereAddress => "/" + Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];

    /// <summary>The first load has shown what the address named: a new address is now shown by <see cref="OnParametersSetAsync"/>.</summary>
    private bool _followsAddress;

    /// <summary>The address the thread was last shown for: an address the page only caught up with is not shown again.</summary>
    private ChatAddress? _shown;

    /// <summary>
    /// Counts what the thread was asked to show: an answer for something since replaced (the user chose another
    /// conversation while the first was read) is dropped rather than shown under the other's address.
    /// </summary>
    private int _shows;

    /// <summary>The address names a conversation that isn't there (deleted, another user's, never made): the thread says so.</summary>
    private bool _missing;

    /// <summary>The title of the conversation on screen as read with it (the list's, when it holds it, is newer).</summary>
    private string? _openedTitle;

    protected override async Task OnParametersSetAsync()
    {
        var address = Address;
        if (!_followsAddress || Left)
        {
            return; // Prerendered (nothing is read), or the first load, which shows the address it reads once it has the conversations.
        }
        if (Shown(address))
        {
            _shown = address; // The page put it there (the latest named, a first message's conversation), or it was already open.
            return;
        }
        _sendWhenDone = false; // A message waiting for the reply was written for the conversation left: it stays in the composer.
        await ShowAsync(address);
    }

    /// <summary>Whether the thread already shows what <paramref name="address"/> names.</summary>
    private bool Shown(ChatAddress address) =>
        address == _shown
        || (address.ConversationId is { } id && id == _conversationId && !_missing)
        || (address.IsNewChat && _conversationId is null && !_missing && _notOpened is null);

    /// <summary>
    /// Shows what <paramref name="address"/> names, with the tab's running turn if it belongs there (<see cref="ChatAddress.Shows"/>),
    /// then names in the address what it shows.
    /// </summary>
    private async Task ShowAsync(ChatAddress address)
    {
        var running = InFlight.Current;
        var show = ++_shows;
        _shown = address;
        _notOpened = null;
        _missing = false;
        _renaming = _confirmingDelete = _showConversations = false;
        if (running is not null && address.Shows(running.ContinuedConversationId, running.ConversationId))
        {
            // The user is back while TaskChat works: the conversation as stored, then the message and the reply as it arrives
            // (the api stores them at the turn's end).
            if (running.ConversationId is { } id)
            {
                if (await OpenAsync(id, show) is not (Opened.Shown or Opened.Unanswered))
                {
                    return;
                }
                _conversationId = id; // Read or not (the api was down), the next message goes on with the turn's conversation.
            }
            else
            {
                ShowNewChat(show);
            }
            if (!running.Ended.IsCompleted)
            {
                _bubbles.Add(running.Question);
                _bubbles.Add(running.Reply);
            }
            else if (running.Answered && running.ConversationId is { } ended)
            {
                // It ended while its conversation was being read, which may have been read before the turn was
                // stored: read it again (the api stores a turn before it says it is done).
                await ReloadThreadAsync(ended);
            }
        }
        else if (address.IsLatest && _conversations is [var latest, ..])
        {
            // /chat carries on where the user left off: the most recent conversation.
            if (await OpenAsync(latest.Id, show) == Opened.Unanswered)
            {
                _notOpened = address; // Listed but not read (the api went meanwhile): the next recovery tries again.
            }
        }
        else if (address.IsLatest || address.IsNewChat)
        {
            ShowNewChat(show);
            if (address.IsLatest && _conversations is null)
            {
                _notOpened = address; // Not "no conversations yet": they could not be read.
            }
        }
        else if (address.ConversationId is { } named)
        {
            if (await OpenAsync(named, show) == Opened.Unanswered)
            {
                _notOpened = address;
            }
        }
        else
        {
            ShowMissing(show);
        }
        if (show == _shows)
        {
            NameShownInAddress();
        }
    }

    /// <summary>The empty new chat; without <paramref name="show"/>, chosen by the user (New chat, a deletion) rather than by the address.</summary>
    private void ShowNewChat(int? show = null)
    {
        if (show is null)
        {
            _shows++; // Chosen by the user: a conversation still being read is not shown over it.
            _shown = null;
        }
        _notOpened = null;
        _missing = false;
        _conversationId = null;
        _hasEarlier = false;
        _bubbles.Clear();
        _renaming = _confirmingDelete = _showConversations = false;
    }

    private void ShowMissing(int show)
    {
        if (show != _shows)
        {
            return;
        }
        _missing = true;
        _conversationId = null;
        _hasEarlier = false;
        _bubbles.Clear();
    }

    /// <summary>How opening a conversation ended.</summary>
    private enum Opened
    {
        /// <summary>The thread shows it.</summary>
        Shown,

        /// <summary>The api said it isn't there (deleted, another user's, never made): the thread says so.</summary>
        NotThere,

        /// <summary>The api could not be asked (down, or a failure the user was told of).</summary>
        Unanswered,

        /// <summary>The user chose something else to show meanwhile: the answer was dropped.</summary>
        Overtaken,
    }

    /// <summary>Reads conversation <paramref name="id"/> into the thread, unless something else was asked to show meanwhile (<paramref name="show"/>).</summary>
    private async Task<Opened> OpenAsync(long id, int show)
    {
        var opened = Opened.Unanswered;
        await CallAsync(async () =>
        {
            try
            {
                var conversation = await Api.GetConversationAsync(id, cancellationToken: _leaving.Token);
                opened = show == _shows ? Opened.Shown : Opened.Overtaken;
                if (opened == Opened.Shown)
                {
                    var newest = conversation.Messages.Select(ChatStream.ToBubble).ToList();
                    // Read again (after a turn, or the same conversation chosen again): the earlier messages the user brought
                    // back stay above the newest page, when it overlaps what was shown (nothing missed between them).
                    var kept = conversation.Id == _conversationId ? EarlierThan(newest) : [];
                    _conversationId = conversation.Id;
                    _openedTitle = conversation.Title;
                    _hasEarlier = kept.Count > 0 ? _hasEarlier : conversation.HasEarlier;
                    _bubbles.Clear();
                    _bubbles.AddRange(kept);
                    _bubbles.AddRange(newest);
                }
            }
            catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
            {
                // Not an error to report: the thread says it isn't there (the api's "Conversation N was not found." names an id
                // the user may never have seen), and another user's is the same answer, so nothing of it can be learnt here.
                opened = show == _shows ? Opened.NotThere : Opened.Overtaken;
                ShowMissing(show);
            }
        });
        return opened;
    }

    /// <summary>
    /// The stored messages shown before <paramref name="newest"/>'s first, if the two overlap: a page that begins after the last
    /// one shown (more messages came meanwhile than a page holds, from another tab) would leave a gap, so then none.
    /// </summary>
    private List<ChatBubble> EarlierThan(List<ChatBubble> newest)
    {
        var stored = _bubbles.Where(b => b.MessageId is not null).ToList();
        if (newest is not [{ MessageId: { } first }, ..] || stored.Count == 0 || stored[^1].MessageId < first)
        {
            return [];
        }
        return [.. stored.Where(b => b.MessageId < first)];
    }

    /// <summary>
    /// Reads the messages before the first one shown (the thread scrolled to its top, or "Show earlier messages") and puts them
    /// above it, the thread staying where it was: the page opens a conversation at its newest messages.
    /// </summary>
    private async Task ShowEarlierAsync()
    {
        if (_loadingEarlier || _conversationId is not { } id || _bubbles.FirstOrDefault(b => b.MessageId is not null)?.MessageId is not { } first)
        {
            return;
        }
        _loadingEarlier = true;
        var show = _shows;
        try
        {
            await CallAsync(async () =>
            {
                try
                {
                    var earlier = await Api.GetConversationAsync(id, first, _leaving.Token);
                    if (show != _shows || id != _conversationId || _bubbles.FirstOrDefault(b => b.MessageId is not null)?.MessageId != first)
                    {
                        return; // The user moved on meanwhile, or the thread was read again: this page belongs to nothing shown.
                    }
                    var bubbles = earlier.Messages.Where(m => m.Id < first).Select(ChatStream.ToBubble).ToList();
                    if (bubbles.Count > 0 && _module is not null)
                    {
                        // Before the render that puts them in: chat.js keeps the message that was first where it is on screen.
                        await _module.InvokeVoidAsync("holdPlace", _thread);
                    }
                    _bubbles.InsertRange(0, bubbles);
                    _hasEarlier = earlier.HasEarlier;
                }
                catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
                {
                    ShowMissing(show); // Deleted meanwhile (in another tab): as when it is opened.
                }
            });
        }
        catch (JSDisconnectedException)
        {
            // The tab went while the page was read: nothing to show it in.
        }
        finally
        {
            _loadingEarlier = false;
        }
    }

    /// <summary>Opens <paramref name="id"/>, chosen by the page rather than by the address (a turn followed after a reload).</summary>
    private Task<Opened> OpenAsync(long id)
    {
        _shown = null;
        return OpenAsync(id, ++_shows);
    }

    /// <summary>Reads the conversation on screen again (what the api stored of a turn), if the user has not left it meanwhile.</summary>
    private async Task ReloadThreadAsync(long id)
    {
        if (id == _conversationId)
        {
            await OpenAsync(id, _shows);
        }
    }

    /// <summary>
    /// Makes the address name what the thread shows, replacing the entry (Back goes to the page before, not to an address that
    /// named something else). /chat with no conversation to carry on with stays /chat: it is the empty new chat already, and
    /// a reload of it still is. One that isn't there, or couldn't be read, keeps the address that named it: the thread says so.
    /// </summary>
    private void NameShownInAddress()
    {
        if (Left || !RendererInfo.IsInteractive || _missing || _notOpened is not null)
        {
            return; // Gone: the address is another page's now.
        }
        var here = HereAddress;
        var wanted = _conversationId is null && here == ChatAddress.Latest ? here : ChatAddress.Of(_conversationId);
        if (wanted != here)
        {
            Navigation.NavigateTo(wanted, replace: true);
        }
    }
}
