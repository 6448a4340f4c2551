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
/// The little Markdown a chat reply uses: paragraphs (a line break kept as one), "- " / "* " / "1. " lists and **bold**,
/// and the offline agent's lists of tasks written as a sentence, shown as a list (<see cref="Enumeration"/>). It
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
            else if (Enumeration(line) is { } enumerated)
            {
                // "You have 5 pending tasks: #1 “…”, #2 “…” and #3 “…”.": the tasks one a line, as the list they are.
                FlushParagraph();
                FlushList();
                blocks.AddRange(enumerated);
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

    /// <summary>Lists of this many tasks or more, written in a sentence, are shown as a list; two read well as a sentence.</summary>
    private const int EnumeratedAtLeast = 3;

    /// <summary>
    /// A sentence that lists tasks after a colon the way the offline agent writes them ("#1 “Buy milk” (due tomorrow)",
    /// separated by ", " and " and "), as its lead, the tasks as a bulleted list, and what follows the list; null for any
    /// other line, which stays as typed. A title that breaks the pattern (a ” in it) leaves the sentence as it was.
    /// </summary>
    private static List<ReplyBlock>? Enumeration(string line)
    {
        var lead = LeadToTasks().Match(line);
        if (!lead.Success)
        {
            return null;
        }
        var tasks = Tasks().Match(line, lead.Length);
        if (!tasks.Success || tasks.Groups["item"].Captures.Count < EnumeratedAtLeast)
        {
            return null;
        }
        List<ReplyBlock> blocks =
        [
            new(ReplyBlockKind.Paragraph, [Spans(lead.Groups["lead"].Value)]),
            new(ReplyBlockKind.BulletList, [.. tasks.Groups["item"].Captures.Select(c => Spans(c.Value))]),
        ];
        var rest = tasks.Groups["rest"].Value.TrimStart('.').Trim();
        if (rest.Length > 0)
        {
            blocks.AddRange(Enumeration(rest) ?? [new(ReplyBlockKind.Paragraph, [Spans(rest)])]);
        }
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

    [GeneratedRegex(@"^(?<lead>.*?:)\s+(?=#\d+ “)")]
    private static partial Regex LeadToTasks();

    private const string TaskItem = @"#\d+ “[^”]*”(?: \([^()]*\))?";

    // From the lead's end: the tasks, then a full stop (or the end of the line) and whatever follows.
    [GeneratedRegex(@"\G(?<item>" + TaskItem + @")(?:(?:, and |, | and )(?<item>" + TaskItem + @"))*(?<rest>(?:\..*)?)$")]
    private static partial Regex Tasks();

    [GeneratedRegex(@"\*\*(?<text>[^*\n]+?)\*\*")]
    private static partial Regex BoldPair();
}
