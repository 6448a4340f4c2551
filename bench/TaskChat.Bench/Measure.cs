using System.Diagnostics;

namespace TaskChat.Bench;

internal sealed record Measurement(int Calls, int InFlight, double MeanMs, double P50Ms, double P95Ms, double CallsPerSecond);

internal static class Measure
{
    public static Task<Measurement> SequentialAsync(int calls, Func<int, Task> call) => ConcurrentAsync(calls, 1, call);

    /// <summary>Runs <paramref name="calls"/> calls, <paramref name="inFlight"/> at a time; latency per call, throughput overall.</summary>
    public static async Task<Measurement> ConcurrentAsync(int calls, int inFlight, Func<int, Task> call)
    {
        var latencies = new double[calls];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        total.Stop();
        Array.Sort(latencies);
        return new Measurement(calls, inFlight, latencies.Average(), latencies[calls / 2], latencies[(int)(calls * 0.95)], calls / total.Elapsed.TotalSeconds);
    }
}
