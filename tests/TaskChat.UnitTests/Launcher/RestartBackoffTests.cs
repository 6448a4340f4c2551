using TaskChat.Launcher.Running;

namespace TaskChat.UnitTests.Launcher;

/// <summary>How long the launcher waits before it starts a crashed service again.</summary>
public sealed class RestartBackoffTests
{
    [Fact]
    public void QuickCrashesWaitTwiceAsLongEachTimeUpToThirtySeconds()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.After(TimeSpan.FromSeconds(2)).TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Fact]
    public void AServiceThatRanForAMinuteStartsAgainFromOneSecond()
    {
        var backoff = new RestartBackoff();
        backoff.After(TimeSpan.FromSeconds(1));
        backoff.After(TimeSpan.FromSeconds(1));
        backoff.After(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.After(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.After(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AShorterLongestWaitStopsTheDoublingThere()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(5));

        var delays = Enumerable.Range(0, 5).Select(_ => backoff.After(TimeSpan.FromSeconds(2)).TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 5, 5], delays);
    }
}
