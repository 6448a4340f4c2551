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

    // "remind me about milk" (a thing named, no time: a time said is a reminder, ReminderSkill's), not "remind me to buy milk".
    private static bool SaidAsRemindAbout(string text) => Phrase.TryStripStart(text, ["remind me about"], out _);
}

/// <summary>
/// An add of a thing named ("don't forget milk") that first looks among the tasks still to do: one those words name is said
/// to be there already, with how to add another; none, the add goes ahead.
/// </summary>
internal sealed record OnTheListAlready(TaskTarget Target, AddRequest Add) : TargetedRequest(Target)
{
    /// <summary>
    /// Said as "remind me about milk", with no time: the one there is named with how to be reminded of it. Before, a second
    /// task “Milk” was added beside “Buy milk” (found in session 42's probe).
    /// </summary>
    public bool RemindAbout { get; init; }

    public static OnTheListAlready? For(AddRequest add, AgentContext context) =>
        add is { Titles: [var title], Repeat: null } && Phrase.Words(title) is [var first, ..] && !Verbs.IsImperative(first)
        && context.Tools.Has(ToolNames.ListTasks) && TaskReference.Parse(title) is { ByWords: true } target
            ? new OnTheListAlready(target, add)
            : null;

    // "the milk", as "remind me about the milk" gives it: "milk" in the examples to say.
    private static string Unarticled(string title) =>
        (Phrase.TryStripStart(title, ["the", "my"], out var words) && words.Length > 0 ? words : title).ToLowerInvariant();

    protected override string LookupStatus => ListStatus.Pending;

    protected override string Verb => "add";

    public override IReadOnlyList<ToolNeed> Needs => Add.Needs;

    public override string? CannotYet => Add.CannotYet;

    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) => new Answer((targets is [var one]
        ? $"{Replies.Label(one)} is already on your list{(one.DueText is null ? "" : ", due " + ListRequest.DescribeDue(one, context))}."
        : $"{Replies.Join(targets.Select(Replies.Label))} are already on your list.")
        + (RemindAbout
            ? $" Say when to remind you, for example “remind me about {Unarticled(Add.Titles[0])} tomorrow at 9am”, or “add {Unarticled(Add.Titles[0])} again” for another."
            : $" To add another, say “add {Add.Titles[0].ToLowerInvariant()} again”."));

    protected override NextStep ActOnSeveral(IReadOnlyList<TaskSnapshot> matches, AgentContext context) => ActOn(matches, context);

    protected override NextStep ActOnNoMatch(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => Add.Act(null, context);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) => Add.Reply(done, null, context);
}
