using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using TaskChat.Contract;
using TaskChat.Web.Api;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>
/// The chat: the conversations, the thread with its composer, and the user's tasks beside it.
/// A message that could not be sent stays as <see cref="UnsentMessage"/>: sending the same text
/// again (the composer, or "Send again") is a retry of that message, not a new one.
/// The turn itself belongs to the tab (<see cref="ChatTurnInFlight"/>): the page shows it, and shows it again
/// when the user comes back to the chat before it has ended.
/// The address names the conversation on screen (<see cref="ChatAddress"/>); what it names when it changes (a link, Back,
/// Forward) is shown in the same page, which Blazor keeps (ChatPage.Address.cs).
/// </summary>
public sealed partial class ChatPage : IChatTurnView
{
    /// <summary>Where this tab keeps the composer's draft (sessionStorage), so a reload loses nothing. Per user, as is <see cref="TurnKey"/>:
    /// what one user left in a tab is not shown to (or sent as) the next one who signs in there.</summary>
    private string DraftKey => ChatTab.DraftKeyOf(_userId);

    /// <summary>
    /// Where this tab keeps the turn on its way (sessionStorage, <see cref="KeptTurn"/>): a reload starts a new
    /// circuit, and the new page follows the turn again instead of losing the message until the next visit.
    /// </summary>
    private string TurnKey => ChatTab.TurnKeyOf(_userId);

    /// <summary>The tab's storage for this user's chat (known once <see cref="ReadUserIdAsync"/> has run).</summary>
    private ChatTab Tab => new(JS, _userId);

    private string _userId = "";

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>
    /// What the address names could not be read (the api was down): the latest conversation, or the one named. It is
    /// opened once the api answers again (or "Try again"), unless the user has since started a new chat, opened one or
    /// sent a message.
    /// </summary>
    private ChatAddress? _notOpened;
    private IReadOnlyList<TaskView>? _tasks;
    private bool _moreTasks;
    private bool _tasksFailed;
    private readonly List<ChatBubble> _bubbles = [];

    /// <summary>The conversation has messages before the first one shown (the api reads a conversation a page at a time).</summary>
    private bool _hasEarlier;

    /// <summary>The earlier messages are on their way (<see cref="ShowEarlierAsync"/>).</summary>
    private bool _loadingEarlier;
    private long? _conversationId;
    private string _draft = "";

    private bool _sending;
    private bool _showTasks;
    private bool _showConversations;

    // On a phone the chats and the tasks open over the conversation: Escape, or a tap on the conversation, closes them,
    // as a drawer does. Both are listened for only while one is open: otherwise every key typed in the composer and every
    // click in the thread would be one more event to the server, and one more render of the page.
    private bool PanelOpen => _showTasks || _showConversations;

    private Dictionary<string, object>? LayoutAttributes =>
        PanelOpen ? new() { ["onkeydown"] = EventCallback.Factory.Create<KeyboardEventArgs>(this, ClosePanelsOnEscape) } : null;

    private Dictionary<string, object>? ThreadAttributes =>
        PanelOpen ? new() { ["onclick"] = EventCallback.Factory.Create<MouseEventArgs>(this, ClosePanels) } : null;

    private void ClosePanels() => _showTasks = _showConversations = false;

