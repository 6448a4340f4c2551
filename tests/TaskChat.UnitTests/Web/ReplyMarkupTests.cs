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

    [Fact]
    public void The_agents_list_of_tasks_in_a_sentence_becomes_its_lead_a_list_and_what_follows()
    {
        var blocks = ReplyMarkup.Parse("You have 4 pending tasks: #1 “Buy milk” (due tomorrow, high priority), #2 “Call **mom**”, #3 “Pay, rent” and #7 “Walk the dog” (done). There are more: the Tasks page shows them all.");

        Assert.Equal([ReplyBlockKind.Paragraph, ReplyBlockKind.BulletList, ReplyBlockKind.Paragraph], blocks.Select(b => b.Kind));
        Assert.Equal("You have 4 pending tasks:", Text(blocks[0].Items[0]));
        Assert.Equal(["#1 “Buy milk” (due tomorrow, high priority)", "#2 “Call mom”", "#3 “Pay, rent”", "#7 “Walk the dog” (done)"], blocks[1].Items.Select(Text));
        Assert.Contains(new ReplySpan("mom", true), blocks[1].Items[1]);
        Assert.Equal("There are more: the Tasks page shows them all.", Text(blocks[2].Items[0]));
    }

    [Theory]
    [InlineData("You have 2 pending tasks: #1 “Buy milk” and #2 “Call mom”.")] // Two read well as a sentence.
    [InlineData("Done: #1 “Buy milk”, #2 “Call mom” and #3 “Pay rent” are overdue.")] // Not a list that ends the sentence.
    [InlineData("You have 3 tasks: #1 “Say “hi” twice”, #2 “b” and #3 “c”.")] // A ” in a title: left as written.
    [InlineData("Tasks: 1, 2 and 3.")]
    [InlineData("You have 3 tasks: #1 “<script>alert(1)</script>”, #2 “b” and #3 “c” <img src=x>.")]
    public void Sentences_that_are_not_a_list_of_three_tasks_stay_as_written(string text)
    {
        var block = Assert.Single(ReplyMarkup.Parse(text));

        Assert.Equal(ReplyBlockKind.Paragraph, block.Kind);
        Assert.Equal(text, Text(Assert.Single(block.Items)));
    }

    [Fact]
    public void Markup_in_a_listed_title_stays_text()
    {
        var blocks = ReplyMarkup.Parse("You have 3 tasks: #1 “<img src=x onerror=alert(1)>”, #2 “b” and #3 “c”.");

        Assert.Equal("#1 “<img src=x onerror=alert(1)>”", Text(blocks[1].Items[0]));
        Assert.Equal(2, blocks.Count);
    }

    private static string Text(IReadOnlyList<ReplySpan> spans) => string.Concat(spans.Select(s => s.Text));
}
