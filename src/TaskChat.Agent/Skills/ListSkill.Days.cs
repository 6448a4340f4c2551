using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// How days and spans are asked about: "what's due this week?", "what's on saturday?", "what's due by friday?", "anything due
/// soon?", "how's my week looking?", "what did I finish yesterday?".
/// </summary>
internal sealed partial class ListSkill
{
    // "anything due soon?", "what do I have coming up soon?": every word one of these, so "is the milk due soon?" names a task.
    private static readonly HashSet<string> SoonQuestionWords =
        ["what", "whats", "is", "are", "anything", "any", "there", "tasks", "things", "stuff", "due", "coming", "up", "happening", "do", "i", "have",
         "got", "show", "me", "my", "list", "soon"];

    [GeneratedRegex(@"\b(?:did i|have i|i)\s+(?:finish|finished|complete|completed|do|done|get done|tick off|check off)\b.*\b(?<when>yesterday|today|this week|last week)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinishedWhen();

    [GeneratedRegex(@"\b(?:due|for|have|on my plate|to do|on|about|happening|planned|scheduled|coming up|going on)\b.*?\b(?<range>" + DueFilter.RangePattern + @")\b|^(?<range>today|tomorrow)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DueRange();

    // A span named as a list: "this week's tasks", "today's to-dos", "show this week", "show me all of next week's tasks".
    [GeneratedRegex(@"^(?:(?:show|list|display)(?:\s+me)?\s+(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?<range>" + DueFilter.RangePattern + @")(?:'s|s)?(?:\s+" + ListNouns + @")?|(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?<range>" + DueFilter.RangePattern + @")(?:'s|s)?\s+" + ListNouns + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeTasks();

    private const string ListNouns = @"(?:tasks|to-?dos|items|things|stuff|list|plan|agenda|schedule)";

    // How a question about days begins: "what's …", "do I have anything …", "show me …".
    // "am I free friday?", "am I busy tomorrow?": what that day holds (before: not understood).
    private const string DayQuestion = @"(?:what(?:'s|s| is)|whats|what do i have|what have i got|do i have anything|is there anything|anything|show(?:\s+me)?|list|am i (?:free|busy)|how busy am i)";

    [GeneratedRegex("^" + DayQuestion + @"\b.*?\b(?:in\s+|for\s+|over\s+|within\s+)?the\s+(?:next|coming)\s+(?<n>\d{1,3}|two|three|four|five|six|seven|ten|a few|a couple of|few|couple of)\s+(?<unit>days|weeks)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextDays();

    [GeneratedRegex("^" + DayQuestion + @"\s+(?:(?:due|planned|scheduled|happening|on|for)\s+)*(?<day>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnDay();

    [GeneratedRegex(@"^(?:how(?:'s|s| is| does)|what does)\s+(?:(?:my|the)\s+)?(?<span>today|tomorrow|tonight|week|weekend|month|this week|this weekend|this month|next week|next month)(?:\s+(?:look|looking|look like|looking like|shaping up))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLike();

    [GeneratedRegex(@"\b(?:this|later this)\s+(?:morning|afternoon|evening)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartOfToday();

    // "what do I need to do by friday?", "what needs doing before monday?", "what's left by friday?", "tasks due by friday",
    // "due by friday": what is to be done by a day, asked in other words than OnDay's ("what did I get done by…" is not).
    [GeneratedRegex(@"^(?!.*\bdid\b)(?:(?:what|which|anything|tasks?|things?)\b.*?\b(?:due|to do|to finish|to get done|to be done|doing|done|left|need|needs|have|got)|due)\s+(?<day>(?:by|before|until|till|after)\s+.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToDoBy();

    [GeneratedRegex(@"^(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?:tasks|to-?dos|things|stuff|items)(?:\s+(?:i\s+have|i've\s+got|ive\s+got|left|still))?(?:\s+(?:to\s+do|to\s+get\s+done|due|for|on|planned|scheduled|happening|coming\s+up))*\s+(?<when>.+?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListThenWhen();
}
