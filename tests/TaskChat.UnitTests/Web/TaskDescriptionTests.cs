using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>A description cut into text and links for the tasks page: http(s) addresses only, the sentence around them kept as text.</summary>
public sealed class TaskDescriptionTests
{
    private static string Shown(string description) =>
        string.Concat(TaskText.DescriptionParts(description).Select(p => p.IsLink ? $"[{p.Text}]" : p.Text));

    [Theory]
    [InlineData("Tickets at https://example.org/trains?from=a&to=b", "Tickets at [https://example.org/trains?from=a&to=b]")]
    [InlineData("See http://example.org.", "See [http://example.org].")]
    [InlineData("(details: https://example.org/a)", "(details: [https://example.org/a])")]
    [InlineData("https://en.wikipedia.org/wiki/Tea_(meal) is it", "[https://en.wikipedia.org/wiki/Tea_(meal)] is it")]
    [InlineData("first https://a.example, then HTTPS://B.example!", "first [https://a.example], then [HTTPS://B.example]!")]
    [InlineData("line one\nhttps://example.org\nline three", "line one\n[https://example.org]\nline three")]
    [InlineData("“https://example.org/q”", "“[https://example.org/q]”")]
    public void AWebAddressIsALinkAndTheRestText(string description, string expected) => Assert.Equal(expected, Shown(description));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("click javascript://example.org/%0Aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.org/file")]
    [InlineData("https://")]
    [InlineData("no links here")]
    [InlineData("<script>alert(1)</script>")]
    public void AnythingButAnHttpAddressStaysText(string description)
    {
        var parts = TaskText.DescriptionParts(description);

        Assert.DoesNotContain(parts, p => p.IsLink);
        Assert.Equal(description, string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void MarkupAfterAnAddressIsNotPartOfTheLink()
    {
        var parts = TaskText.DescriptionParts("https://example.org/\"><script>alert(1)</script>");

        Assert.Equal(new TaskText.DescriptionPart("https://example.org/", IsLink: true), parts[0]);
        Assert.Equal("\"><script>alert(1)</script>", parts[1].Text);
        Assert.False(parts[1].IsLink);
    }

    [Fact]
    public void AVeryLongAddressIsOneLink()
    {
        var address = "https://example.org/" + new string('a', 1500);

        var parts = TaskText.DescriptionParts($"see {address}");

        Assert.Equal([new("see ", false), new(address, true)], parts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NoDescriptionIsNoParts(string? description) => Assert.Empty(TaskText.DescriptionParts(description));
}
