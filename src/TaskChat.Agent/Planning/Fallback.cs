namespace TaskChat.Agent;

/// <summary>
/// The answer to a message no skill reads: a suggestion that fits it ("buy milk" → “add buy milk”; "3" → what to do
/// with task 3), never a nonsense one ("add I bought the milk"), else a few examples and "help".
/// </summary>
internal static class Fallback
{
    private const string Examples = "“add buy milk”, “what's due today?”, “I bought the milk” or “undo that”";

    /// <summary>How the offer to add a message that looks like a task begins: a "yes" to it adds it (<see cref="AddSkill"/>).</summary>
    public const string AddOffer = "Should I add “";

    public static SkillRequest For(Utterance utterance)
    {
        if (TaskReference.Parse(utterance.Text) is { ByNumber: true } bare)
        {
            var n = string.Join(", ", bare.Ids);
            return new Say($"What should I do with task {n}? For example “complete {n}”, “delete {n}” or “rename {n} to …”.");
        }
        // "tomorrow call mom" is offered as "call mom tomorrow" is: the when moved to the end, where adding reads it.
        var text = utterance.IsQuestion ? utterance.Text : LeadingWhen.MovedToEnd(utterance.Text, utterance.Context.Clock) ?? utterance.Text;
        if (!utterance.IsQuestion && Phrase.Words(text) is [var first, _, ..] && Verbs.IsImperative(first) && text.Length <= 80)
        {
            var plain = char.ToLowerInvariant(text[0]) + text[1..];
            // Titled as the add will title it: "call mom tomorrow" offers “Call mom” (before, “Call mom tomorrow”).
            var title = When.TryExtract(text, utterance.Context.Clock, out var before, out _) && before.Length > 0 ? before : text;
            return new Say($"{AddOffer}{AddSkill.Title(title)}” as a task? Say “add {plain}” (or “yes”) and I will.");
        }
        return new Say($"Sorry, I didn't quite get that. I look after your tasks: try {Examples}, or say “help” to see everything I understand.");
    }
}
