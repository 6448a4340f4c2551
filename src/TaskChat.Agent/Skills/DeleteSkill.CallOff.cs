using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// "call off the dentist", "call dinner off": the plan named is cancelled, so its task is deleted, as "cancel the dentist"
/// deletes it ("undo" brings it back). "call it off" is the one task the turn just before added, changed or showed, as
/// "call it oat milk instead" is; with none there it asks which, and right after an offer or a question it drops them, as
/// "forget it" does. Before, each was offered as a task to add (“Call off the dentist”, “Call it off”).
/// </summary>
internal sealed partial class DeleteSkill
{
    private SkillRequest? CalledOff(Utterance utterance)
    {
        // Every message not read before deleting passes here: a pattern is tried only on what starts with "call ".
        if (!utterance.Text.StartsWith("call ", StringComparison.OrdinalIgnoreCase) || CallOff().Match(utterance.Text) is not { Success: true } off)
        {
            return null;
        }
        var named = off.Groups["q"].Value;
        if (!TaskReference.IsPronoun(named))
        {
            // Read as "cancel the dentist" is: by words, a number, or each task of a day ("call off everything on friday").
            return Read(Utterances.From("cancel " + named, utterance.Context));
        }
        var previous = utterance.Context.Chat.Previous;
        if (previous is not null && OfferedTitle().Match(previous.Reply) is { Success: true } offer)
        {
            return new Say($"OK, I won't add “{offer.Groups["title"].Value}”.");
        }
        if (previous is not null && (ConfirmedList.IsAsking(previous.Reply) || TargetedRequest.AsksWhich(previous.Reply)))
        {
            return new Say("OK, nothing changed.");
        }
        var changed = previous is null ? [] : ChatState.Changed(previous);
        var only = changed is [var one] ? one : changed.Count == 0 && previous is not null && ChatState.Shown(previous) is [var shown] ? shown : null;
        return only is null
            ? new Say("Which task should I call off? Tell me its number or a few words of its title, for example “call off the dentist”.")
            : new DeleteRequest(new TaskTarget([only.Id], []));
    }

    // "call off the dentist", "call the dentist off", "call it off".
    [GeneratedRegex(@"^call\s+(?:off\s+(?<q>\S.*)|(?<q>\S.*?)\s+off)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallOff();
}
