using System.Text.Json;
using Microsoft.JSInterop;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>
/// What a browser tab keeps of its chat in sessionStorage, so that a reload (which starts a new circuit) loses
/// nothing: the composer's draft, and the turn on its way (<see cref="KeptTurn"/>), which the new page follows
/// again. Per user: what one user left in a tab is not shown to (or sent as) the next one who signs in there.
/// The chat page keeps the draft through chat.js (which follows the typing) and the turn here; <see cref="ChatTurnInFlight"/>
/// keeps here a message it sends after the page has gone, when only the tab is left to write to.
/// </summary>
internal sealed class ChatTab(IJSRuntime js, string userId)
{
    /// <summary>Where the composer's draft is kept.</summary>
    public string DraftKey { get; } = DraftKeyOf(userId);

    /// <summary>Where the turn on its way is kept.</summary>
    public string TurnKey { get; } = TurnKeyOf(userId);

    public static string DraftKeyOf(string userId) => "taskchat.chat.draft:" + userId;

    public static string TurnKeyOf(string userId) => "taskchat.chat.turn:" + userId;

    /// <summary>
    /// Keeps <paramref name="turn"/>, a message that waited behind a reply and is sent after its page went: a reload
    /// follows it as the page's own turn, and its words leave the kept draft (sent, and not to be sent twice). Before,
    /// a reload showed none of it until it was stored, and put the words back in the composer.
    /// </summary>
    public async Task KeepSentWhileAwayAsync(KeptTurn turn)
    {
        await StoreAsync(async () =>
        {
            await SetTurnAsync(turn);
            if ((await js.InvokeAsync<string?>("sessionStorage.getItem", DraftKey))?.Trim() == turn.Text)
            {
                await js.InvokeVoidAsync("sessionStorage.removeItem", DraftKey);
            }
        });
    }

    /// <summary>Keeps <paramref name="turn"/> as the tab's turn on its way; null forgets it.</summary>
    public Task KeepTurnAsync(KeptTurn? turn) => StoreAsync(() => SetTurnAsync(turn));

    /// <summary>Forgets the kept turn if it is still <paramref name="turn"/>'s: answered, a reload has nothing to follow.</summary>
    public async Task ForgetAsync(RunningChatTurn turn)
    {
        await StoreAsync(async () =>
        {
            if (KeptTurn.Read(await js.InvokeAsync<string?>("sessionStorage.getItem", TurnKey) ?? "")?.Id == turn.Message.Id)
            {
                await js.InvokeVoidAsync("sessionStorage.removeItem", TurnKey);
            }
        });
    }

    private async Task SetTurnAsync(KeptTurn? turn)
    {
        if (turn is null)
        {
            await js.InvokeVoidAsync("sessionStorage.removeItem", TurnKey);
        }
        else
        {
            await js.InvokeVoidAsync("sessionStorage.setItem", TurnKey, turn.ToJson());
        }
    }

    private static async Task StoreAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone: nothing is left to keep it for.
        }
        catch (JSException)
        {
            // Storage refused (private mode, quota): it just does not survive a reload, as with the page's own.
        }
    }
}

/// <summary>A turn on its way, as the tab keeps it: enough to send it again exactly as it was sent.</summary>
internal sealed record KeptTurn(string Text, Guid Id, long? ConversationId, DateTimeOffset SentAt)
{
    public static KeptTurn Of(RunningChatTurn turn, DateTimeOffset now) => new(turn.Message.Text, turn.Message.Id, turn.ContinuedConversationId, now);

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The kept record in <paramref name="json"/>, or null when nothing (or nothing of ours) is kept.</summary>
    public static KeptTurn? Read(string json)
    {
        if (json.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<KeptTurn>(json) is { Text.Length: > 0 } kept ? kept : null;
        }
        catch (JsonException)
        {
            return null; // Not ours, or from an older version of the page: nothing to follow.
        }
    }
}
