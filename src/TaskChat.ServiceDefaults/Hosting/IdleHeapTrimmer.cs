using System.Runtime.InteropServices;
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
/// 512 KB a second) at most once per 32 MB it allocates. The start-up counts as a burst whatever it
/// allocated: the first quiet half second after the host has started trims what the start left (the
/// web's idle RSS 147 → 140 MB, the mcp's and the api's 2–3 MB less). After the collection it asks
/// glibc to give back the native memory freed meanwhile (<see cref="TrimNativeHeap"/>).
/// docs/performance.md has the figures.
/// </summary>
internal sealed partial class IdleHeapTrimmer(IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    /// <summary>Less than this allocated in a period is quiet: health probes and timers, no requests.</summary>
    private const long QuietBytes = 256 * 1024;

    /// <summary>What must have been allocated since the last trim for another to be worth a full collection.</summary>
    private const long BurstBytes = 32 * 1024 * 1024;

    /// <summary>Off where there is no glibc (Windows, macOS; Alpine's musl has no malloc_trim).</summary>
    private static bool s_nativeTrimAvailable = OperatingSystem.IsLinux();

    private long _atLastTick = GC.GetTotalAllocatedBytes();

    /// <summary>Null until the first trim, the start-up's.</summary>
    private long? _atLastTrim;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Counting from the end of the start: a trim while the host still starts would only delay it.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            _atLastTick = GC.GetTotalAllocatedBytes();
            using var timer = new PeriodicTimer(Period);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (IsEndOfBurst(GC.GetTotalAllocatedBytes()))
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    TrimNativeHeap();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. A host whose start failed (its port taken) is disposed without being stopped, and logged this
            // cancellation as the trimmer crashing ("BackgroundService failed", critical) beside the real reason.
        }
    }

    /// <summary>
    /// glibc's malloc_trim(0): memory that native code (the JIT's scratch space, the TLS and database
    /// drivers' buffers) freed during the burst stays in malloc's per-thread arenas, counted in RSS,
    /// until it is asked for back. It took 2 MB (mcp), 6–8 MB (api) and 2–3 MB (web) more off what
    /// 10,000 calls left behind (docs/performance.md). A few milliseconds, once per burst.
    /// </summary>
    /// <returns>Whether glibc was asked (false where there is none).</returns>
    internal static bool TrimNativeHeap()
    {
        if (!s_nativeTrimAvailable)
        {
            return false;
        }
        try
        {
            _ = MallocTrim(0); // 1 when memory went back, 0 when none was free: both are fine.
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_nativeTrimAvailable = false;
            return false;
        }
    }

    // libc.so.6, glibc's own name: the bare "libc.so" is a linker script, present only where the C headers are installed.
    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int MallocTrim(nuint pad);

    /// <summary>
    /// One period's decision, given the process's total allocated bytes now: a quiet period after a
    /// burst, the start-up being the first (its heap is small, so that collection takes milliseconds).
    /// </summary>
    internal bool IsEndOfBurst(long allocated)
    {
        var quiet = allocated - _atLastTick < QuietBytes;
        _atLastTick = allocated;
        if (!quiet || (_atLastTrim is { } last && allocated - last < BurstBytes))
        {
            return false;
        }
        _atLastTrim = allocated;
        return true;
    }
}
