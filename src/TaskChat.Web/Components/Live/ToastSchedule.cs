namespace TaskChat.Web.Components.Live;

/// <summary>
/// When each pop-up goes away by itself, as the notifications people know do: a while after it came, but never while
/// the user is on it (the pointer over it, or the focus in it: reading it, or reaching its link by keyboard). Let go,
/// one whose time has passed stays a moment more, so it does not vanish from under the pointer as it leaves.
/// The clock is the caller's: this only keeps the times.
/// </summary>
public sealed class ToastSchedule(TimeSpan shownFor, TimeSpan afterRelease)
{
    private readonly Dictionary<long, DateTimeOffset> _hidesAt = [];
    private bool _hovered;
    private bool _focused;

    public bool Held => _hovered || _focused;

    /// <summary>The earliest time a pop-up is due to go (null: none is, or they are held).</summary>
    public DateTimeOffset? NextDue => Held || _hidesAt.Count == 0 ? null : _hidesAt.Values.Min();

    public void Show(long id, DateTimeOffset now) => _hidesAt.TryAdd(id, now + shownFor);

    public void Forget(long id) => _hidesAt.Remove(id);

    /// <summary>The pointer came over the pop-ups (true) or left them (false); <see cref="Focus"/> the same for the focus.</summary>
    public void Hover(bool over, DateTimeOffset now) => Hold(ref _hovered, over, now);

    public void Focus(bool within, DateTimeOffset now) => Hold(ref _focused, within, now);

    /// <summary>The pop-ups due to go at <paramref name="now"/> (none while held), forgotten here.</summary>
    public IReadOnlyList<long> TakeDue(DateTimeOffset now)
    {
        if (Held)
        {
            return [];
        }
        var due = _hidesAt.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList();
        foreach (var id in due)
        {
            _hidesAt.Remove(id);
        }
        return due;
    }

    private void Hold(ref bool flag, bool on, DateTimeOffset now)
    {
        flag = on;
        if (Held)
        {
            return;
        }
        var last = now + afterRelease;
        foreach (var (id, at) in _hidesAt.Where(kv => kv.Value < last).ToList())
        {
            _hidesAt[id] = last;
        }
    }
}
