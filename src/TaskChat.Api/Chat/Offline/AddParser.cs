namespace TaskChat.Api.Chat.Offline;

/// <summary>
/// "add buy milk", "remind me to call mom", "create a task: pay rent", "add eggs, bread and milk" (three
/// tasks), "add call Bob with description about the offer" (a title and a description).
/// </summary>
internal static class AddParser
{
    private static readonly string[] Verbs =
    [
        "add", "add a task", "add task", "add a new task", "add new task", "add an item", "add item", "add a reminder",
        "create", "create a task", "create task", "create a new task", "create new task", "make a task", "make a new task",
        "new task", "new todo", "new to-do", "new reminder", "remind me to", "remind me about", "remind me that", "remind me",
        "i need to", "i have to", "i must", "i should", "i gotta", "i've got to", "i got to", "don't forget to",
        "dont forget to", "don't let me forget to", "remember to", "note to self", "put", "jot down", "write down",
        "note down", "todo:", "to do:", "to-do:", "task:", "note:", "reminder:",
    ];

    // After "add a task": "called pay rent", "named …", "to buy milk".
    private static readonly string[] Naming = ["called", "named", "titled", "to", "that says", "saying"];

    private static readonly string[] ToTheList =
    [
        "to my list", "to the list", "to my tasks", "to my task list", "to my to-do list", "to my todo list", "to my to do list",
        "to the task list", "to list", "on my list", "on the list", "as a task", "as a new task", "as well", "too",
    ];

    private static readonly string[] DescriptionMarkers =
    [
        "with description", "with the description", "with a description", "with details", "with the details", "with a note",
        "with note", "with notes", "with the note", "description:", "details:", "notes:", "note:",
    ];

    public static Intent? Parse(string text)
    {
        if (!Phrase.TryStripStart(text, Verbs, out var rest))
        {
            return null;
        }
        if (Phrase.TryStripStart(rest, ToTheList, out var afterList))
        {
            rest = afterList;
        }
        Phrase.TryStripStart(rest, Naming, out rest);
        Phrase.TryStripEnd(rest, ToTheList, out rest);

        if (Phrase.TrySplit(rest, DescriptionMarkers, out var title, out var description))
        {
            var single = Title(title);
            return single.Length == 0
                ? new NoToolIntent(NoToolReason.MissingTitle)
                : new AddIntent([new NewTask(single, Phrase.Unquote(description) is { Length: > 0 } d ? d : null)]);
        }

        var titles = SplitTitles(rest).Select(Title).Where(t => t.Length > 0).ToList();
        return titles.Count == 0
            ? new NoToolIntent(NoToolReason.MissingTitle)
            : new AddIntent([.. titles.Select(t => new NewTask(t))]);
    }

    public static string Title(string text) => Phrase.Capitalize(Phrase.Unquote(text));

    // Quoted titles are taken as they are ("add "salt and pepper""); otherwise commas, semicolons and "and"
    // separate tasks, so "eggs, bread and milk" is three.
    private static IEnumerable<string> SplitTitles(string text)
    {
        var quoted = Phrase.QuotedSegments(text);
        if (quoted.Count > 0)
        {
            return quoted;
        }
        return text
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(SplitOnAnd);
    }

    private static IEnumerable<string> SplitOnAnd(string part)
    {
        var rest = part.Trim();
        Phrase.TryStripStart(rest, ["and", "&"], out rest);
        while (Phrase.TrySplit(rest, ["and", "&"], out var before, out var after))
        {
            yield return before;
            rest = after;
        }
        yield return rest;
    }
}
