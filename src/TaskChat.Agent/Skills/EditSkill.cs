using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "rename 3 to buy oat milk", "change the description of 3 to two litres", "rename the milk task to buy oat milk",
/// "add a note to 3: bring the receipt", "remove the description of 3".
/// </summary>
internal sealed partial class EditSkill : Skill
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

    private static readonly string[] AddNote = ["add a note", "add note", "add a description", "add a comment", "add some details", "add details"];

    private static readonly string[] ClearDescriptionOf =
    [
        "remove the description of", "remove the description from", "delete the description of", "clear the description of",
        "clear the description on", "remove the note from", "remove the notes from", "clear the notes of",
    ];

    public override string Name => "edit";

    public override int Precedence => 80;

    public override string Capability => "rename tasks and change their descriptions";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask)];

    public override IReadOnlyList<string> Examples =>
        ["rename 3 to buy oat milk", "change the description of 3 to two litres", "rename the milk task to buy oat milk", "add a note to 3: bring the receipt", "remove the description of 3",
         "note on milk: the 2% one", "milk note: 2% only", "call the milk one oat milk", "call it oat milk instead"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        if (SaidInPassing(utterance) is { } passing)
        {
            return passing;
        }
        if (Phrase.TryStripStart(text, ClearDescriptionOf, out var rest))
        {
            return Edit(rest, null, "");
        }
        // "note on milk: the 2% one", "notes for the taxes: use the new form" (before: not understood), with the colon that
        // says where the note starts ("note to self: …" is a task to add).
        if (Phrase.TryStripStart(text, AddDescriptionTo, out rest)
            || text.Contains(':', StringComparison.Ordinal) && Phrase.TryStripStart(text, ["note on", "note for", "notes on", "notes for", "a note on", "a note for", "comment on"], out rest))
        {
            var added = Change(rest, [":", "saying", "that says"], isTitle: false);
            return added is EditRequest note ? note with { AddsNote = true } : added;
        }
        // "add a note that I need my account number", "add a note: bring the receipt": to the task just talked about.
        if (Phrase.TryStripStart(text, AddNote, out rest) && Phrase.TryStripStart(rest, [":", "that", "saying", "that says", "-"], out var said) && Phrase.Unquote(said) is { Length: > 0 } noted)
        {
            return new EditRequest(TaskTarget.It, null, noted) { AddsNote = true };
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

    private static SkillRequest? Change(string text, string[] separators, bool isTitle)
    {
        if (!Phrase.TrySplit(text, separators, out var target, out var value))
        {
            return TaskReference.Parse(text) is null ? null : MissingChange;
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
            return MissingChange;
        }
        return isTitle ? Edit(target, Phrase.Capitalize(newValue), null) : Edit(target, null, newValue);
    }

    private static SkillRequest? Edit(string targetText, string? title, string? description)
    {
        if (TaskReference.IsEverything(targetText))
        {
            return new Say("I change tasks one at a time. Which one? Tell me its number or a few words of its title.");
        }
        if (TaskReference.Parse(targetText) is { } target)
        {
            return new EditRequest(target, title, description);
        }
        return Phrase.Words(targetText).Count > 0 ? null : new Say("Which task should I change? Tell me its number or a few words of its title.");
    }

    private static Say MissingChange => new("What should I change? For example “rename 3 to buy oat milk” or “change the description of 3 to two litres”.");
}

/// <summary>A new title or description. <see cref="AddsNote"/>: the description is added to the one the task has (“add a note …”).</summary>
internal sealed record EditRequest(TaskTarget Target, string? NewTitle, string? NewDescription) : TargetedRequest(Target)
{
    public bool AddsNote { get; init; }

    protected override bool NeedsCurrentFields => true;

    protected override string Verb => "change";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask)];

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        new CallTools([.. targets.Select(t => ToolCall.Of(ToolNames.UpdateTask, (ToolArguments.TaskId, t.Id), (ToolArguments.Title, NewTitle),
            (ToolArguments.Description, AddsNote && t.Description is { Length: > 0 } had ? had + "\n" + NewDescription : NewDescription)))]);

    /// <summary>
    /// "eggs note: buy the brown ones" with no task of those words: adding it with that note is offered, which "yes" does
    /// (before: only "I couldn't find a task matching “eggs”"). A rename of no task is said as before.
    /// </summary>
    protected override NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        if (!AddsNote || !Target.ByWords || NewDescription is not { Length: > 0 } note)
        {
            return base.ActOnNoMatch(tasks, context);
        }
        var named = Target.Phrase;
        return new Answer($"I couldn't find a task matching “{named}”. {Fallback.AddOffer}{AddSkill.Title(named)}” as a task, with the note “{note}”? " +
            $"Say “add {named} with the note: {note}” (or “yes”) and I will.");
    }

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        string.Join(' ', done.Select(change =>
        {
            var before = tasks?.FirstOrDefault(t => t.Id == change.Outcome.TaskId)?.Title;
            return (NewTitle, NewDescription) switch
            {
                ({ }, _) when before is { Length: > 0 } => $"Renamed “{before}” to “{change.Outcome.Title}”.",
                ({ }, _) => $"Renamed task {change.Outcome.TaskId} to “{change.Outcome.Title}”.",
                (null, "") => $"Removed the description of “{change.Outcome.Title}”.",
                _ when AddsNote => $"Added the note to “{change.Outcome.Title}”.",
                _ => $"Updated the description of “{change.Outcome.Title}”.",
            };
        }));
}
