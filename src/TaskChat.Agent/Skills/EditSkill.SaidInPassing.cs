using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// A rename or a note said in passing: "call it oat milk instead" (the one task the turn before added, changed or showed),
/// "call the milk one oat milk", "rename the milk one oat milk", and "milk note: 2% only" (a note on that task, as "note on
/// milk: …" is). Before, the first two were offered as tasks to add (“Call it oat milk instead”) and the note as a task
/// “Milk note 2 only”. "call it a day" and the like are small talk, read before (<see cref="SmallTalkSkill"/>).
/// </summary>
internal sealed partial class EditSkill
{
    // Words that are no task's name before "note:" ("quick note: call mom" is a note to self).
    private static readonly HashSet<string> NotANotesTask = ["quick", "side", "small", "short", "little", "important", "general", "random", "personal", "private", "new", "a", "my", "self"];

    // What follows "call the X one" when it is no new name: "call the plumber one more time".
    private static readonly HashSet<string> NotANewName =
        ["more", "last", "of", "about", "and", "again", "at", "on", "in", "for", "to", "with", "tomorrow", "today", "tonight", "back", "now", "soon", "later", "this", "next", "by"];

    // "call it off", "call it a day for now" (and what starts so): said of the day or a plan, never a new name.
    private static readonly HashSet<string> Idioms =
        ["a day", "a night", "quits", "done", "even", "off", "in", "out", "a wrap", "over", "good", "fine", "finished", "complete", "completed",
         "a deal", "square", "what you want", "what you like"];

    private static SkillRequest? SaidInPassing(Utterance utterance)
    {
        var text = utterance.Text;
        // Only what starts so, or has a colon, is looked at: "add buy milk" goes on at once.
        if (text.Contains(':', StringComparison.Ordinal) && NamedNote().Match(text) is { Success: true } note
            && Phrase.Words(note.Groups["name"].Value) is [var first, ..] named && !named.Any(NotANotesTask.Contains)
            && !Verbs.IsImperative(first) && !AddSkill.StartsWithVerb(text) && named.Count <= 4
            && TaskReference.Parse(note.Groups["name"].Value) is { ByWords: true } noted && Phrase.Unquote(note.Groups["note"].Value) is { Length: > 0 } said)
        {
            return new EditRequest(noted, null, said) { AddsNote = true };
        }
        if (!text.StartsWith("call ", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("rename ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (CallTheOne().Match(text) is { Success: true } one && Phrase.Words(one.Groups["title"].Value) is [var next, ..] && !NotANewName.Contains(next)
            && TaskReference.Parse(one.Groups["name"].Value) is { ByWords: true } target)
        {
            return new EditRequest(target, Phrase.Capitalize(Phrase.Unquote(one.Groups["title"].Value)), null);
        }
        if (CallIt().Match(text) is not { Success: true } it || Phrase.Unquote(it.Groups["title"].Value) is not { Length: > 0 } title
            || string.Join(' ', Phrase.Words(title)) is var words && Idioms.Any(i => words == i || words.StartsWith(i + " ", StringComparison.Ordinal)))
        {
            return null;
        }
        // "it" is the one task the turn just before was about: further back, "call it …" is too loose a way to name one.
        var previous = utterance.Context.Chat.Previous;
        var changed = previous is null ? 0 : ChatState.Changed(previous).Count;
        return previous is not null && (changed == 1 || changed == 0 && ChatState.Shown(previous).Count == 1)
            ? new EditRequest(TaskTarget.It, Phrase.Capitalize(title), null)
            : new Say($"Which task should I call “{Phrase.Capitalize(title)}”? Say “rename” and its number or a few words of its title, for example “rename the milk one to {title}”.");
    }

    // "milk note: 2% only", "garage notes - bring gloves" is not one (a colon says where the note starts).
    [GeneratedRegex(@"^(?<name>[^:,;]{1,40}?)\s+notes?\s*:\s*(?<note>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedNote();

    // "call the milk one oat milk", "rename the milk task oat milk instead".
    [GeneratedRegex(@"^(?:call|rename)\s+the\s+(?<name>\S.{0,40}?)\s+(?:one|task|thing)\s+(?<title>\S.*?)(?:\s+instead)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallTheOne();

    // "call it oat milk instead", "rename it oat milk" ("rename it to …" is read as before).
    [GeneratedRegex(@"^(?:call|rename)\s+(?:it|that|this)\s+(?!to\s)(?<title>\S.*?)(?:\s+instead)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallIt();
}
