namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// The lines of one box sent with Enter while an earlier one is still being saved (the add box's tasks, a row's tags).
/// Blazor Server runs the next event while a handler awaits, and the box keeps the line being saved until it is answered
/// (<see cref="TypedLine"/> then takes it from the front), so on a slow connection "milk⏎eggs⏎" reaches the server as two
/// submits of "milk" and "milkeggs". Dropping the second left “eggs” unsaved in the box (found by hand, session 42); running
/// it at once saved "milkeggs". Here the second is "eggs", saved when "milk" is, and a submit with nothing new after the
/// lines on their way (a second Enter, a double-click) is nothing.
/// </summary>
internal sealed class LinesOnTheirWay
{
    private readonly Queue<string> _waiting = new();
    private string _saving = "";

    /// <summary>Lines waiting for the one being saved.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>The line now being saved, as the box holds it (its spaces around do not count).</summary>
    public void Saving(string line) => _saving = line.Trim();

    /// <summary>
    /// A submit while a line is being saved: what <paramref name="box"/> holds after that line and the ones already waiting
    /// waits after them. A box that no longer starts with them (the user changed it) keeps its text for the user to send.
    /// </summary>
    public void SentDuringSave(string box)
    {
        var rest = box;
        foreach (var line in _waiting.Prepend(_saving))
        {
            rest = rest.TrimStart();
            if (!rest.StartsWith(line, StringComparison.Ordinal))
            {
                return;
            }
            rest = rest[line.Length..];
        }
        if (rest.Trim() is { Length: > 0 } next)
        {
            _waiting.Enqueue(next);
        }
    }

    /// <summary>
    /// The line being saved was taken from the front of the box (<see cref="TypedLine"/>) before its save ended (the add box
    /// still reloads the list): the box now starts with the lines waiting, and a submit meanwhile is read against them alone.
    /// Before, it was held against the line already gone, counted as a box the user had changed, and not queued: "Water the
    /// plants" stayed in the box and the next line was added stuck to it, "Water the plantsCall mom" (ci155, on a slow circuit).
    /// </summary>
    public void Taken() => _saving = "";

    /// <summary>The line being saved was answered; the next one waiting, if any, is to be saved now.</summary>
    public bool Saved(out string next)
    {
        _saving = "";
        return _waiting.TryDequeue(out next!);
    }

    /// <summary>The line being saved was not (or the box was changed under it): it and the lines after it stay in the box.</summary>
    public void Failed()
    {
        _saving = "";
        _waiting.Clear();
    }
}
