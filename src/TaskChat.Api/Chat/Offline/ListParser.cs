using TaskChat.Contract;

namespace TaskChat.Api.Chat.Offline;

/// <summary>
/// "show my tasks", "what's left?" (pending), "what have I finished?" (completed), "list everything" (all).
/// A list request starts with a showing or asking word and mentions tasks or their state, or consists of
/// such words alone ("my tasks", "pending tasks").
/// </summary>
internal static class ListParser
{
    private static readonly HashSet<string> ShowWords =
        ["show", "list", "display", "view", "see", "what", "whats", "which", "how", "give", "tell", "get", "do", "any", "check", "read", "print", "where"];

    private static readonly HashSet<string> AboutTasks =
    [
        "task", "tasks", "todo", "todos", "list", "everything", "all", "left", "pending", "open", "remaining", "outstanding",
        "unfinished", "incomplete", "done", "finished", "completed", "complete", "did", "have", "anything", "items", "stuff",
        "agenda", "plate", "due", "overview", "progress", "next", "accomplished",
    ];

    private static readonly HashSet<string> PendingWords =
        ["left", "pending", "open", "remaining", "outstanding", "unfinished", "incomplete", "undone", "still", "next", "due", "upcoming", "active"];

    private static readonly HashSet<string> CompletedWords =
        ["done", "finished", "completed", "complete", "did", "accomplished", "achieved", "closed", "checked"];

    private static readonly string[] NotDone = ["not done", "not finished", "not completed", "not complete", "not yet", "have to do", "need to do", "to do"];

    public static Intent? Parse(string text)
    {
        var words = Phrase.Words(text);
        if (words.Count == 0)
        {
            return null;
        }
        var asks = ShowWords.Contains(words[0]) && (words.Count == 1 || words.Any(AboutTasks.Contains));
        var namesTasks = words.All(w => AboutTasks.Contains(w) || TaskReference.StopWords.Contains(w) || w is "me" or "i");
        return asks || namesTasks ? new ListIntent(Status(words)) : null;
    }

    private static string Status(IReadOnlyList<string> words)
    {
        var sentence = " " + string.Join(' ', words) + " ";
        if (NotDone.Any(phrase => sentence.Contains(" " + phrase + " ", StringComparison.Ordinal)) || words.Any(PendingWords.Contains))
        {
            return ListStatus.Pending;
        }
        return words.Any(CompletedWords.Contains) ? ListStatus.Completed : ListStatus.All;
    }
}
