namespace TaskChat.Api.Chat.Offline;

/// <summary>
/// "rename 3 to buy oat milk", "change the description of 3 to two litres", "rename the milk task to buy
/// oat milk", "add a note to 3: bring the receipt", "remove the description of 3".
/// </summary>
internal static class UpdateParser
{
    private static readonly string[] ChangeVerbs = ["change", "update", "edit", "modify", "set", "alter"];

    private static readonly string[] DescriptionOf =
    [
        "the description of", "the description for", "the description on", "description of", "description for",
        "the details of", "the details for", "details of", "the note of", "the note on", "the notes of", "the notes for",
    ];

    private static readonly string[] TitleOf = ["the title of", "the name of", "title of", "name of", "the title for", "the name for", "the wording of"];

    private static readonly string[] AddDescriptionTo =
    [
        "add a description to", "add description to", "add a description for", "add a note to", "add note to", "add notes to",
        "add a note on", "add details to", "add some details to",
    ];

    private static readonly string[] ClearDescriptionOf =
    [
        "remove the description of", "remove the description from", "delete the description of", "clear the description of",
        "clear the description on", "remove the note from", "remove the notes from", "clear the notes of",
    ];

    public static Intent? Parse(string text)
    {
        if (Phrase.TryStripStart(text, ClearDescriptionOf, out var rest))
        {
            return IntentParser.Act(TaskAction.Update, rest, newDescription: "");
        }
        if (Phrase.TryStripStart(text, AddDescriptionTo, out rest))
        {
            return Change(rest, [":", "saying", "that says"], isTitle: false);
        }
        if (Phrase.TryStripStart(text, ["describe"], out rest))
        {
            return Change(rest, ["as", ":"], isTitle: false);
        }
        if (Phrase.TryStripStart(text, ["rename"], out rest))
        {
            Phrase.TryStripStart(rest, TitleOf, out rest);
            return Change(rest, ["to", "as", ":"], isTitle: true);
        }
        if (!Phrase.TryStripStart(text, ChangeVerbs, out rest))
        {
            return null;
        }
        if (Phrase.TryStripStart(rest, DescriptionOf, out var described))
        {
            return Change(described, ["to", ":"], isTitle: false);
        }
        Phrase.TryStripStart(rest, TitleOf, out rest);
        return Change(rest, ["to", ":"], isTitle: true);
    }

    // The target comes first and the new value after the first separator; "3's description" and
    // "task 3 description" also pick the description.
    private static Intent? Change(string text, string[] separators, bool isTitle)
    {
        if (!Phrase.TrySplit(text, separators, out var target, out var value))
        {
            return TaskReference.Parse(text) is null ? null : new NoToolIntent(NoToolReason.MissingChange);
        }
        if (Phrase.TryStripEnd(target, ["'s description", "description", "'s details", "details", "'s note", "note"], out var owner))
        {
            (target, isTitle) = (owner, false);
        }
        else if (Phrase.TryStripEnd(target, ["'s title", "title", "'s name", "name"], out owner))
        {
            (target, isTitle) = (owner, true);
        }
        var newValue = Phrase.Unquote(value);
        if (newValue.Length == 0)
        {
            return new NoToolIntent(NoToolReason.MissingChange);
        }
        return isTitle
            ? IntentParser.Act(TaskAction.Update, target, newTitle: Phrase.Capitalize(newValue))
            : IntentParser.Act(TaskAction.Update, target, newDescription: newValue);
    }
}
