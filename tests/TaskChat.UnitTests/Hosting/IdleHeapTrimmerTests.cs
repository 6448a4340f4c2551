using System.Runtime.InteropServices;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.UnitTests.Hosting;

/// <summary>
/// When the idle trim collects: after a burst of allocation, in the first quiet half second, once;
/// never while requests keep the service allocating.
/// </summary>
public sealed class IdleHeapTrimmerTests
{
    private const long MB = 1024 * 1024;
    private const long KB = 1024;

    [Fact]
    public void AQuietPeriodAfterABurstTrimsOnceAndTheNextQuietPeriodsDoNot()
    {
        using var trimmer = new IdleHeapTrimmer();
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
        using var trimmer = new IdleHeapTrimmer();
        var allocated = GC.GetTotalAllocatedBytes();

        for (var period = 0; period < 1000; period++)
        {
            Assert.False(trimmer.IsEndOfBurst(allocated += MB));
        }
    }

    [Fact]
    public void QuietPeriodsWithoutABurstDoNotTrim()
    {
        using var trimmer = new IdleHeapTrimmer();
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
        using var trimmer = new IdleHeapTrimmer();
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
