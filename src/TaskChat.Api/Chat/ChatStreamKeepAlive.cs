using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using TaskChat.Contract;

namespace TaskChat.Api.Chat;

/// <summary>
/// A chat stream that has sent nothing for <see cref="Every"/> sends a <c>keep_alive</c> event (data <c>{}</c>), so a
/// client can tell a turn that is still at work (a model thinking, a slow tool) from an api that is gone without
/// closing the connection (a stopped process, a node lost behind a proxy): the web gives up on a stream after three
/// missed ones, where it waited for its client's five-minute timeout. A quick turn sends none.
/// </summary>
public sealed record ChatStreamKeepAlive(TimeSpan Every)
{
    public static ChatStreamKeepAlive Default { get; } = new(TimeSpan.FromSeconds(10));

    private static readonly SseItem<object> KeepAlive = new(new { }, ChatEventNames.KeepAlive);

    /// <summary><paramref name="items"/> as they come, with a keep-alive after every <see cref="Every"/> without one.</summary>
    /// <remarks>
    /// One timer at a time per stream, armed for what is left of the quiet spell, not one per event. The next item is
    /// awaited while a keep-alive is written, so whoever stops reading (the client left) still waits for it here before
    /// the source is disposed: the chat's source ends only once its turn is stored (<see cref="ChatTurnRunner.RunAsync"/>).
    /// </remarks>
    internal async IAsyncEnumerable<SseItem<object>> Between(IAsyncEnumerable<SseItem<object>> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = items.GetAsyncEnumerator(cancellationToken);
        using var ended = new CancellationTokenSource();
        Task<bool>? next = null;
        try
        {
            var quietSince = Stopwatch.GetTimestamp();
            Task? quiet = null;
            next = source.MoveNextAsync().AsTask();
            while (true)
            {
                if (!next.IsCompleted)
                {
                    var left = Every - Stopwatch.GetElapsedTime(quietSince);
                    quiet ??= Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, ended.Token);
                    if (await Task.WhenAny(next, quiet) == quiet)
                    {
                        quiet = null;
                        if (Stopwatch.GetElapsedTime(quietSince) >= Every)
                        {
                            yield return KeepAlive;
                            quietSince = Stopwatch.GetTimestamp();
                        }
                        continue;
                    }
                }
                if (!await next)
                {
                    break;
                }
                yield return source.Current;
                quietSince = Stopwatch.GetTimestamp();
                next = source.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            ended.Cancel(); // The armed timer, if any, goes now rather than in up to Every.
            if (next is not null)
            {
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            await source.DisposeAsync();
        }
    }
}
