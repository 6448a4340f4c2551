using TaskChat.Web.Tokens;

namespace TaskChat.UnitTests.Authentication;

/// <summary>When the web creates its next signing key, when keys sign, and how long they stay published.</summary>
public sealed class KeyScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly KeySchedule Monthly = KeySchedule.ForRotationDays(30);

    [Fact]
    public void WithoutKeysTheFirstSignsAtOnce()
    {
        var first = Monthly.NextKey(newest: null, T0);

        Assert.Equal(new KeyWindow(T0, T0.AddDays(30), T0.AddDays(30).AddMinutes(15).AddSeconds(30)), first);
        Assert.True(first!.SignsAt(T0));
    }

    [Fact]
    public void TheSuccessorIsDueADayBeforeTheRotationAndSignsFromIt()
    {
        var current = Monthly.WindowFrom(T0);

        Assert.Null(Monthly.NextKey(current, T0.AddDays(29).AddSeconds(-1)));
        var next = Monthly.NextKey(current, T0.AddDays(29));

        Assert.Equal(Monthly.WindowFrom(T0.AddDays(30)), next);
        Assert.False(next!.SignsAt(T0.AddDays(29)));
        Assert.True(next.IsPublishedAt(T0.AddDays(29)));
        Assert.True(next.SignsAt(T0.AddDays(30)));
        Assert.False(current.SignsAt(T0.AddDays(30)));
    }

    [Fact]
    public void APublishedSuccessorIsEnough()
    {
        var successor = Monthly.WindowFrom(T0.AddDays(30));

        Assert.Null(Monthly.NextKey(successor, T0.AddDays(29).AddHours(1)));
        Assert.Null(Monthly.NextKey(successor, T0.AddDays(30).AddHours(1)));
    }

    [Fact]
    public void ARetiredKeyStaysPublishedForATokenLifetimePlusSkew()
    {
        var current = Monthly.WindowFrom(T0);
        var lastToken = current.RetiresAt.AddTicks(-1);

        Assert.True(current.IsPublishedAt(lastToken + Monthly.TokenLifetime + Monthly.ClockSkew - TimeSpan.FromTicks(1)));
        Assert.False(current.IsPublishedAt(current.RetiresAt + Monthly.TokenLifetime + Monthly.ClockSkew));
    }

    [Fact]
    public void AfterAGapTheNextKeySignsAtOnce()
    {
        var stale = Monthly.WindowFrom(T0);
        var later = T0.AddDays(90);

        Assert.Equal(Monthly.WindowFrom(later), Monthly.NextKey(stale, later));
    }

    [Theory]
    [InlineData(1, 12)]
    [InlineData(2, 24)]
    [InlineData(30, 24)]
    [InlineData(365, 24)]
    public void ThePublishLeadIsADayOrHalfAShortPeriod(int days, int leadHours)
    {
        var schedule = KeySchedule.ForRotationDays(days);

        Assert.Equal(TimeSpan.FromDays(days), schedule.RotationPeriod);
        Assert.Equal(TimeSpan.FromHours(leadHours), schedule.PublishLead);
        Assert.Equal(TimeSpan.FromMinutes(15), schedule.TokenLifetime);
    }
}
