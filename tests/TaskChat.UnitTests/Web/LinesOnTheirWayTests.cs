using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>
/// Enter pressed in the add box (or a row's tag box) before the line before it was saved: the box then holds the line on
/// its way and what was typed after it, and only what is new waits, in order.
/// </summary>
public sealed class LinesOnTheirWayTests
{
    [Fact]
    public void Each_line_sent_during_a_save_waits_after_the_ones_before_it()
    {
        var lines = new LinesOnTheirWay();
        lines.Saving("milk");
        lines.SentDuringSave("milkeggs");
        lines.SentDuringSave("milkeggs bread ");

        Assert.Equal(2, lines.Waiting);
        Assert.True(lines.Saved(out var second));
        Assert.Equal("eggs", second);
        lines.Saving(second);
        Assert.True(lines.Saved(out var third));
        Assert.Equal("bread", third);
        Assert.False(lines.Saved(out _));
    }

    [Theory]
    [InlineData("milk")] // Enter again, nothing typed after
    [InlineData("  milk  ")] // spaces around count for nothing, as when the line is taken from the box
    public void A_second_Enter_or_a_double_click_with_nothing_new_adds_nothing(string box)
    {
        var lines = new LinesOnTheirWay();
        lines.Saving(" milk ");
        lines.SentDuringSave(box);
        lines.SentDuringSave(box);

        Assert.Equal(0, lines.Waiting);
        Assert.False(lines.Saved(out _));
    }

    /// <summary>
    /// The add box takes its line from the box once it is added and then reloads the list: a line sent in that moment is
    /// read against what the box holds then. Before, it was held against the line already gone and dropped, and the next
    /// line was added stuck to it (ci155: "Water the plantsCall mom").
    /// </summary>
    [Fact]
    public void A_line_sent_after_the_one_being_saved_left_the_box_still_waits_in_order()
    {
        var lines = new LinesOnTheirWay();
        lines.Saving("Pay rent");
        lines.SentDuringSave("Pay rentWater the plants");
        lines.Taken(); // The box: "Water the plants…"
        lines.SentDuringSave("Water the plantsCall mom");
        lines.SentDuringSave("Water the plantsCall mom"); // Enter again, nothing new

        Assert.Equal(2, lines.Waiting);
        Assert.True(lines.Saved(out var second));
        Assert.Equal("Water the plants", second);
        lines.Saving(second);
        Assert.True(lines.Saved(out var third));
        Assert.Equal("Call mom", third);
        Assert.False(lines.Saved(out _));
    }

    [Fact]
    public void A_line_sent_after_the_only_one_left_the_box_waits()
    {
        var lines = new LinesOnTheirWay();
        lines.Saving("milk");
        lines.Taken();
        lines.SentDuringSave("eggs");

        Assert.True(lines.Saved(out var next));
        Assert.Equal("eggs", next);
    }

    [Fact]
    public void A_box_changed_under_the_line_being_saved_keeps_its_text_for_the_user()
    {
        var lines = new LinesOnTheirWay();
        lines.Saving("pay rent");
        lines.SentDuringSave("pay the rent"); // edited in the middle: not "pay rent" followed by a new line

        Assert.Equal(0, lines.Waiting);
    }

    [Fact]
    public void A_line_not_saved_takes_the_ones_waiting_after_it_back()
    {
        var lines = new LinesOnTheirWay();
        lines.Saving("milk");
        lines.SentDuringSave("milk eggs");
        lines.Failed();

        Assert.Equal(0, lines.Waiting);
        Assert.False(lines.Saved(out _));
        lines.Saving("milk"); // sent again by the user: a fresh start
        lines.SentDuringSave("milk eggs");
        Assert.True(lines.Saved(out var next));
        Assert.Equal("eggs", next);
    }

    [Fact]
    public void Without_a_save_on_its_way_the_whole_box_is_the_next_line()
    {
        var lines = new LinesOnTheirWay();
        lines.SentDuringSave(" eggs ");

        Assert.True(lines.Saved(out var next));
        Assert.Equal("eggs", next);
    }
}
