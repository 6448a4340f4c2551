using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "don't forget eggs", "don't forget the eggs tomorrow", "don't let me forget milk at 5pm": a thing to do, added, with a
/// reminder when a time is said (as "remind me to …" sets one); "don't forget milk" beside a “Buy milk” still to do names
/// that one instead of adding a second. Before, "don't forget" needed a "to" ("don't forget to buy eggs"); without it, the
/// message was not understood.
/// </summary>
internal sealed partial class AddSkill
{
    private static readonly string[] DontForgetTo = ["don't forget to", "dont forget to", "do not forget to", "don't let me forget to", "dont let me forget to"];

    // "don't forget eggs" (a thing named), not "don't forget to buy eggs" (an action, added as it is said).
    private static bool SaidAsDontForget(string text) => Phrase.TryStripStart(text, DontForget, out _) && !Phrase.TryStripStart(text, DontForgetTo, out _);
}

/// <summary>
/// An add of a thing named ("don't forget milk") that first looks among the tasks still to do: one those words name is said
/// to be there already, with how to add another; none, the add goes ahead.
/// </summary>
internal sealed record OnTheListAlready(TaskTarget Target, AddRequest Add) : TargetedRequest(Target)
{
    public static OnTheListAlready? For(AddRequest add, AgentContext context) =>
        add is { Titles: [var title], Repeat: null } && Phrase.Words(title) is [var first, ..] && !Verbs.IsImperative(first)
        && context.Tools.Has(ToolNames.ListTasks) && TaskReference.Parse(title) is { ByWords: true } target
            ? new OnTheListAlready(target, add)
            : null;

    protected override string LookupStatus => ListStatus.Pending;

    protected override string Verb => "add";

    public override IReadOnlyList<ToolNeed> Needs => Add.Needs;

    public override string? CannotYet => Add.CannotYet;

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) => new Answer((targets is [var one]
        ? $"{Replies.Label(one)} is already on your list{(one.DueText is null ? "" : ", due " + ListRequest.DescribeDue(one, context))}."
        : $"{Replies.Join(targets.Select(Replies.Label))} are already on your list.")
        + $" To add another, say “add {Add.Titles[0].ToLowerInvariant()} again”.");

    protected override NextStep ActOnSeveral(IReadOnlyList<TaskSnapshot> matches, AgentContext context) => ActOn(matches, context);

    protected override NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => Add.Act(null, context);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => Add.Reply(done, null, context);
}
