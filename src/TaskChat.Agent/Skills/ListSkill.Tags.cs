using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// How a tag's list is asked for: "what's on my work list?", "what's in home", "show my travel tasks", "work tasks".
/// </summary>
internal sealed partial class ListSkill
{
    // Words after "what's in" that are no tag's name: "what's in there?", "what's in it?", "what's in store?".
    private static readonly HashSet<string> NotAfterIn = ["there", "here", "it", "that", "this", "them", "store", "stock", "mind", "general", "total", "case", "time", "front"];

    [GeneratedRegex(@"^(?:(?:what'?s|what is|show|show me|list|display|whats|how many)\s+)?(?:(?:on|in)\s+)?(?:(?:my|the)\s+)?(?:#(?<tag>[\w-]+)(?:\s+(?:tasks|list|items))?|(?<tag>[\w-]+(?:\s+[\w-]+)?)\s+list|(?:all\s+(?:(?:my|the)\s+)?)?(?:tasks|items|everything|anything|things|stuff)\s+(?:are\s+|is\s+|that'?s\s+|that\s+(?:is|are)\s+|do\s+i\s+have\s+)?(?:tagged|labelled|labeled)\s+(?:as\s+)?#?(?<tag>[\w-]+)|tagged\s+#?(?<tag>[\w-]+))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagList();

    [GeneratedRegex(@"^(?:what'?s|what is|whats|show(?:\s+me)?\s+what'?s)\s+in\s+#?(?<tag>\p{L}[\p{L}\p{N}_-]{0,31})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InTag();

    [GeneratedRegex(@"^(?:show(?:\s+me)?|list|display|what are|what(?:'s|s| is)|whats)\s+(?:all\s+)?(?:of\s+)?(?:my|the)\s+(?<tag>[\w-]+)\s+(?:tasks|items|todos|to-dos|things|stuff)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MyTagTasks();

    [GeneratedRegex(@"^(?:(?:show(?:\s+me)?|list|display)\s+)?(?<tag>[\w-]+)\s+(?:tasks|items|todos|to-dos|things|stuff)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagThenList();
}
