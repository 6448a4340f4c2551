using TaskChat.Web.Components.Live;

namespace TaskChat.UnitTests.Web;

/// <summary>Reminder pop-ups go away by themselves after a while, but never from under the pointer or the focus.</summary>
public sealed class ToastScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ShownFor = TimeSpan.FromSeconds(18);
    private static readonly TimeSpan AfterRelease = TimeSpan.FromSeconds(4);

    [Fact]
    public void Each_pop_up_goes_once_its_time_is_up()
    {
        var schedule = new ToastSchedule(ShownFor, AfterRelease);
        schedule.Show(1, Start);
        schedule.Show(2, Start.AddSeconds(5));

        Assert.Equal(Start + ShownFor, schedule.NextDue);
        Assert.Empty(schedule.TakeDue(Start.AddSeconds(17)));
        Assert.Equal([1L], schedule.TakeDue(Start.AddSeconds(18)));
        Assert.Equal(Start.AddSeconds(23), schedule.NextDue);
        Assert.Equal([2L], schedule.TakeDue(Start.AddSeconds(23)));
        Assert.Null(schedule.NextDue);
    }

    [Fact]
    public void Nothing_goes_while_hovered_or_focused_and_a_moment_after_it_is_let_go()
    {
        var schedule = new ToastSchedule(ShownFor, AfterRelease);
        schedule.Show(1, Start);
        schedule.Hover(true, Start.AddSeconds(2));
        schedule.Focus(true, Start.AddSeconds(3));

        Assert.True(schedule.Held);
        Assert.Null(schedule.NextDue);
        Assert.Empty(schedule.TakeDue(Start.AddMinutes(5)));

        schedule.Hover(false, Start.AddMinutes(5));
        Assert.Empty(schedule.TakeDue(Start.AddMinutes(5))); // The focus is still in it.
        schedule.Focus(false, Start.AddMinutes(6));

        Assert.Equal(Start.AddMinutes(6) + AfterRelease, schedule.NextDue);
        Assert.Empty(schedule.TakeDue(Start.AddMinutes(6).AddSeconds(3)));
        Assert.Equal([1L], schedule.TakeDue(Start.AddMinutes(6) + AfterRelease));
    }

    [Fact]
    public void A_pop_up_shown_again_keeps_its_time_and_one_forgotten_is_never_due()
    {
        var schedule = new ToastSchedule(ShownFor, AfterRelease);
        schedule.Show(1, Start);
        schedule.Show(1, Start.AddSeconds(10));
        schedule.Show(2, Start);
        schedule.Forget(2);

        Assert.Equal([1L], schedule.TakeDue(Start + ShownFor));
    }

    /// <summary>The tasks page's undo bar: one line at a time, 8 s shown, and 8 s again from when it is let go.</summary>
    [Fact]
    public void The_undo_bars_line_gets_its_full_time_again_once_let_go_and_a_newer_line_its_own()
    {
        var eight = TimeSpan.FromSeconds(8);
        var schedule = new ToastSchedule(eight, afterRelease: eight);
        schedule.Show(1, Start);
        schedule.Hover(true, Start.AddSeconds(2));
        schedule.Hover(false, Start.AddSeconds(3));

        Assert.Equal(Start.AddSeconds(11), schedule.NextDue); // 8 s from the release, not the 8 s from the start.
        schedule.Forget(1);
        schedule.Show(2, Start.AddSeconds(5)); // A newer action replaces the line.
        Assert.Equal(Start.AddSeconds(13), schedule.NextDue);
        schedule.Focus(true, Start.AddSeconds(6));
        Assert.Empty(schedule.TakeDue(Start.AddMinutes(1)));
        schedule.Focus(false, Start.AddMinutes(1));
        Assert.Empty(schedule.TakeDue(Start.AddMinutes(1).AddSeconds(7)));
        Assert.Equal([2L], schedule.TakeDue(Start.AddMinutes(1) + eight));
    }
}
