namespace TaskChat.Agent;

/// <summary>
/// Everyday verbs: the imperative ones that start a task's title ("buy", "call"), which tell "add buy milk and call
/// mom" (two tasks) from "add salt and pepper" (one), and their past tenses ("bought", "called"), which tell that a
/// task is done ("I bought the milk").
/// </summary>
internal static class Verbs
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["bought"] = "buy", ["paid"] = "pay", ["did"] = "do", ["made"] = "make", ["sent"] = "send", ["took"] = "take",
        ["got"] = "get", ["went"] = "go", ["wrote"] = "write", ["read"] = "read", ["brought"] = "bring", ["found"] = "find",
        ["gave"] = "give", ["had"] = "have", ["left"] = "leave", ["met"] = "meet", ["sold"] = "sell", ["told"] = "tell",
        ["drove"] = "drive", ["ran"] = "run", ["swept"] = "sweep", ["fed"] = "feed", ["ate"] = "eat", ["put"] = "put",
        ["set"] = "set", ["taught"] = "teach", ["thought"] = "think", ["caught"] = "catch", ["built"] = "build",
        ["spent"] = "spend", ["lent"] = "lend", ["rang"] = "ring", ["hung"] = "hang", ["wore"] = "wear", ["threw"] = "throw",
        ["shut"] = "shut", ["cut"] = "cut", ["kept"] = "keep", ["slept"] = "sleep", ["won"] = "win", ["drew"] = "draw",
        ["picked"] = "pick", ["fixed"] = "fix", ["washed"] = "wash", ["mowed"] = "mow", ["booked"] = "book",
    };

    private static readonly HashSet<string> Imperatives =
    [
        "buy", "call", "pay", "email", "send", "book", "clean", "wash", "fix", "pick", "get", "write", "read", "finish", "make",
        "cook", "water", "walk", "feed", "take", "bring", "return", "renew", "schedule", "cancel", "check", "order", "print",
        "post", "mail", "text", "ring", "visit", "meet", "go", "do", "prepare", "review", "submit", "file", "plan", "organize",
        "organise", "tidy", "vacuum", "mow", "iron", "fill", "pack", "unpack", "study", "practice", "practise", "learn", "update",
        "backup", "back", "charge", "drop", "collect", "sign", "register", "apply", "invite", "thank", "ask", "tell", "reply",
        "respond", "remind", "repair", "replace", "sort", "empty", "recycle", "exercise", "run", "bake", "shop", "find", "look",
        "paint", "hang", "move", "sell", "donate", "wrap", "order", "cut", "trim", "service", "refill", "top", "stretch", "meditate",
        "floss", "sweep", "dust", "jog", "swim",
    ];

    /// <summary>True when the word is an everyday imperative that starts a task ("buy", "call").</summary>
    public static bool IsImperative(string word) => Imperatives.Contains(word);

    /// <summary>The base form of a past tense ("bought" gives "buy", "called" gives "call"), or null when the word is not one.</summary>
    public static string? BaseOfPast(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular))
        {
            return irregular;
        }
        if (word.Length < 5 || !word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("eed", StringComparison.Ordinal))
        {
            return null;
        }
        return TitleMatcher.Stem(word) is { Length: >= 3 } stem && stem != word ? stem : null;
    }
}
