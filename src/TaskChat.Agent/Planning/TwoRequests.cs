using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// A part of a message read on its own: its words as said and the request a skill read in them. <paramref name="Found"/>:
/// what the request's own lookup would find, already looked up before the message was cut ("add eggs and delete the
/// garage": <see cref="Planner"/> looked the garage up to know it was two requests), so it is not asked for again.
/// </summary>
internal sealed record SaidRequest(string Said, SkillRequest Request, IReadOnlyList<TaskSnapshot>? Found = null);

/// <summary>
/// The two requests of one message, in the order said. <see cref="OnlyIfNamed"/>, when set, is the second, a change to a
/// task named by words after "and" inside an add or a new title ("add eggs and delete the garage"): the message is two
/// requests only when those words name a task the user has, which the planner looks up first (<see cref="Planner"/>);
/// otherwise it is the one request it was read as before ("add wash the car and remove the roof box": one task).
/// </summary>
internal sealed record TwoInOne(IReadOnlyList<SaidRequest> Requests, TargetedRequest? OnlyIfNamed);

/// <summary>
/// "add eggs and mark milk done", "mark milk done and add bread", "delete the dentist. add call mom tomorrow": two requests
/// in one message, each read on its own and both carried out, in order (<see cref="Planner"/>). A message is split only
/// where each side is, by itself, a clear request of a skill that changes tasks (the second may also list them), and the
/// second starts with the verb of one, so a title is never cut ("add salt and pepper", "add milk and eggs", "add buy milk
/// and call mom" read as before). After "and" inside an add or a new title or note, only a task ticked off or a list starts
/// a second request, or a change to a task whose words name one the user has, looked up first ("add eggs and delete the
/// garage" two requests, "add wash the car and remove the roof box" one task: no task is a roof box); after a full stop, any. A second that points back ("mark it done",
/// "delete both") or three requests are not split, and are read as before (after an add: both named, to be said one at a
/// time).
/// </summary>
internal static partial class TwoRequests
{
    // The verbs a second request starts with, after "and" or a full stop.
    private static readonly string[] SecondVerbs =
    [
        "add", "create", "mark", "complete", "check off", "tick off", "cross off", "uncheck", "reopen", "delete", "remove", "cancel", "scrap",
        "call off", "move", "push", "postpone", "reschedule", "rename", "tag", "untag", "skip", "set", "change", "make", "remind me", "show", "list",
        // A question after a change, answered after it: "mark milk done and what's left?", "… and what should I do first?"
        // (before: "I couldn't find a pending task matching “milk done” or “whats left”"; after an add, “Eggs and what's left”).
        "what", "what's", "whats", "how many", "anything",
    ];

    /// <summary>The two requests of <paramref name="message"/>, in the order said, or null when it is one request (or more than two).</summary>
    public static TwoInOne? Read(string message, AgentContext context, Func<Utterance, SkillRequest?> read) =>
        // Three requests or more ("mark milk done, delete the garage and add eggs": the second part two more) are left whole.
        Split(message, context, read) is { } two && Split(two.Requests[1].Said, context, read) is null ? two : null;

    // The message cut where it first makes two requests, or null.
    private static TwoInOne? Split(string message, AgentContext context, Func<Utterance, SkillRequest?> read)
    {
        var text = message.Trim();
        foreach (Match between in Between().Matches(text))
        {
            var firstSaid = text[..between.Index].Trim();
            var secondSaid = text[(between.Index + between.Length)..].Trim();
            var second = Utterances.From(secondSaid, context);
            if (firstSaid.Length == 0 || secondSaid.Length == 0 || !Phrase.TryStripStart(second.Text, SecondVerbs, out _)
                || read(Utterances.From(firstSaid, context)) is not { } first || !Changes(first))
            {
                continue;
            }
            // Inside an add or a new title or note, "and" may join its words ("add wash the car and remove the roof box",
            // "rename the garage to tidy and remove the old bikes"): only a task ticked off ("and mark milk done", "and
            // check off the milk") or a list is plainly a request of its own there.
            var then = read(second);
            TargetedRequest? onlyIfNamed = null;
            if (first is AddRequest or EditRequest && !SentenceEnd().IsMatch(between.Value) && !TickedOff().IsMatch(second.Text) && !(Reads(then) && then is not ListRequest { Filter: SearchFilter }))
            {
                // A change to a task by its words ("and delete the garage", "and change taxes priority to low") is a request
                // of its own when the words name a task the user has: looked up before anything is done, as a person would
                // read it knowing the list. A roof box that is no task stays part of the title.
                if (then is not TargetedRequest { Target.ByWords: true } named || !Changes(named))
                {
                    continue;
                }
                onlyIfNamed = named;
            }
            if (then is not null && (Changes(then) || Reads(then)) && !(first is AddRequest && then is AddRequest) && !PointsBack(then))
            {
                // "mark milk done, delete the garage and add eggs": three requests, the first two read as one.
                return firstSaid.Split(", ").Skip(1).Any(part => Phrase.TryStripStart(part, SecondVerbs, out _))
                    ? null
                    : new TwoInOne([new SaidRequest(firstSaid, first), new SaidRequest(secondSaid, then)], onlyIfNamed);
            }
        }
        return null;
    }

    /// <summary>A request that changes tasks (adds, completes, deletes, edits a field, reopens, skips), not a question.</summary>
    private static bool Changes(SkillRequest request) =>
        request is AddRequest or CompleteRequest or DeleteRequest or EditRequest or FieldChangeRequest or ReopenRequest or SkipRequest
            or PastTenseRequest or EachOfRequest;

    /// <summary>A question that only reads the tasks, answered after the change before it: a list, the counts, what to do first.</summary>
    private static bool Reads(SkillRequest? request) => request is ListRequest or SummaryRequest or NextUpRequest;

    // "mark it done", "delete both", "move the second one": read before the first is done, it would point at what the
    // conversation had before this message.
    private static bool PointsBack(SkillRequest request) =>
        request is TargetedRequest { Target: var target } && (target.IsIt || target.Listed || target.ByPosition || target.IsNewest);

    // "add eggs and mark milk done", "… . also delete the garage", "…, then add bread".
    [GeneratedRegex(@"[.!]\s+(?:(?:also|and then|and|then|plus)\s+)?|,?\s+and\s+(?:then\s+|also\s+)?|,\s+(?:then|also|plus)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    [GeneratedRegex(@"^[.!]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:mark\s+.+\s+(?:as\s+)?(?:done|complete|completed|finished)|(?:check|tick|cross)\s+off\s+.+|(?:check|tick|cross)\s+.+\s+off|complete\s+(?:task\s+)?#?\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TickedOff();
}
