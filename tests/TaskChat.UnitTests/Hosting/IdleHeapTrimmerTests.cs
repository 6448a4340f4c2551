using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.UnitTests.Hosting;

/// <summary>
/// When the idle trim collects: after a burst of allocation, in the first quiet half second, once;
/// never while requests keep the service allocating; and once the start is over, whatever it allocated.
/// </summary>
public sealed class IdleHeapTrimmerTests
{
    private const long MB = 1024 * 1024;
    private const long KB = 1024;

    /// <summary>Its lifetime never signals ApplicationStarted: the decisions are tested directly.</summary>
    private static IdleHeapTrimmer NewTrimmer() => new(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));

    [Fact]
    public void TheFirstQuietPeriodTrimsWhatTheStartLeftHoweverLittleItAllocated()
    {
        using var trimmer = NewTrimmer();
        var allocated = GC.GetTotalAllocatedBytes();

        Assert.False(trimmer.IsEndOfBurst(allocated += 5 * MB)); // the last of the start
        Assert.True(trimmer.IsEndOfBurst(allocated += 10 * KB)); // quiet: 5 MB is no burst, but the start is
        Assert.False(trimmer.IsEndOfBurst(allocated += 10 * KB));
        Assert.False(trimmer.IsEndOfBurst(allocated += 5 * MB));
        Assert.False(trimmer.IsEndOfBurst(allocated += 10 * KB)); // and after it, only a burst's worth counts
    }

    [Fact]
    public async Task ItWaitsForTheHostToHaveStartedAndStopsCleanlyIfItNeverDoes()
    {
        using var trimmer = NewTrimmer();

        await trimmer.StartAsync(CancellationToken.None);
        Assert.NotNull(trimmer.ExecuteTask);
        Assert.False(trimmer.ExecuteTask.IsCompleted); // still waiting for the start

        await trimmer.StopAsync(CancellationToken.None);
        // The wait ended by the stop, without an error: the task is cancelled, or ends normally when the trimmer's own catch
        // of the stopping cancellation ran (it asserted IsCanceled, which failed once in CI in session 20).
        Assert.True(trimmer.ExecuteTask.IsCompleted);
        Assert.False(trimmer.ExecuteTask.IsFaulted);
    }

    [Fact]
    public void AQuietPeriodAfterABurstTrimsOnceAndTheNextQuietPeriodsDoNot()
    {
        using var trimmer = NewTrimmer();
        var allocated = GC.GetTotalAllocatedBytes();

        Assert.False(trimmer.IsEndOfBurst(allocated += 20 * MB)); // busy
        Assert.False(trimmer.IsEndOfBurst(allocated += 20 * MB)); // still busy: 40 MB so far
        Assert.True(trimmer.IsEndOfBurst(allocated += 10 * KB)); // quiet: the burst is over
        Assert.False(trimmer.IsEndOfBurst(allocated += 10 * KB));
        Assert.False(trimmer.IsEndOfBurst(allocated += 10 * KB));
    }

    [Fact]
    public void ABusyServiceNeverTrims()
    {
        using var trimmer = NewTrimmer();
        var allocated = GC.GetTotalAllocatedBytes();

        for (var period = 0; period < 1000; period++)
        {
            Assert.False(trimmer.IsEndOfBurst(allocated += MB));
        }
    }

    [Fact]
    public void QuietPeriodsWithoutABurstDoNotTrim()
    {
        using var trimmer = NewTrimmer();
        var allocated = GC.GetTotalAllocatedBytes();
        trimmer.IsEndOfBurst(allocated += 40 * MB);
        Assert.True(trimmer.IsEndOfBurst(allocated += KB)); // what start-up allocated

        // Health probes and timers: 100 KB a period, 31 MB in all, never a burst's worth.
        for (var period = 0; period < 31 * 10; period++)
        {
            Assert.False(trimmer.IsEndOfBurst(allocated += 100 * KB));
        }
    }

    [Fact]
    public void LightSteadyTrafficTrimsAtMostOncePer32MegabytesAllocated()
    {
        using var trimmer = NewTrimmer();
        var allocated = GC.GetTotalAllocatedBytes();
        trimmer.IsEndOfBurst(allocated += 64 * MB);
        trimmer.IsEndOfBurst(allocated += KB); // the start's trim

        var trims = 0;
        for (var period = 0; period < 1280; period++) // 250 KB a period, 312.5 MB in all
        {
            trims += trimmer.IsEndOfBurst(allocated += 250 * KB) ? 1 : 0;
        }

        Assert.InRange(trims, 9, 10);
    }

    [Fact]
    public void TheNativeHeapIsTrimmedOnLinuxWithGlibcAndSkippedElsewhere()
    {
        // The test machines and the images (the aspnet base image, Ubuntu or Debian) run glibc; elsewhere the trim is a no-op, never an error.
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

        Assert.Equal(glibc, IdleHeapTrimmer.TrimNativeHeap());
        Assert.Equal(glibc, IdleHeapTrimmer.TrimNativeHeap()); // and again: nothing is used up
    }
}
