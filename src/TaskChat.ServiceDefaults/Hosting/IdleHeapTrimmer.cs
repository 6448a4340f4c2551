using Microsoft.Extensions.Hosting;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// Gives back what the GC heap grew to under a burst of requests once the burst is over. The GC
/// collects only when allocations use up its budget, so a service that goes quiet keeps the heap of
/// its busiest moment, dead objects included: after 10,000 mcp calls its last collection had left
/// 37 MB in gen1 (survivors of gen0 collections, long dead, that no gen1 collection had looked at)
/// and 60 MB committed for a live heap of 8 MB. Half a second with almost no allocation after at least
/// <see cref="BurstBytes"/> allocated since the last trim is taken as the end of a burst, and one
/// aggressive collection (it also decommits the free regions) brings the heap back to what is live.
/// A busy service never trims; a quiet one trims once per burst, and light steady traffic (under
/// 512 KB a second) at most once per 32 MB it allocates. docs/performance.md has the figures.
/// </summary>
internal sealed class IdleHeapTrimmer : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    /// <summary>Less than this allocated in a period is quiet: health probes and timers, no requests.</summary>
    private const long QuietBytes = 256 * 1024;

    /// <summary>What must have been allocated since the last trim for another to be worth a full collection.</summary>
    private const long BurstBytes = 32 * 1024 * 1024;

    private long _atLastTrim;
    private long _atLastTick = GC.GetTotalAllocatedBytes();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (IsEndOfBurst(GC.GetTotalAllocatedBytes()))
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
    }

    /// <summary>One period's decision, given the process's total allocated bytes now: a quiet period after a burst.</summary>
    internal bool IsEndOfBurst(long allocated)
    {
        var quiet = allocated - _atLastTick < QuietBytes;
        _atLastTick = allocated;
        if (!quiet || allocated - _atLastTrim < BurstBytes)
        {
            return false;
        }
        _atLastTrim = allocated;
        return true;
    }
}
