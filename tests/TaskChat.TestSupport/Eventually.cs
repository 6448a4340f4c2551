using System.Diagnostics;
using Xunit;

namespace TaskChat.TestSupport;

/// <summary>
/// Waits for something a service does on its own time (a background job, a stream, another process) by looking
/// again and again, and fails the test if it has not happened within the patience. The patience is generous on
/// purpose: it bounds a hung test on a busy machine and is never a timing the test asserts.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PauseBetweenLooks = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> is true; fails the test if it is still false after <paramref name="patience"/>.</summary>
    /// <param name="condition">A look at the state, cheap enough to repeat every 20 ms.</param>
    /// <param name="whatDidNotHappen">The failure, as what did not come true: "the mcp got no request".</param>
    /// <param name="patience">How long to keep looking; a minute unless given.</param>
    public static Task TrueAsync(Func<bool> condition, string whatDidNotHappen, TimeSpan? patience = null) =>
        TrueAsync(() => Task.FromResult(condition()), whatDidNotHappen, patience);

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task TrueAsync(Func<Task<bool>> condition, string whatDidNotHappen, TimeSpan? patience = null)
    {
        var waitAtMost = patience ?? DefaultPatience;
        // Monotonic: a wall-clock change during the test cannot cut the wait short or stretch it.
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) >= waitAtMost)
            {
                Assert.Fail($"{whatDidNotHappen} (waited {waitAtMost.TotalSeconds:0.#} s).");
            }
            await Task.Delay(PauseBetweenLooks);
        }
    }
}