    private void ClosePanelsOnEscape(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            ClosePanels();
        }
    }
    // Cancelled when the user leaves, never disposed: a turn's stream can hand the page one more event
    // after Dispose (its read had finished when the navigation ran), and that event's work reads the
    // token again (a tool's result reloads the side list). A disposed source throws there, which ended
    // the circuit and left the next page blank (seen by hand, session 17). A source without a timer
    // holds nothing that needs freeing.
    private readonly CancellationTokenSource _leaving = new();

    /// <summary>Disposed: the user went to another page (Dispose cancels <see cref="_leaving"/>).</summary>
    private bool Left => _leaving.IsCancellationRequested;
    private IJSObjectReference? _module;
    private ElementReference _thread;
    private ElementReference _threadBox;
    private ElementReference _newMessages;
    private ElementReference _conversationsPanel;
    private ElementReference _input;
    private ElementReference _renameInput;

    [Inject]
    internal ChatTurnInFlight InFlight { get; set; } = default!;

    /// <summary>OnInitializedAsync is done: the conversations and tasks are loaded and the latest conversation is open.</summary>
    private bool _loaded;

    /// <summary>chat.js has the thread and the composer, and the tab's kept draft is back in the composer.</summary>
    private bool _composerSetUp;
    private bool _focusedWhenReady;

    /// <summary>
    /// The composer (and the suggestions) can be used: the page is interactive and has settled. Until then
    /// the page re-renders by itself (the first load, the restored draft), and each render of the composer
    /// gives its <c>@bind</c> a new event handler id (the binder is a new delegate every render) and retires
    /// the old one once the browser has applied the render. In CI a key typed in that window reached the
    /// server with an id the first load's render had replaced, and the server refused the event ("There was
    /// an exception invoking 'DispatchEventAsync'"): the text never reached <see cref="_draft"/>, and the
    /// Enter after it sent an empty draft, which is ignored, so the first message was lost without a word.
    /// Once settled, the page renders only when something happens (as while a reply streams).
    /// </summary>
    private bool ComposerReady => _loaded && _composerSetUp;

    // "Chat" until the conversation is read (the prerendered page reads nothing, an outage may keep it unread), and for one
    // that isn't there: not "New chat", which would name a conversation the page is about to show. The list's title first
    // (a rename shows there), else the one read with the conversation (one the list does not hold).
    private string CurrentTitle =>
        _conversations?.FirstOrDefault(c => c.Id == _conversationId)?.Title
        ?? (_conversationId is null ? null : _openedTitle)
        ?? (_loaded && _notOpened is null && !_missing ? "New chat" : "Chat");

    protected override void OnInitialized()
    {
        base.OnInitialized();
        // A message the last chat page left waiting for the turn still running: it is this composer's draft again.
        if (InFlight.Attach(this) is { } queued)
        {
            _draft = queued.Text;
            _sendWhenDone = true;
        }
        // A turn that ended unanswered while the user was elsewhere: offered again in its conversation, its words back in the composer.
        if (InFlight.TakeUnanswered() is { } unanswered)
        {
            _unsent = unanswered.Message;
            _unsentTo = unanswered.NextConversationId;
            if (_draft.Length == 0)
            {
                _draft = unanswered.Message.Text;
            }
        }
    }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            // Prerendered (a full page load): the frame, "Loading…" where the data goes, and no call to the api. The
            // interactive page that replaces it a moment later loads everything anyway: loading here too made every
            // full load call the api twice (6 calls for /chat), made a hung api hold the page's first byte for the call
            // timeout and then the interactive page as long again, and showed the thread, then nothing, then the thread.
            return;
        }
        // Taken before anything is awaited: the page is this tab's turns' view since OnInitialized, so a turn that ends from
        // now on is left to this page to settle (ChatTurnInFlight offers it to no other).
        var running = InFlight.Current;
        await ReadUserIdAsync();
        await Task.WhenAll(LoadConversationsAsync(), LoadTasksAsync());
        // From here a change of address (a link, Back, Forward) shows what it names; one made while the conversations
        // loaded is the address read now.
        _followsAddress = true;
        await ShowAsync(Address);
        if (running is not null)
        {
            // The user left while TaskChat worked and is back before it finished. Shown with its conversation (ShowAsync),
            // or running on in another one the address names: either way one turn at a time, so the composer waits for it.
            // Followed even if it ended while the page loaded: unanswered, it is offered again, as any turn the page saw end.
            _sending = true;
            _resumed = running;
            if (!Address.Shows(running.ContinuedConversationId, running.ConversationId))
            {
                _sendWhenDone = false; // The message handed back waited for that conversation's turn: here it stays in the composer.
            }
        }
        _loaded = true;
        if (_resumed is { } resumed)
        {
            _ = FollowAsync(resumed, resumed: true);
        }
        await FollowKeptTurnAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            await SetUpComposerAsync();
        }
        if (ComposerReady && !_focusedWhenReady)
        {
            // Here, once enabled: a disabled input cannot take the focus. Not from a rename begun meanwhile, nor
            // from anything else the user focused while the page loaded (chat.js decides: it sees the focus).
            _focusedWhenReady = true;
            if (!_renaming)
            {
                await FocusComposerWhenReadyAsync();
            }
        }
        if (_focusRename && _renaming)
        {
            _focusRename = false;
            await _renameInput.FocusAsync();
        }
    }

    /// <summary>
    /// Loads the page's script and hands it the thread and the composer. The user may leave the chat
    /// while this is on its way (a quick click on Tasks): the page is then disposed between two of these
    /// calls, and a call on its disposed module (or on its elements) would end the whole circuit, leaving
    /// the next page on "Loading…". So each step first checks that the page is still there.
    /// </summary>
    private async Task SetUpComposerAsync()
    {
        await ReadUserIdAsync(); // The tab's keys are the user's: known before anything is read from them.
        var module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/chat.js"]);
        if (Left)
        {
            await DisposeModuleAsync(module);
            return;
        }
        _module = module;
        try
        {
            await module.InvokeVoidAsync("followThread", _thread, _threadBox, _newMessages);
            if (Left)
            {
                return;
            }
            await module.InvokeVoidAsync("loadMoreAtEnd", _conversationsPanel);
            if (Left)
            {
                return;
            }
            var kept = await module.InvokeAsync<string>("keepDraft", _input, DraftKey);
            if (Left)
            {
                return;
            }
            if (InFlight.TakeSentWhileAway() is { } sent && kept.Trim() == sent)
            {
                // The message this page's predecessor left waiting was sent after it went: not a draft any more.
                await module.InvokeVoidAsync("setDraft", DraftKey, "");
                kept = "";
            }
            if (kept.Length > 0 && _draft.Length == 0)
            {
                _draft = kept;
            }
            _kept = KeptTurn.Read(await module.InvokeAsync<string>("recall", TurnKey));
            if (Left)
            {
                return;
            }
            // The draft is back before the composer is enabled: nothing typed can be overwritten by it.
            _composerSetUp = true;
            StateHasChanged();
            await FollowKeptTurnAsync();
        }
        catch (Exception e) when (Left && e is ObjectDisposedException or JSException)
        {
            // Left during the set-up: Dispose disposed the module, and there is nothing left to set up.
        }
    }

    protected override async Task OnApiRecoveredAsync()
    {
        await Task.WhenAll(RetryConversationsAsync(), LoadTasksAsync());
    }

    // The side panel shows the largest page the api gives, of the most recently changed tasks, in number order as the
    // chat names them: with more tasks than a page, what the chat just added, completed or edited is still there (the
    // first 200 by number were mostly long-done tasks, and a new one never showed), and the panel says there are more
    // and links to the Tasks page.
    private const int SideTasksPage = 200;

    private async Task LoadTasksAsync() =>
        _tasksFailed = !await CallAsync(async () =>
        {
            var page = await Api.ListTasksAsync(new TaskQuery(ListStatus.All, Sort: TaskSorts.Updated, Limit: SideTasksPage), _leaving.Token);
            (_tasks, _moreTasks) = (page.Tasks.OrderBy(t => t.Id).ToList(), page.NextCursor is not null);
        });

    /// <summary>The user's tasks changed elsewhere (LiveTasks): the side list reads them again and shows them.</summary>
    private async Task ReloadTasksAsync()
    {
        if (Left)
        {
            return;
        }
        await LoadTasksAsync();
        StateHasChanged();
    }

    private async Task ReadUserIdAsync()
    {
        if (_userId.Length == 0 && AuthenticationState is not null)
        {
            _userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        }
    }

    Task IChatTurnView.TurnChangedAsync(RunningChatTurn turn) => InvokeAsync(() =>
    {
        if (!Left)
        {
            // The api named the conversation the turn started: the page's, and the address's, if the page shows the turn.
            // Not when the user has opened another meanwhile: before, every event of the turn made its conversation the
            // page's again, and the next message went there from whichever conversation was on screen.
            if (turn.Stream.ConversationId is { } id && id != _conversationId && _bubbles.Contains(turn.Reply))
            {
                _conversationId = id;
                NameShownInAddress();
            }
            StateHasChanged();
        }
    });

    Task IChatTurnView.ToolAnsweredAsync() => Left ? Task.CompletedTask : LoadTasksAsync(); // The side panel shows what the tool just changed.

    /// <summary>The composer's first focus, which a focus the user chose while the page loaded keeps (chat.js).</summary>
    private async Task FocusComposerWhenReadyAsync()
    {
        if (_module is null || Left)
        {
            return;
        }
        try
        {
            await _module.InvokeVoidAsync("focusWhenReady", _input);
        }
        catch (Exception e) when (e is JSDisconnectedException || (Left && e is ObjectDisposedException or JSException))
        {
            // The tab is gone, or the user left the chat while this was on its way: nothing to focus.
        }
    }

    private async Task FocusComposerAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            try
            {
                await _input.FocusAsync();
            }
            catch (InvalidOperationException)
            {
                // Not rendered yet (the first render is still on its way): the after-render focus follows.
            }
            catch (JSException)
            {
                // Already gone: the user left the chat before its first render was applied (a quick click on Tasks).
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _leaving.Cancel();
        // Enter was pressed while the agent worked: the message goes when the turn ends, page or no page. Only one typed with the
        // turn's conversation on screen: the turn's end sends it there, and one written for another conversation (open while
        // the turn ran elsewhere) stays in the tab's kept draft instead, to come back in the composer.
        if (_sendWhenDone && _sending && _draft.Trim() is { Length: > 0 } queued && InFlight.Current is { } running && _bubbles.Contains(running.Reply))
        {
            InFlight.SendAfterTurn(
                UnsentHere is { } unsent && unsent.Text == queued ? unsent : new UnsentMessage(queued, Guid.NewGuid()),
                _conversationId,
                _userId.Length > 0 ? Tab : null);
        }
        InFlight.Detach(this);
        if (_module is not null)
        {
            _ = DisposeModuleAsync(_module);
        }
    }

    private static async Task DisposeModuleAsync(IJSObjectReference module)
    {
        try
        {
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
