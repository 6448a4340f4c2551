using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// A page's Blazor circuit over a slow network: every WebSocket frame, both ways, is held for <see cref="Latency"/>
/// (in order) by a relay Playwright puts between the page and the web. A slow connection is a property of the
/// network, not of the server, so it is made there, in the test alone: the product runs as it ships (the launcher's
/// processes), with nothing test-only inside it.
/// </summary>
public sealed class SlowCircuit
{
    private readonly Lane _toServer = new();
    private readonly Lane _toPage = new();
    /// <summary>The renders sent and applied on the page's current circuit (a new one starts at zero: a page left never acknowledges its last).</summary>
    private StrongBox<int>[] _current = [new(), new()];

    private SlowCircuit()
    {
    }

    /// <summary>How long each frame takes one way; zero passes frames on at once. Applies to frames from now on.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Relays <paramref name="page"/>'s circuits from its next one on (set before the page opens the app).</summary>
    public static async Task<SlowCircuit> OnAsync(IPage page)
    {
        var circuit = new SlowCircuit();
        await page.RouteWebSocketAsync(url => url.Contains("/_blazor", StringComparison.Ordinal), circuit.Relay);
        return circuit;
    }

    /// <summary>
    /// Waits until nothing is on its way either way and the page has applied every render the server sent (the page
    /// acknowledges each with OnRenderCompleted): what the server rendered last is what the page shows. Conditions,
    /// not times: a test that waits for this passes on a slow machine.
    /// </summary>
    public async Task IdleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(_toServer.Empty && _toPage.Empty && Volatile.Read(ref _current[1].Value) >= Volatile.Read(ref _current[0].Value)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The circuit did not settle: {_toServer.Count} frames to the server, {_toPage.Count} to the page, {_current[0].Value - _current[1].Value} renders not applied.");
            }
            await Task.Delay(20);
        }
    }

    private void Relay(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        StrongBox<int>[] counts = [new(), new()];
        _current = counts;
        page.OnMessage(frame =>
        {
            Interlocked.Add(ref counts[1].Value, Count(frame, "OnRenderCompleted"));
            _toServer.Enqueue(frame, Latency, server);
        });
        server.OnMessage(frame =>
        {
            Interlocked.Add(ref counts[0].Value, Count(frame, "JS.RenderBatch"));
            _toPage.Enqueue(frame, Latency, page);
        });
    }

    /// <summary>How many of a frame's messages name <paramref name="target"/> (the binary protocol keeps names as UTF-8; one frame may carry several).</summary>
    private static int Count(IWebSocketFrame frame, string target)
    {
        var text = frame.Text ?? (frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : "");
        var count = 0;
        for (var at = text.IndexOf(target, StringComparison.Ordinal); at >= 0; at = text.IndexOf(target, at + target.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>One direction: frames passed on in the order they came, each once its latency has passed.</summary>
    private sealed class Lane
    {
        private readonly Channel<(IWebSocketFrame Frame, DateTime Due, IWebSocketRoute To)> _frames = Channel.CreateUnbounded<(IWebSocketFrame, DateTime, IWebSocketRoute)>();
        private int _count;

        public Lane() => _ = Task.Run(PassOnAsync);

        public int Count => Volatile.Read(ref _count);

        public bool Empty => Count == 0;

        public void Enqueue(IWebSocketFrame frame, TimeSpan latency, IWebSocketRoute to)
        {
            Interlocked.Increment(ref _count);
            _frames.Writer.TryWrite((frame, DateTime.UtcNow + latency, to));
        }

        private async Task PassOnAsync()
        {
            await foreach (var (frame, due, to) in _frames.Reader.ReadAllAsync())
            {
                if (due - DateTime.UtcNow is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }
                try
                {
                    if (frame.Binary is { } bytes)
                    {
                        to.Send(bytes);
                    }
                    else
                    {
                        to.Send(frame.Text ?? "");
                    }
                }
                catch (PlaywrightException)
                {
                    // The page or its socket is gone (the test ended, the page navigated away): nothing to deliver to.
                }
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
