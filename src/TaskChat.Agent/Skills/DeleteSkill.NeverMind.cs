using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "never mind about milk", "nevermind the garage", "nvm the garage", "forget it": the user dropping something ("nvm" as a
/// quick thumb types "never mind"). What was offered or asked
/// just before is dropped ("Should I add “Eggs”?", then "never mind about eggs": not added). With nothing pending, a
/// task named is never deleted on these words: the agent says nothing changed and asks whether to delete the one task
/// they name, which only a "yes" in the next message does. Before, "forget it" deleted the task last talked about, even
/// right after an offer or a question, and "never mind about eggs" after an offer offered “About eggs”.
/// </summary>
internal sealed partial class DeleteSkill
{
    /// <summary>How the question after "never mind about milk" begins: a "yes" to it deletes the task it names.</summary>
    public const string NeverMindOpening = "OK, nothing changed. Should I delete ";

    /// <summary>How the question after "the garage is off" begins: a "yes" to it deletes the task it names.</summary>
    public const string SaidOffOpening = "Is that off for good? Should I delete ";

    private static SkillRequest? NeverMind(Utterance utterance)
    {
        // Every message not read before deleting passes here ("add buy milk" too): words looked for first, no pattern tried.
        if (!utterance.Raw.Contains("mind", StringComparison.OrdinalIgnoreCase) && !utterance.Raw.Contains("forget", StringComparison.OrdinalIgnoreCase)
            && !utterance.Raw.Contains("nvm", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var said = Phrase.Clean(utterance.Raw);
        var pronoun = DroppedIt().IsMatch(said);
        var named = NeverMindNamed().Match(said);
        if (!pronoun && !named.Success)
        {
            return null;
        }
        TaskTarget? target = null;
        if (!pronoun)
        {
            string[] words = [.. Phrase.Words(named.Groups["named"].Value)];
            if (words is ["the" or "my" or "that" or "those", .. var unarticled])
            {
                words = unarticled;
            }
            // "never mind, delete the plants one" and "never mind, what's left?" are requests after a filler, read as such.
            // "never mind, I'll do it myself": about the user, not a task.
            if (words is [var first, ..] && AboutTheUser.Contains(first) && !utterance.IsQuestion)
            {
                return new Say("OK, nothing changed.");
            }
            if (words.Length is 0 or > 4 || Verbs.IsImperative(words[0]) || Commands.Contains(words[0]) || utterance.IsQuestion
                || TaskReference.Parse(string.Join(' ', words)) is not { ByWords: true } byWords)
            {
                return null;
            }
            target = byWords;
        }
        var previous = utterance.Context.Chat.Previous;
        if (previous is not null && OfferedTitle().Match(previous.Reply) is { Success: true } offer
            && (target is null || TitleMatcher.Match([new TaskSnapshot(0, offer.Groups["title"].Value, false, default)], target.Words).Count > 0))
        {
            return new Say($"OK, I won't add “{offer.Groups["title"].Value}”.");
        }
        if (target is null || previous is not null && (ConfirmedList.IsAsking(previous.Reply) || TargetedRequest.AsksWhich(previous.Reply)))
        {
            var undo = previous?.Exchanges.Any(e => e.Changed) == true ? " To take back the last change, say “undo”." : "";
            return new Say("OK, nothing changed." + undo);
        }
        return new NeverMindRequest(target);
    }

    /// <summary>"yes" to "OK, nothing changed. Should I delete #1 “Buy milk”?": that task deleted; "no": kept.</summary>
    public override SkillRequest? ReadAnswer(Utterance utterance, PastTurn previous)
    {
        if (!previous.Reply.StartsWith(NeverMindOpening, StringComparison.Ordinal) && !previous.Reply.StartsWith(SaidOffOpening, StringComparison.Ordinal)
            || ChatState.Shown(previous) is not [var asked])
        {
            return null;
        }
        if (Phrase.IsYes(utterance.Raw))
        {
            return new ConfirmedRequest([asked.Id], ToolNames.DeleteTask, done => $"Deleted {Replies.Titles(done)}. Say “undo” to bring it back.");
        }
        return string.Join(' ', Phrase.Words(Phrase.Clean(utterance.Raw))) is "no" or "nope" or "nah" or "no thanks" or "keep it" or "never mind" or "nevermind" or "nvm"
            ? new Say($"OK, I kept {Replies.Quoted(asked.Title)}.")
            : null;
    }

    // The first words of a request said after "never mind," ("never mind, delete the garage"), which is read as that request.
    private static readonly HashSet<string> Commands =
        [.. DeleteVerbs.Select(v => v.Split(' ')[0]), "add", "mark", "complete", "move", "rename", "change", "set", "show", "list", "remind", "tag",
         "undo", "reopen", "postpone", "push", "put", "snooze", "skip", "clear", "edit", "note", "find", "search", "please", "just", "what", "whats"];

    private static readonly HashSet<string> AboutTheUser = ["i", "ill", "im", "ive", "id", "we", "you", "it", "its"];

    [GeneratedRegex(@"^(?:(?:just|oh|ok|okay|ah)\s+)?(?:never\s?mind|nvm|forget)(?:\s+about)?\s+(?:it|that|this|all that)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DroppedIt();

    [GeneratedRegex(@"^(?:(?:oh|ok|okay|ah)\s+)?(?:never\s?mind|nvm)\s*,?\s+(?:about\s+|on\s+)?(?<named>[^,.;:!?]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeverMindNamed();

    [GeneratedRegex(@"Should I add “(?<title>[^”]+)” as a task\?", RegexOptions.CultureInvariant)]
    private static partial Regex OfferedTitle();
}

/// <summary>
/// "never mind about milk" with nothing pending: the one pending task those words name is asked about, never deleted on
/// these words (<see cref="DeleteSkill.NeverMindOpening"/>); several or none, nothing changed, said so.
/// </summary>
internal sealed record NeverMindRequest(TaskTarget Target) : TargetedRequest(Target)
{
    protected override string LookupStatus => ListStatus.Pending;

    protected override string Verb => "delete";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new Answer(targets is [var one]
            ? $"{DeleteSkill.NeverMindOpening}{Replies.Label(one)}? Say “yes” to delete it or “no” to keep it."
            : "OK, nothing changed.");

    protected override NextStep ActOnSeveral(IReadOnlyList<TaskSnapshot> matches, AgentContext context) =>
        new Answer($"OK, nothing changed. To delete one of {Replies.Join(matches.Select(Replies.Label), "or")}, say “delete” and its number.");

    protected override NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => new Answer("OK, nothing changed.");

    // Act always answers in words: there is no call to reply to.
    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => "";
}

/// <summary>
/// "the garage is off": the one pending task those words name is asked about (<see cref="DeleteSkill.SaidOffOpening"/>),
/// deleted only on a "yes" in the next message; several are named for "delete" and a number; none, the message is not
/// understood, as before ("the light is off").
/// </summary>
internal sealed record SaidOffRequest(TaskTarget Target) : TargetedRequest(Target)
{
    protected override string LookupStatus => ListStatus.Pending;

    protected override string Verb => "delete";

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        targets is [var one]
            ? new Answer($"{DeleteSkill.SaidOffOpening}{Replies.Label(one)}? Say “yes” to delete it or “no” to keep it.")
            : ActOnSeveral(targets, context);

    protected override NextStep ActOnSeveral(IReadOnlyList<TaskSnapshot> matches, AgentContext context) =>
        new Answer($"Nothing changed. To delete one of {Replies.Join(matches.Select(Replies.Label), "or")}, say “delete” and its number.");

    protected override NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => new Answer(Fallback.NotUnderstood);

    // Act always answers in words: there is no call to reply to.
    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => "";
}
