using TaskChat.Contract;
using TaskChat.Web.Api;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// The add box's line read by the api while the user types: once typing pauses (<see cref="Pause"/>), never per key and
/// never holding up the next key. Only the newest line's answer counts; an older one that comes late is dropped.
/// </summary>
internal sealed class LineReading(ApiClient api, TimeProvider clock) : IDisposable
{
    /// <summary>How long the box waits after the last key before it asks.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    private CancellationTokenSource? _pending;

    /// <summary>The reading of <see cref="Text"/>, null while none has come (or the line is empty, or the api failed).</summary>
    public ParsedTask? Current { get; private set; }

    public string Text { get; private set; } = "";

    private string Keep { get; set; } = "";

    /// <summary>
    /// The line or the parts to keep changed: forgets the old reading at once (it no longer says what Add would add) and
    /// asks for the new one after the pause. True when a new reading came, to be shown.
    /// </summary>
    public async Task<bool> ChangedAsync(string text, IReadOnlyList<string> keep)
    {
        var key = string.Join(",", keep.Order(StringComparer.Ordinal));
        if (text == Text && key == Keep)
        {
            return false;
        }
        (Text, Keep, Current) = (text, key, null);
        // Cancelled, never disposed here: the call that made it may still be using its token; that call disposes it.
        _pending?.Cancel();
        _pending = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > TaskLineParts.MaxTextLength)
        {
            return false;
        }
        using var pending = _pending = new CancellationTokenSource();
        try
        {
            await Task.Delay(Pause, clock, pending.Token);
            return await AskAsync(text, keep, key, pending.Token) is not null;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            if (_pending == pending)
            {
                _pending = null;
            }
        }
    }

    /// <summary>
    /// The reading of <paramref name="text"/> for Add: the one shown, else asked for now; null when none comes (the api
    /// failed, or did not answer within an ordinary call's limit, <see cref="ApiClient.DefaultCallTimeout"/>).
    /// </summary>
    /// <remarks>
    /// Add waits for the reading as long as it would wait for the add itself, which goes to the same api: a reading that is
    /// slow means an api that is slow, and the add would not be sooner. Giving up on it after 1.5 s (before session 45)
    /// turned "pay rent friday 9am #home", added while the api was busy or waking, into a task titled so once the api
    /// answered the add (found by hand, the api stopped for a few seconds under the page).
    /// </remarks>
    public async Task<ParsedTask?> ForAddAsync(string text, IReadOnlyList<string> keep)
    {
        var key = string.Join(",", keep.Order(StringComparer.Ordinal));
        if (text == Text && key == Keep && Current is not null)
        {
            return Current;
        }
        if (string.IsNullOrWhiteSpace(text) || text.Length > TaskLineParts.MaxTextLength)
        {
            return null;
        }
        return await AskAsync(text, keep, key, CancellationToken.None);
    }

    private async Task<ParsedTask?> AskAsync(string text, IReadOnlyList<string> keep, string key, CancellationToken cancellationToken)
    {
        try
        {
            var reading = await api.ParseTaskAsync(new ParseTaskRequest(text, [.. keep]), cancellationToken);
            if (text == Text && key == Keep)
            {
                Current = reading;
            }
            return reading;
        }
        catch (Exception e) when (e is HttpRequestException or ApiException or OperationCanceledException)
        {
            // The preview is a help: without it the line is added as typed, and the page's own calls say when the api is down.
            return null;
        }
    }

    public void Dispose() => _pending?.Cancel();
}
