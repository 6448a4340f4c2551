namespace TaskChat.Web.Components.Layout;

/// <summary>
/// A short message for the user that does not block the page (a failed call, the api down). Notices
/// with a Key replace each other and can be cleared by it (the api-down notice).
/// </summary>
public sealed record Notice(Guid Id, string Text, string? Key = null);

/// <summary>The notices of one circuit (scoped): pages add them, the layout's notice area shows them.</summary>
public sealed class Notices
{
    /// <summary>The api answered 503: it runs, but something behind it (the mcp, the model) does not.</summary>
    public const string Unavailable = "Service temporarily unavailable. Please try again.";

    /// <summary>
    /// The web cannot reach the api. Not the user's connection (the page is here, over it): the server side
    /// is down, and the notice goes away by itself when it is back. It does not say "nothing was saved": an
    /// api that died while answering (a chat turn cut off mid-reply) may have saved some of it; the page's own
    /// notice says what became of its call.
    /// </summary>
    public const string ServerDown = "TaskChat's server isn't answering. This message goes away when it's back.";

    public const string ServerDownKey = "server-down";

    private const int MaxShown = 4;
    private readonly List<Notice> _items = [];

    public event Action? Changed;

    public IReadOnlyList<Notice> Items => _items;

    public void Show(string text, string? key = null)
    {
        // The same failure repeated (several calls at once) is one notice, not a stack of them.
        if (_items.Any(n => n.Text == text))
        {
            return;
        }
        if (key is not null)
        {
            _items.RemoveAll(n => n.Key == key);
        }
        _items.Add(new Notice(Guid.NewGuid(), text, key));
        if (_items.Count > MaxShown)
        {
            _items.RemoveAt(0);
        }
        Changed?.Invoke();
    }

    public void Dismiss(Guid id)
    {
        if (_items.RemoveAll(n => n.Id == id) > 0)
        {
            Changed?.Invoke();
        }
    }

    public void Clear(string key)
    {
        if (_items.RemoveAll(n => n.Key == key) > 0)
        {
            Changed?.Invoke();
        }
    }
}
