using Microsoft.AspNetCore.Components.Web;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Chat;

// The list of conversations beside the thread: read a page at a time, a new one, renamed, deleted.
public sealed partial class ChatPage
{
    private List<ConversationSummary>? _conversations;

    /// <summary>The list's next page (the api's cursor), null when it has them all.</summary>
    private string? _moreConversations;
    private bool _loadingConversations;
    private bool _conversationsFailed;

    private bool _renaming;
    private bool _focusRename;
    private string _renameDraft = "";
    private bool _confirmingDelete;
    /// <summary>The conversations again ("Try again", the api back), and what the address names opened if it could not be.</summary>
    private async Task RetryConversationsAsync()
    {
        await LoadConversationsAsync();
        if (_notOpened is { } address)
        {
            await ShowAsync(address);
        }
    }

    // The list is read a page at a time (a user may keep 1,000 conversations, and it is read again after every turn): read
    // again, it holds as many as the user had brought in with "Show more", up to the api's largest page.
    private const int ConversationsPage = 50;
    private const int ConversationsPageMax = 200;

    private async Task LoadConversationsAsync() =>
        _conversationsFailed = !await CallAsync(async () =>
        {
            var shown = Math.Clamp(_conversations?.Count ?? 0, ConversationsPage, ConversationsPageMax);
            var list = await Api.GetConversationsAsync(shown == ConversationsPage ? null : shown, cancellationToken: _leaving.Token);
            _conversations = [.. list.Conversations];
            _moreConversations = list.NextCursor;
        });

    /// <summary>The next page of the list ("Show more" at its end).</summary>
    private async Task ShowMoreConversationsAsync()
    {
        if (_moreConversations is not { } cursor || _conversations is null || _loadingConversations)
        {
            return;
        }
        _loadingConversations = true;
        try
        {
            await CallAsync(async () =>
            {
                var next = await Api.GetConversationsAsync(cursor: cursor, cancellationToken: _leaving.Token);
                if (_moreConversations == cursor)
                {
                    // A conversation used meanwhile moved to the top: listed once, where the list already has it.
                    var listed = _conversations.Select(c => c.Id).ToHashSet();
                    _conversations.AddRange(next.Conversations.Where(c => !listed.Contains(c.Id)));
                    _moreConversations = next.NextCursor;
                }
            });
        }
        finally
        {
            _loadingConversations = false;
        }
    }

    /// <summary>"New chat": an empty chat with an address of its own (pushed: Back returns to the conversation left).</summary>
    private async Task NewConversationAsync()
    {
        _sendWhenDone = false; // Written for the conversation left: it stays in the composer, unsent.
        ShowNewChat();
        if (HereAddress != ChatAddress.NewChat)
        {
            Navigation.NavigateTo(ChatAddress.NewChat);
        }
        await FocusComposerAsync();
    }

    private void StartRename()
    {
        _renameDraft = CurrentTitle;
        _renaming = true;
        _focusRename = true;
    }

    private void RenameKey(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            _renaming = false;
        }
    }

    private async Task RenameAsync()
    {
        var title = _renameDraft.Trim();
        if (_conversationId is not { } id || title.Length == 0)
        {
            _renaming = false;
            return;
        }
        if (await CallAsync(() => Api.RenameConversationAsync(id, title, _leaving.Token), "The conversation wasn't renamed."))
        {
            _renaming = false;
            await LoadConversationsAsync();
        }
    }

    private async Task DeleteAsync()
    {
        _confirmingDelete = false;
        if (_conversationId is not { } id)
        {
            return;
        }
        if (await CallAsync(() => Api.DeleteConversationAsync(id, _leaving.Token), "The conversation wasn't deleted."))
        {
            if (_conversationId == id)
            {
                // The address must not keep naming it (a reload would say it isn't there): replaced, as the entry named it.
                ShowNewChat();
                NameShownInAddress();
                await FocusComposerAsync();
            }
            await LoadConversationsAsync();
        }
    }
}
