using System.Text.RegularExpressions;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>A run of reply text, bold or not.</summary>
public sealed record ReplySpan(string Text, bool Bold);

/// <summary>A paragraph (one item) or a list (bulleted or numbered, one item per line).</summary>
public sealed record ReplyBlock(ReplyBlockKind Kind, IReadOnlyList<IReadOnlyList<ReplySpan>> Items);

public enum ReplyBlockKind
{
    Paragraph,
    BulletList,
    NumberedList,
}

/// <summary>
/// The little Markdown a chat reply uses: paragraphs, "- " / "* " / "1. " lists and **bold**. It
/// produces text runs, never HTML: <see cref="ReplyText"/> renders them as elements whose content
/// Blazor escapes, so no markup from a model or a task title can ever reach the page as markup.
/// (Markdig could render more, but its output is an HTML string to trust; links, images and raw
/// HTML are what a task reply must not have.)
/// </summary>
public static partial class ReplyMarkup
{
    public static IReadOnlyList<ReplyBlock> Parse(string text)
    {
        List<ReplyBlock> blocks = [];
        List<string> paragraph = [];
        List<IReadOnlyList<ReplySpan>> items = [];
        var listKind = ReplyBlockKind.Paragraph;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new ReplyBlock(ReplyBlockKind.Paragraph, [Spans(string.Join("\n", paragraph))]));
                paragraph.Clear();
            }
        }
        void FlushList()
        {
            if (items.Count > 0)
            {
                blocks.Add(new ReplyBlock(listKind, [.. items]));
                items.Clear();
            }
        }

        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var bullet = Bullet().Match(line);
            var numbered = Numbered().Match(line);
            if (bullet.Success || numbered.Success)
            {
                FlushParagraph();
                var kind = bullet.Success ? ReplyBlockKind.BulletList : ReplyBlockKind.NumberedList;
                if (kind != listKind)
                {
                    FlushList();
                    listKind = kind;
                }
                items.Add(Spans((bullet.Success ? bullet : numbered).Groups["item"].Value));
            }
            else if (line.Length == 0)
            {
                FlushParagraph();
                FlushList();
            }
            else
            {
                FlushList();
                paragraph.Add(line);
            }
        }
        FlushParagraph();
        FlushList();
        return blocks;
    }

    /// <summary>Splits on **bold** pairs; an unpaired ** stays as it was typed.</summary>
    private static List<ReplySpan> Spans(string text)
    {
        List<ReplySpan> spans = [];
        var at = 0;
        foreach (Match bold in BoldPair().Matches(text))
        {
            if (bold.Index > at)
            {
                spans.Add(new ReplySpan(text[at..bold.Index], false));
            }
            spans.Add(new ReplySpan(bold.Groups["text"].Value, true));
            at = bold.Index + bold.Length;
        }
        if (at < text.Length)
        {
            spans.Add(new ReplySpan(text[at..], false));
        }
        return spans;
    }

    [GeneratedRegex(@"^[-*•]\s+(?<item>.+)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+(?<item>.+)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\*\*(?<text>[^*\n]+?)\*\*")]
    private static partial Regex BoldPair();
}
