using TaskChat.Web.Components.Pages.Chat;

namespace TaskChat.UnitTests.Web;

/// <summary>The chat's reply markup: lists and bold as text runs, everything else as typed (never HTML).</summary>
public sealed class ReplyMarkupTests
{
    [Fact]
    public void A_list_of_tasks_becomes_a_list_between_its_paragraphs()
    {
        var blocks = ReplyMarkup.Parse("You have 3 tasks:\n- #1 Buy milk\n- #2 **Call mom**\n* #3 Pay rent\n\nAnything else?");

        Assert.Equal([ReplyBlockKind.Paragraph, ReplyBlockKind.BulletList, ReplyBlockKind.Paragraph], blocks.Select(b => b.Kind));
        Assert.Equal(["#1 Buy milk", "#2 Call mom", "#3 Pay rent"], blocks[1].Items.Select(Text));
        Assert.Equal([new ReplySpan("#2 ", false), new ReplySpan("Call mom", true)], blocks[1].Items[1]);
        Assert.Equal("Anything else?", Text(blocks[2].Items[0]));
    }

    [Fact]
    public void Numbered_lines_become_a_numbered_list_and_a_change_of_kind_starts_a_new_list()
    {
        var blocks = ReplyMarkup.Parse("1. Eggs\n2) Bread\n- Milk");

        Assert.Equal([ReplyBlockKind.NumberedList, ReplyBlockKind.BulletList], blocks.Select(b => b.Kind));
        Assert.Equal(["Eggs", "Bread"], blocks[0].Items.Select(Text));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("** not bold")]
    [InlineData("a ** b")]
    [InlineData("")]
    public void Anything_that_is_not_a_list_or_bold_stays_exactly_as_typed(string text)
    {
        var blocks = ReplyMarkup.Parse(text);

        Assert.Equal(text, string.Join("\n", blocks.SelectMany(b => b.Items).Select(Text)));
        Assert.DoesNotContain(blocks.SelectMany(b => b.Items).SelectMany(i => i), span => span.Bold);
    }

    [Fact]
    public void Bold_markup_inside_a_title_in_a_sentence_is_bold_and_its_html_is_text()
    {
        var blocks = ReplyMarkup.Parse("Added “**urgent** <b>report</b>” (task 1).");

        var spans = Assert.Single(Assert.Single(blocks).Items);
        Assert.Equal([new ReplySpan("Added “", false), new ReplySpan("urgent", true), new ReplySpan(" <b>report</b>” (task 1).", false)], spans);
    }

    [Fact]
    public void Lines_of_one_paragraph_stay_one_paragraph_and_windows_line_ends_are_lines()
    {
        var blocks = ReplyMarkup.Parse("first line\r\nsecond line");

        Assert.Equal("first line\nsecond line", Text(Assert.Single(Assert.Single(blocks).Items)));
    }

    [Fact]
    public void A_very_long_reply_is_parsed_in_one_pass()
    {
        var text = string.Join("\n", Enumerable.Range(1, 5_000).Select(i => $"- **task** {i}"));

        var blocks = ReplyMarkup.Parse(text);

        Assert.Equal(5_000, Assert.Single(blocks).Items.Count);
    }

    private static string Text(IReadOnlyList<ReplySpan> spans) => string.Concat(spans.Select(s => s.Text));
}
