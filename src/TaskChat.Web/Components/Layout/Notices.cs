namespace TaskChat.Web.Components.Layout;

/// <summary>A short message for the user that does not block the page (a failed call, a lost connection).</summary>
public sealed record Notice(Guid Id, string Text);

/// <summary>The notices of one circuit (scoped): pages add them, the layout's notice area shows them.</summary>
public sealed class Notices
{
    public const string Unavailable = "Service temporarily unavailable. Please try again.";
    public const string NoConnection = "Cannot connect to server. Please check your connection.";

    private const int MaxShown = 4;
    private readonly List<Notice> _items = [];

    public event Action? Changed;

    public IReadOnlyList<Notice> Items => _items;

    public void Show(string text)
    {
        // The same failure repeated (several calls at once) is one notice, not a stack of them.
        if (_items.Any(n => n.Text == text))
        {
            return;
        }
        _items.Add(new Notice(Guid.NewGuid(), text));
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
}
